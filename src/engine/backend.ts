/**
 * Choosing and verifying the tfjs backend. `setBackend` can hang or quietly fall back to another
 * backend, so every switch is bounded by a timeout and checked against `tf.getBackend()`. The
 * wasm files are never fetched from a CDN: pass the path the app serves them from (in Node the
 * package finds them in node_modules). WebGPU is loaded only after an adapter probe passes, so
 * its package never enters a page's first load (and never outranks wasm in tfjs's registry).
 */
import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import type { BackendInfo, BackendName } from "../experiment/backends";
import { restartWebGlIfLost, watchDevice } from "./device";

export const DEFAULT_BACKEND_TIMEOUT_MS = 15000;
/** How long a WebGPU adapter may take to answer before WebGPU counts as absent. */
export const ADAPTER_TIMEOUT_MS = 2000;
const WASM_PRIORITY = 2;
/** Below wasm and WebGL (2): WebGPU is only ever chosen by name, after a probe. */
const WEBGPU_PRIORITY = 1;
const THREADS_FLAG = "WASM_HAS_MULTITHREAD_SUPPORT";
const UNMASKED_RENDERER_WEBGL = 0x9246;
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export type WasmFile =
  | "tfjs-backend-wasm.wasm"
  | "tfjs-backend-wasm-simd.wasm"
  | "tfjs-backend-wasm-threaded-simd.wasm";

export interface BackendSetupOptions {
  /** A directory prefix ending in "/" (e.g. "/tfjs-wasm/") or a map from file name to URL. */
  wasmPaths?: string | Partial<Record<WasmFile, string>>;
  timeoutMs?: number;
  /**
   * wasm only: use the multithreaded build where this page can run it (cross-origin isolated,
   * SharedArrayBuffer); default true. `auto` times both builds where there are 4 or more logical
   * cores (see autoBackend.ts).
   */
  wasmThreads?: boolean;
  /** webgpu only: accept a software (fallback) adapter such as SwiftShader; default false. */
  acceptSoftwareAdapter?: boolean;
}

export class BackendError extends Error {
  constructor(
    readonly backend: BackendName,
    message: string,
  ) {
    super(`${backend}: ${message}`);
    this.name = "BackendError";
  }
}

let configuredWasmPaths: string | null = null;

/**
 * Makes `name` the active backend and checks that it really is; throws `BackendError` when it
 * fails, falls back or takes longer than the timeout (a late success may still switch later).
 */
export async function useBackend(
  name: BackendName,
  options: BackendSetupOptions = {},
): Promise<BackendInfo> {
  if (name === "webgl" && !hasWebGlCanvas())
    throw new BackendError(name, "no WebGL canvas in this environment");
  if (name === "webgl") restartWebGlIfLost();
  if (name === "wasm") await prepareWasm(options.wasmPaths, options.wasmThreads ?? true);
  if (name === "webgpu") await prepareWebGpu(options.acceptSoftwareAdapter ?? false);
  const timeoutMs = options.timeoutMs ?? DEFAULT_BACKEND_TIMEOUT_MS;
  try {
    await activate(name, timeoutMs);
  } catch (error) {
    // The multithreaded build needs workers of its own (pthreads); where they cannot start
    // (workers blocked, a page-thread fallback) the single-threaded build still can.
    if (name !== "wasm" || !wasmThreadsOn) throw error;
    await prepareWasm(options.wasmPaths, false);
    await activate(name, timeoutMs);
  }
  watchDevice();
  return describeBackend(name);
}

/** `tf.setBackend(name)`, bounded and verified; throws `BackendError`. */
async function activate(name: BackendName, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const outcome = await Promise.race([tf.setBackend(name), timeout]);
    if (outcome === "timeout")
      throw new BackendError(name, `setBackend did not settle within ${timeoutMs} ms`);
    if (outcome !== true)
      throw new BackendError(name, "setBackend resolved false (initialization failed)");
    await tf.ready();
  } catch (error) {
    if (error instanceof BackendError) throw error;
    throw new BackendError(name, String(error));
  } finally {
    clearTimeout(timer);
  }
  const active = tf.getBackend();
  if (active !== name) throw new BackendError(name, `tfjs fell back to ${active}`);
}

/** Facts about the active backend `name` (renderer for WebGL, SIMD for wasm). */
export function describeBackend(name: BackendName): BackendInfo {
  if (name === "wasm") {
    const info: BackendInfo = { name, simd: tf.env().getBool("WASM_HAS_SIMD_SUPPORT") };
    return wasmThreadsOn ? { ...info, threads: getThreadsCount() } : info;
  }
  if (name === "webgpu") return webGpuAdapter ? { name, adapter: webGpuAdapter } : { name };
  if (name !== "webgl") return { name };
  const renderer = webGlRenderer();
  return renderer === undefined
    ? { name }
    : { name, renderer, softwareRenderer: SOFTWARE_RENDERER.test(renderer) };
}

