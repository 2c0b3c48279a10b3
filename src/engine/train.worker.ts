/// <reference lib="webworker" />
/**
 * The training worker: a TrainingSession exposed through Comlink. Updates go back with their
 * typed arrays transferred, not copied. Started again from its own script under
 * `EVALUATOR_NAME`, the same file is the second worker that runs the held-out evaluations
 * (`evaluatorService.ts`): one bundle of tfjs to download and cache, not two.
 */
import * as Comlink from "comlink";
import type { BackendChoice, BackendInfo } from "../experiment/backends";
import { transferablesOf } from "../experiment/evaluation";
import type {
  Job,
  JobProgress,
  SessionApi,
  SessionSetup,
  SessionUpdate,
} from "../experiment/protocol";
import { LIFE_LOCK_PREFIX, transferablesOfUpdate } from "../experiment/protocol";
import { yieldToMessages } from "../experiment/yieldToMessages";
import { EVALUATOR_NAME, serveEvaluations } from "./evaluatorService";
import { TrainingSession } from "./session";
import { workerEvaluator } from "./snapshotEvaluator";
import { WASM_PATHS } from "./wasmPaths";

declare const self: DedicatedWorkerGlobalScope;

/**
 * Held until this worker ends: the page asks for the same lock and is granted it when the worker
 * is closed, terminated or crashes. Without Web Locks (an insecure context) there is no lock and
 * the page relies on its heartbeat.
 */
function holdLifeLock(): Promise<string> {
  return typeof navigator !== "undefined" &&
    navigator.locks &&
    typeof crypto.randomUUID === "function"
    ? new Promise((held) => {
        const name = `${LIFE_LOCK_PREFIX}${crypto.randomUUID()}`;
        void navigator.locks.request(name, () => {
          held(name);
          return new Promise<never>(() => {});
        });
      })
    : Promise.resolve("");
}

function serveSession(): void {
  const lifeLock = holdLifeLock();
  const session = new TrainingSession({
    thread: "worker",
    backendOptions: { wasmPaths: WASM_PATHS },
    yieldToHost: yieldToMessages,
    // A second worker only where there is a second core for it.
    ...(navigator.hardwareConcurrency >= 2
      ? {
          evaluator: (build: BackendInfo) =>
            workerEvaluator(
              () => new Worker(self.location.href, { type: "module", name: EVALUATOR_NAME }),
              build,
            ),
        }
      : {}),
  });

  const api: SessionApi = {
    ping: () => lifeLock,
    start: (setup: SessionSetup, onUpdate: (u: SessionUpdate) => void) =>
      session.start(setup, (u) =>
        onUpdate(Comlink.transfer(u, transferablesOfUpdate(u, transferablesOf))),
      ),
    play: () => session.play(),
    pause: () => session.pause(),
    step: () => session.step(),
    reset: (setup: SessionSetup) => session.reset(setup),
    runJob: (job: Job, backend: BackendChoice, onProgress: (p: JobProgress) => void) =>
      session.runJob(job, backend, onProgress),
    cancelJob: () => session.cancelJob(),
    dispose: () => session.dispose(),
  };

  Comlink.expose(api);
}

if (self.name === EVALUATOR_NAME) serveEvaluations(self);
else serveSession();
