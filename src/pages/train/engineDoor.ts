/**
 * The page's handle on a training session: a Web Worker when the browser can run one (and
 * train in it), else the same session on the main thread, yielding between steps, with a notice.
 */
import * as Comlink from "comlink";
import type { BackendChoice } from "../../experiment/backends";
import type {
  Job,
  JobProgress,
  SessionApi,
  SessionSetup,
  SessionUpdate,
} from "../../experiment/protocol";

/** Every method of the session API, as the page calls it: asynchronously. */
export type SessionHandle = {
  [K in keyof SessionApi]: (
    ...args: Parameters<SessionApi[K]>
  ) => Promise<Awaited<ReturnType<SessionApi[K]>>>;
} & { thread: "worker" | "main"; close(): void };

function spawnWorker(): Worker {
  return new Worker(new URL("../../engine/train.worker.ts", import.meta.url), {
    type: "module",
    name: "training",
  });
}

function workerHandle(worker: Worker): SessionHandle {
  const remote = Comlink.wrap<SessionApi>(worker);
  return {
    thread: "worker",
    start: (setup: SessionSetup, onUpdate: (u: SessionUpdate) => void) =>
      remote.start(setup, Comlink.proxy(onUpdate)),
    play: () => remote.play(),
    pause: () => remote.pause(),
    step: () => remote.step(),
    reset: (setup: SessionSetup) => remote.reset(setup),
    runJob: (job: Job, backend: BackendChoice, onProgress: (p: JobProgress) => void) =>
      remote.runJob(job, backend, Comlink.proxy(onProgress)),
    cancelJob: () => remote.cancelJob(),
    dispose: () => remote.dispose(),
    close: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

async function mainThreadHandle(): Promise<SessionHandle> {
  const [{ TrainingSession }, { WASM_PATHS }, { yieldToRendering }] = await Promise.all([
    import("../../engine/session"),
    import("../../engine/wasmPaths"),
    import("../../engine/yield"),
  ]);
  const session = new TrainingSession({
    thread: "main",
    backendOptions: { wasmPaths: WASM_PATHS },
    yieldToHost: yieldToRendering,
  });
  return {
    thread: "main",
    start: (setup, onUpdate) => session.start(setup, onUpdate),
    play: async () => session.play(),
    pause: async () => session.pause(),
    step: () => session.step(),
    reset: (setup) => session.reset(setup),
    runJob: (job, backend, onProgress) => session.runJob(job, backend, onProgress),
    cancelJob: async () => session.cancelJob(),
    dispose: async () => session.dispose(),
    close: () => session.dispose(),
  };
}

/**
 * Start a session with `setup`: in a worker when possible; on the main thread when workers are
 * unavailable (`preferMainThread`, no Worker, or the worker fails to start training).
 */
export async function openSession(
  setup: SessionSetup,
  onUpdate: (u: SessionUpdate) => void,
  preferMainThread = false,
): Promise<{ handle: SessionHandle; notice?: string }> {
  if (!preferMainThread && typeof Worker !== "undefined") {
    let worker: Worker | undefined;
    try {
      worker = spawnWorker();
      const failed = new Promise<never>((_, reject) => {
        worker?.addEventListener(
          "error",
          (e) => reject(new Error(e.message || "the worker could not start")),
          { once: true },
        );
      });
      const handle = workerHandle(worker);
      await Promise.race([handle.start(setup, onUpdate), failed]);
      return { handle };
    } catch (error) {
      worker?.terminate();
      const handle = await mainThreadHandle();
      await handle.start(setup, onUpdate);
      const reason = error instanceof Error ? error.message : String(error);
      return {
        handle,
        notice: `Training could not run in a background worker (${reason}); it runs on this page instead, which may make the page less smooth.`,
      };
    }
  }
  const handle = await mainThreadHandle();
  await handle.start(setup, onUpdate);
  return {
    handle,
    notice: preferMainThread
      ? undefined
      : "This browser has no Web Workers; training runs on this page instead, which may make the page less smooth.",
  };
}

/** A second session for background jobs (seeds, sweeps), so the live runs keep training. */
export async function openJobSession(preferMainThread = false): Promise<SessionHandle> {
  if (!preferMainThread && typeof Worker !== "undefined") return workerHandle(spawnWorker());
  return mainThreadHandle();
}
