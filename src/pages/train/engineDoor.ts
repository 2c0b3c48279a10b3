/**
 * The page's handle on a training session: a Web Worker when the browser can run one (and
 * train in it), else the same session on the main thread, yielding between steps, with a notice.
 *
 * Every worker is watched (see `LIVENESS`): it must answer within `readyMs` of its creation; its
 * end is heard at once through the Web Lock it holds for life; one that sends nothing for
 * `silenceMs` is taken for hung. Start, reset and step are time-bounded on either thread. A lost
 * worker rejects its handle's `lost` and every call in flight with `WorkerLostError`; the hooks
 * then replace the session or fall back, with a notice.
 */
import * as Comlink from "comlink";
import type { BackendChoice } from "../../experiment/backends";
import { withDeadline } from "../../experiment/deadline";
import {
  LIVENESS,
  SilenceWatch,
  WORKER_ENDED,
  WorkerLostError,
  workerSilent,
} from "../../experiment/liveness";
import type {
  Job,
  JobProgress,
  SessionApi,
  SessionSetup,
  SessionUpdate,
} from "../../experiment/protocol";

type Calls = Exclude<keyof SessionApi, "ping">;

/** Every method of the session API, as the page calls it: asynchronously. */
export type SessionHandle = {
  [K in Calls]: (...args: Parameters<SessionApi[K]>) => Promise<Awaited<ReturnType<SessionApi[K]>>>;
} & {
  thread: "worker" | "main";
  /** Rejects when the session is lost (its worker ended or hung); never resolves. */
  lost: Promise<never>;
  /** Ends the session (terminates its worker); its calls in flight then never settle. */
  close(): void;
};

const NEVER = new Promise<never>(() => {});

/** `call`, rejected when the session is lost first, or after `ms` (when given). */
function bounded<T>(call: Promise<T>, lost: Promise<never>, ms?: number, what = ""): Promise<T> {
  const raced = Promise.race([call, lost]);
  return ms === undefined ? raced : withDeadline(raced, ms, what);
}

function spawnWorker(): Worker {
  return new Worker(new URL("../../engine/train.worker.ts", import.meta.url), {
    type: "module",
    name: "training",
  });
}

/** Asks for the worker's life lock: granted (and `onEnd` called) when the worker ends. */
function watchLifeLock(name: string, onEnd: () => void): () => void {
  if (name === "" || typeof navigator === "undefined" || !navigator.locks) return () => {};
  const controller = new AbortController();
  navigator.locks
    .request(name, { signal: controller.signal }, () => {
      if (!controller.signal.aborted) onEnd();
    })
    // AbortError: the page closed the worker itself and stopped watching first.
    .catch(() => {});
  return () => controller.abort();
}

interface WorkerLink {
  remote: Comlink.Remote<SessionApi>;
  lost: Promise<never>;
  close(): void;
}

/**
 * A new worker that has answered its first ping, watched from then on. Throws when `Worker`
 * throws, the script fails to load or the worker does not answer within `readyMs`.
 */
async function connectWorker(): Promise<WorkerLink> {
  const worker = spawnWorker();
  const remote = Comlink.wrap<SessionApi>(worker);
  let settled = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let stopWatchingLock = () => {};
  let fail: (error: Error) => void = () => {};
  const lost = new Promise<never>((_, reject) => {
    fail = (error) => {
      if (settled) return;
      settled = true;
      clearInterval(heartbeat);
      reject(error);
    };
  });
  lost.catch(() => {});
  const close = () => {
    settled = true;
    clearInterval(heartbeat);
    stopWatchingLock();
    remote[Comlink.releaseProxy]();
    worker.terminate();
  };
  const silence = new SilenceWatch(LIVENESS.silenceMs, performance.now());
  worker.addEventListener("message", () => silence.heard(performance.now()));
  const onError = (e: ErrorEvent) =>
    fail(new WorkerLostError(e.message || "the background worker's script could not be loaded"));
  worker.addEventListener("error", onError);
  let lockName: string;
  try {
    lockName = await bounded(
      remote.ping(),
      lost,
      LIVENESS.readyMs,
      "the background worker to answer",
    );
  } catch (error) {
    close();
    throw error;
  }
  // From now on an uncaught error inside the worker does not end it (calls report their own).
  worker.removeEventListener("error", onError);
  stopWatchingLock = watchLifeLock(lockName, () => fail(new WorkerLostError(WORKER_ENDED)));
  heartbeat = setInterval(() => {
    if (silence.isSilent(performance.now()))
      fail(new WorkerLostError(workerSilent(LIVENESS.silenceMs)));
    else remote.ping().catch(() => {});
  }, LIVENESS.pingEveryMs);
  return { remote, lost, close };
}

