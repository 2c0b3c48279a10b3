/**
 * Choosing and verifying the tfjs backend. `setBackend` can hang (wasm with a broken threaded
 * build) or quietly fall back to another backend, so every switch is bounded by a timeout and
 * checked against `tf.getBackend()`. The wasm files are never fetched from a CDN: pass the path
 * the app serves them from (in Node the package finds them in node_modules).
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import type { BackendInfo, BackendName } from "../experiment/backends";
import { restartWebGlIfLost, watchDevice } from "./device";

export const DEFAULT_BACKEND_TIMEOUT_MS = 15000;
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
  if (name === "wasm") prepareWasm(options.wasmPaths);
  const timeoutMs = options.timeoutMs ?? DEFAULT_BACKEND_TIMEOUT_MS;
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
  watchDevice();
  return describeBackend(name);
}

/** Facts about the active backend `name` (renderer for WebGL, SIMD for wasm). */
export function describeBackend(name: BackendName): BackendInfo {
  if (name === "wasm") return { name, simd: tf.env().getBool("WASM_HAS_SIMD_SUPPORT") };
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

/** Threads off (see NOTES: the threaded build gains nothing on few cores and can hang). */
function prepareWasm(paths: BackendSetupOptions["wasmPaths"]): void {
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  if (paths === undefined) return;
  const key = JSON.stringify(paths);
  if (configuredWasmPaths === key) return;
  if (configuredWasmPaths !== null)
    throw new BackendError("wasm", "wasm paths can be set only once per page");
  setWasmPaths(paths);
  configuredWasmPaths = key;
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
