/**
 * The tfjs backends a run can train on, as names and plain records: what the page, the URL and
 * the worker protocol know of them. Choosing and starting one is the engine's job.
 */

export type BackendName = "webgl" | "wasm" | "cpu";
/** A backend by name, or "auto": time each one here and keep the fastest. */
export type BackendChoice = BackendName | "auto";
export const BACKEND_NAMES: readonly BackendName[] = ["webgl", "wasm", "cpu"];
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
}

/** How one candidate fared in `auto`. `msPerStep` is null when the backend did not initialize. */
export interface BackendTiming {
  name: BackendName;
  msPerStep: number | null;
  stepsTimed: number;
  info?: BackendInfo;
  error?: string;
}

/** The backend in use, and why it was chosen. */
export interface BackendSelection {
  name: BackendName;
  info: BackendInfo;
  reason: string;
  timings: BackendTiming[];
}
