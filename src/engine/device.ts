/**
 * The device behind the backend, and reading values back from it, bounded. When a WebGL context
 * is lost, tfjs's `data()` never settles (its fence never signals) and shaders it already
 * compiled keep "running" without a word, so a run would stall silently. Here the loss is heard
 * (the `webglcontextlost` event on tfjs's canvas, an OffscreenCanvas in a worker, and
 * `isContextLost()`), every read-back races it and a generous time bound, and a step on a lost
 * device throws at once: the session sees an ordinary backend failure and carries on elsewhere.
 */
import * as tf from "@tensorflow/tfjs";
import { withDeadline } from "../experiment/deadline";

/**
 * Longest wait for one read-back. Only a GPU backend ever waits here (wasm and cpu compute in
 * `step()`): up to 5 queued steps (10 in jobs) or a 64-image evaluation chunk. SwiftShader on a
 * busy 2-core machine took tens of seconds for 5 steps at batch 64, so the bound is generous: it
 * is the backstop, the context-loss event is the fast path.
 */
export const READ_BACK_TIMEOUT_MS = 120_000;

/** tfjs registers WebGL with this priority (tfjs-backend-webgl's `registerBackend`). */
const WEBGL_PRIORITY = 2;

export class DeviceLostError extends Error {
  constructor(message = "the WebGL context was lost") {
    super(message);
    this.name = "DeviceLostError";
  }
}

interface GlLike {
  canvas?: unknown;
  isContextLost?: () => boolean;
}

const lostBackends = new WeakSet<object>();
const watchedCanvases = new WeakSet<object>();
const waiting = new Set<{ backend: object; reject: (error: Error) => void }>();

function glOf(backend: object | undefined): GlLike | undefined {
  return (backend as { gpgpu?: { gl?: GlLike } } | undefined)?.gpgpu?.gl;
}

function isLost(backend: object | undefined): boolean {
  if (!backend) return false;
  if (lostBackends.has(backend)) return true;
  if (glOf(backend)?.isContextLost?.() === true) {
    markLost(backend);
    return true;
  }
  return false;
}

function markLost(backend: object): void {
  lostBackends.add(backend);
  for (const entry of [...waiting])
    if (entry.backend === backend) entry.reject(new DeviceLostError());
}

/** The active backend's instance, without initializing one when none is active yet. */
function activeInstance(): object | undefined {
  const engine = tf.engine();
  return engine.registry[engine.backendName];
}

/** Listen for the loss of the active backend's WebGL context (once per canvas; no-op otherwise). */
export function watchDevice(): void {
  const backend = activeInstance();
  const canvas = glOf(backend)?.canvas as EventTarget | undefined;
  if (!backend || !canvas || typeof canvas.addEventListener !== "function") return;
  if (watchedCanvases.has(canvas)) return;
  watchedCanvases.add(canvas);
  canvas.addEventListener("webglcontextlost", () => markLost(backend));
}

/** Whether the active backend's device is gone: nothing it computes can be read any more. */
export function activeBackendLost(): boolean {
  return isLost(activeInstance());
}

/** Throws `DeviceLostError` when the active backend's device is gone. */
export function throwIfDeviceLost(): void {
  if (activeBackendLost()) throw new DeviceLostError();
}

/**
 * `tensor`'s values, or `DeviceLostError` as soon as the device is lost, or `DeadlineError`
 * after `timeoutMs`. The caller keeps ownership of `tensor` (dispose it in a `finally`).
 */
export async function readBack(
  tensor: tf.Tensor,
  timeoutMs = READ_BACK_TIMEOUT_MS,
): Promise<Float32Array> {
  const backend = activeInstance();
  if (!backend) return (await tensor.data()) as Float32Array;
  if (isLost(backend)) throw new DeviceLostError();
  let entry: { backend: object; reject: (error: Error) => void } | undefined;
  const lost = new Promise<never>((_, reject) => {
    entry = { backend, reject };
    waiting.add(entry);
  });
  try {
    const values = Promise.race([tensor.data() as Promise<Float32Array>, lost]);
    return await withDeadline(values, timeoutMs, "values read back from the device");
  } finally {
    if (entry) waiting.delete(entry);
  }
}

/**
 * Before switching to WebGL: if its context was lost, replace the dead backend with a fresh one
 * (a new canvas and context), so choosing WebGL again, or a reset, really tries it again.
 */
export function restartWebGlIfLost(): void {
  const engine = tf.engine();
  const old = engine.registry.webgl;
  if (!old || !isLost(old)) return;
  const factory = tf.findBackendFactory("webgl");
  if (!factory) return;
  try {
    tf.removeBackend("webgl");
  } catch {
    // Disposing a backend whose context is gone may fail; the registry entry goes either way.
    delete engine.registry.webgl;
  }
  if (!tf.findBackendFactory("webgl")) tf.registerBackend("webgl", factory, WEBGL_PRIORITY);
}