function workerHandle({ remote, lost, close }: WorkerLink): SessionHandle {
  return {
    thread: "worker",
    lost,
    start: (setup: SessionSetup, onUpdate: (u: SessionUpdate) => void) =>
      bounded(
        remote.start(setup, Comlink.proxy(onUpdate)),
        lost,
        LIVENESS.startMs,
        "training to start",
      ),
    play: () => bounded(remote.play(), lost),
    pause: () => bounded(remote.pause(), lost),
    step: () => bounded(remote.step(), lost, LIVENESS.stepMs, "a step to finish"),
    reset: (setup: SessionSetup) =>
      bounded(remote.reset(setup), lost, LIVENESS.startMs, "a reset to finish"),
    runJob: (job: Job, backend: BackendChoice, onProgress: (p: JobProgress) => void) =>
      bounded(remote.runJob(job, backend, Comlink.proxy(onProgress)), lost),
    cancelJob: () => bounded(remote.cancelJob(), lost),
    dispose: () => bounded(remote.dispose(), lost),
    close,
  };
}

/** Live sessions training on the page's own thread (they own its tfjs backend). */
let sessionsOnPage = 0;

/**
 * A session on the page's thread. A live one owns tfjs's backend there; a job shares the
 * backend of a live session on the page, or chooses its own when there is none.
 */
async function mainThreadHandle(role: "live" | "job"): Promise<SessionHandle> {
  const [{ TrainingSession }, { WASM_PATHS }, { yieldToRendering }] = await Promise.all([
    import("../../engine/session"),
    import("../../engine/wasmPaths"),
    import("../../engine/yield"),
  ]);
  const session = new TrainingSession({
    thread: "main",
    ownsBackend: role === "live" || sessionsOnPage === 0,
    backendOptions: { wasmPaths: WASM_PATHS },
    yieldToHost: yieldToRendering,
  });
  let open = true;
  if (role === "live") sessionsOnPage += 1;
  return {
    thread: "main",
    lost: NEVER,
    start: (setup, onUpdate) =>
      withDeadline(session.start(setup, onUpdate), LIVENESS.startMs, "training to start"),
    play: async () => session.play(),
    pause: async () => session.pause(),
    step: () => withDeadline(session.step(), LIVENESS.stepMs, "a step to finish"),
    reset: (setup) => withDeadline(session.reset(setup), LIVENESS.startMs, "a reset to finish"),
    runJob: (job, backend, onProgress) => session.runJob(job, backend, onProgress),
    cancelJob: async () => session.cancelJob(),
    dispose: async () => session.dispose(),
    close: () => {
      if (open && role === "live") sessionsOnPage -= 1;
      open = false;
      session.dispose();
    },
  };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Start a session with `setup`: in a worker when possible; on the main thread when workers are
 * unavailable (`preferMainThread`, no Worker, `new Worker` throws, or the worker does not load,
 * answer or start training).
 */
export async function openSession(
  setup: SessionSetup,
  onUpdate: (u: SessionUpdate) => void,
  preferMainThread = false,
): Promise<{ handle: SessionHandle; notice?: string }> {
  if (!preferMainThread && typeof Worker !== "undefined") {
    let link: WorkerLink | undefined;
    try {
      link = await connectWorker();
      const handle = workerHandle(link);
      await handle.start(setup, onUpdate);
      return { handle };
    } catch (error) {
      link?.close();
      const handle = await mainThreadHandle("live");
      await handle.start(setup, onUpdate);
      return {
        handle,
        notice: `Training could not run in a background worker (${reasonOf(error)}); it runs on this page instead, which may make the page less smooth.`,
      };
    }
  }
  const handle = await mainThreadHandle("live");
  await handle.start(setup, onUpdate);
  return {
    handle,
    notice: preferMainThread
      ? undefined
      : "This browser has no Web Workers; training runs on this page instead, which may make the page less smooth.",
  };
}

/**
 * A second session for background jobs (seeds, sweeps), so the live runs keep training: in a
 * worker of its own, else on the page (interleaved with the live runs), with a notice saying why.
 */
export async function openJobSession(
  preferMainThread = false,
): Promise<{ handle: SessionHandle; notice?: string }> {
  if (preferMainThread) return { handle: await mainThreadHandle("job") };
  const why =
    typeof Worker === "undefined"
      ? "this browser has no Web Workers"
      : await connectWorker().then(
          (link) => link,
          (error: unknown) => reasonOf(error),
        );
  if (typeof why !== "string") return { handle: workerHandle(why) };
  return {
    handle: await mainThreadHandle("job"),
    notice: `The job could not run in a background worker (${why}); it runs on this page instead, taking turns with the live runs.`,
  };
}
