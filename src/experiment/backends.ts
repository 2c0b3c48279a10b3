/**
 * The tfjs backends a run can train on, as names and plain records: what the page, the URL and
 * the worker protocol know of them. Choosing and starting one is the engine's job.
 */

export type BackendName = "webgl" | "wasm" | "webgpu" | "cpu";
/** A backend by name, or "auto": time each one here and keep the fastest. */
export type BackendChoice = BackendName | "auto";
/** In fallback order (after a failure the next one that starts takes over). */
export const BACKEND_NAMES: readonly BackendName[] = ["webgl", "wasm", "webgpu", "cpu"];
export const BACKEND_CHOICES: readonly BackendChoice[] = ["auto", ...BACKEND_NAMES];

/** What is known about the active backend. */
export interface BackendInfo {
  name: BackendName;
  /** WebGL only: the unmasked renderer string, when the browser reveals it. */
  renderer?: string;
  /** WebGL only: true when the renderer is a software rasterizer (SwiftShader, llvmpipe, …). */
  softwareRenderer?: boolean;
  /** wasm only. */
  simd?: boolean;
  /**
   * wasm only: XNNPACK's thread-pool size. Absent for the single-threaded build; 1 or more for
   * the multithreaded build (used where the page is cross-origin isolated).
   */
  threads?: number;
  /** WebGPU only: the adapter's vendor and architecture, when the browser reveals them. */
  adapter?: string;
}

/**
 * How one candidate fared in `auto`. `msPerStep` is null when the backend did not initialize, or
 * when `auto` did not time it (`notTimed`).
 */
export interface BackendTiming {
  name: BackendName;
  /** wasm only: whether this timing is of the multithreaded build (auto may time both). */
  wasmThreads?: boolean;
  msPerStep: number | null;
  stepsTimed: number;
  info?: BackendInfo;
  error?: string;
  /** Why `auto` did not time this candidate at all (then `msPerStep` is null). */
  notTimed?: string;
}

/** The backend in use, and why it was chosen. */
export interface BackendSelection {
  name: BackendName;
  info: BackendInfo;
  reason: string;
  timings: BackendTiming[];
}