/** Whether WebGL can exist here at all (a DOM canvas or OffscreenCanvas); false in Node. */
export function hasWebGlCanvas(): boolean {
  return typeof OffscreenCanvas !== "undefined" || typeof document !== "undefined";
}

let threadsAvailable: Promise<boolean> | null = null;
/** The build the wasm backend was last set up with (null: not yet). */
let wasmThreadsOn: boolean | null = null;

/**
 * Whether this page can run the multithreaded wasm build: tfjs's own check (SharedArrayBuffer,
 * which needs cross-origin isolation, and wasm threads; false in Node), read once, before this
 * module ever overrides the flag.
 */
export function wasmThreadsAvailable(): Promise<boolean> {
  threadsAvailable ??= Promise.resolve(tf.env().getAsync(THREADS_FLAG)).then(
    (v) => v === true,
    () => false,
  );
  return threadsAvailable;
}

/**
 * Pick the wasm build. tfjs reads the threads flag only when the backend initializes, so a
 * change of build re-registers the backend (disposing the old instance and its tensors; the
 * wasm kernels stay registered). The threaded build survives minification only with
 * build/tfjsWasmThreadsFix.ts.
 */
async function prepareWasm(paths: BackendSetupOptions["wasmPaths"], wantThreads: boolean) {
  setWasmPathsOnce(paths);
  const threads = wantThreads && (await wasmThreadsAvailable());
  if (wasmThreadsOn === threads) return;
  tf.env().set(THREADS_FLAG, threads);
  if (wasmThreadsOn !== null) {
    const factory = tf.findBackendFactory("wasm");
    if (factory) {
      tf.removeBackend("wasm");
      tf.registerBackend("wasm", factory, WASM_PRIORITY);
    }
  }
  wasmThreadsOn = threads;
}

function setWasmPathsOnce(paths: BackendSetupOptions["wasmPaths"]): void {
  if (paths === undefined) return;
  const key = JSON.stringify(paths);
  if (configuredWasmPaths === key) return;
  if (configuredWasmPaths !== null)
    throw new BackendError("wasm", "wasm paths can be set only once per page");
  setWasmPaths(paths);
  configuredWasmPaths = key;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; isFallbackAdapter?: boolean };
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

let webGpuAdapter: string | undefined;
let webGpuLoaded: Promise<void> | null = null;

/**
 * Probe for a hardware WebGPU adapter, bounded by `ADAPTER_TIMEOUT_MS`; only then load the
 * WebGPU backend. Without an adapter (headless Chromium, most Linux browsers) or with only a
 * software one (SwiftShader: seconds per step here) it throws, and `auto` skips it.
 */
async function prepareWebGpu(acceptSoftware: boolean): Promise<void> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) throw new BackendError("webgpu", "this browser has no WebGPU");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ADAPTER_TIMEOUT_MS);
  });
  const adapter = await Promise.race([gpu.requestAdapter().catch(() => null), timeout]);
  clearTimeout(timer);
  if (adapter === "timeout")
    throw new BackendError("webgpu", `no adapter answered within ${ADAPTER_TIMEOUT_MS} ms`);
  if (adapter === null) throw new BackendError("webgpu", "no WebGPU adapter here");
  const info = adapter.info;
  const described = [info?.vendor, info?.architecture].filter(Boolean).join(" ") || "unknown";
  const software =
    adapter.isFallbackAdapter === true ||
    info?.isFallbackAdapter === true ||
    /swiftshader|llvmpipe|software/i.test(described);
  if (software && !acceptSoftware)
    throw new BackendError("webgpu", `only a software adapter here (${described})`);
  webGpuAdapter = described;
  webGpuLoaded ??= import("@tensorflow/tfjs-backend-webgpu").then(() => {
    // With its default batching of command submissions (15 per submit), tfjs-backend-webgpu
    // 4.22 trained our model wrongly on SwiftShader's adapter here: step 0 matched cpu, later
    // losses drifted and Adam blew up. Submitting every command at once matched cpu to 1e-6
    // (crossBackend.browser.test.ts with VITE_WEBGPU_SOFTWARE=1).
    tf.env().set("WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE", 1);
    // The package registers itself at priority 3, above wasm and WebGL; lower it.
    const factory = tf.findBackendFactory("webgpu");
    if (!factory) return;
    tf.removeBackend("webgpu");
    tf.registerBackend("webgpu", factory, WEBGPU_PRIORITY);
  });
  await webGpuLoaded;
}

interface GlLike {
  getExtension(name: string): unknown;
  getParameter(parameter: number): unknown;
}

function webGlRenderer(): string | undefined {
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: GlLike } };
  const gl = backend.gpgpu?.gl;
  if (!gl || !gl.getExtension("WEBGL_debug_renderer_info")) return undefined;
  const renderer = gl.getParameter(UNMASKED_RENDERER_WEBGL);
  return typeof renderer === "string" ? renderer : undefined;
}
