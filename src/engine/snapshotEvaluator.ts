/**
 * Held-out evaluations off the training thread. At each periodic evaluation the session takes a
 * checkpoint of a run (its weights, read back) and trains on while a second worker runs the
 * forward pass and the metrics on it (`evaluatorService.ts`, in the training worker's own script
 * started again under another name). Only on wasm with at most one XNNPACK
 * thread (more would already use the cores), and only on the same build with the same thread
 * count as the training thread, so an evaluation is the same bit for bit as it would be there
 * (docs/benchmarks.md, "Evaluations off the training thread").
 */
import type { BackendInfo } from "../experiment/backends";
import type { TrainConfig } from "../experiment/config";
import type { Evaluation } from "../experiment/evaluation";
import type { RankedLogits, RunId } from "../experiment/protocol";
import type { TrainerSnapshot } from "../experiment/training";

export interface EvaluatedRun {
  evaluation: Evaluation;
  ranked: RankedLogits;
}

/** Evaluates checkpoints one at a time, in the order asked. */
export interface SnapshotEvaluator {
  /** Build what the run's evaluations need (backend, held-out set) before the first is due. */
  prepare(run: RunId, config: TrainConfig): void;
  evaluate(run: RunId, config: TrainConfig, snapshot: TrainerSnapshot): Promise<EvaluatedRun>;
  dispose(): void;
}

/** Messages to the evaluation worker. */
export type EvaluatorRequest = {
  id: number;
  run: RunId;
  config: TrainConfig;
  build: BackendInfo;
} & ({ kind: "prepare" } | { kind: "evaluate"; snapshot: TrainerSnapshot });

/** Its answers: one per request, in request order. */
export type EvaluatorReply =
  | { id: number; ok: true; result: EvaluatedRun | null }
  | { id: number; ok: false; error: string };

/**
 * An evaluation that has not come back after this long counts as failed (one takes about 0.3 s
 * per run here; the session never has more than one flush's worth in flight).
 */
export const EVALUATION_TIMEOUT_MS = 30_000;

/**
 * A `SnapshotEvaluator` over a worker speaking `EvaluatorRequest` / `EvaluatorReply`, on the
 * wasm build `build` describes (the training thread's). A worker that fails to load, cannot
 * start that very build, throws, or stays silent past the timeout rejects every evaluation in
 * flight and every later one (the session then evaluates on its own thread).
 */
export function workerEvaluator(
  spawn: () => Worker,
  build: BackendInfo,
  timeoutMs = EVALUATION_TIMEOUT_MS,
) {
  const waiting = new Map<
    number,
    { resolve: (r: EvaluatedRun) => void; reject: (e: Error) => void; timer: number }
  >();
  let nextId = 1;
  let dead: Error | null = null;
  let worker: Worker | null = null;

  const fail = (error: Error) => {
    dead ??= error;
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.reject(dead);
    }
    waiting.clear();
    worker?.terminate();
  };

  const ensure = (): Worker | null => {
    if (worker) return worker;
    let w: Worker;
    try {
      w = spawn();
    } catch (error) {
      // E.g. a browser without workers inside workers: the session evaluates on its own thread.
      fail(error instanceof Error ? error : new Error(String(error)));
      return null;
    }
    w.onmessage = (event: MessageEvent<EvaluatorReply>) => {
      const reply = event.data;
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      clearTimeout(entry.timer);
      if (!reply.ok) entry.reject(new Error(reply.error));
      else if (reply.result) entry.resolve(reply.result);
      else entry.reject(new Error("the evaluation worker answered with no evaluation"));
    };
    w.onerror = (event) => {
      event.preventDefault();
      fail(new Error(event.message || "the evaluation worker's script could not be loaded"));
    };
    worker = w;
    return w;
  };

  const send = (request: EvaluatorRequest): void => {
    ensure()?.postMessage(request);
  };

  const evaluator: SnapshotEvaluator = {
    prepare(run, config) {
      if (dead) return;
      send({ id: nextId++, kind: "prepare", run, config, build });
    },
    evaluate(run, config, snapshot) {
      if (dead) return Promise.reject(dead);
      const id = nextId++;
      return new Promise<EvaluatedRun>((resolve, reject) => {
        const timer = setTimeout(
          () => fail(new Error(`no evaluation came back within ${timeoutMs / 1000} s`)),
          timeoutMs,
        ) as unknown as number;
        waiting.set(id, { resolve, reject, timer });
        // Copied, not transferred: the trainer keeps the snapshot as its last good weights.
        send({ id, kind: "evaluate", run, config, build, snapshot });
      });
    },
    dispose() {
      fail(new Error("the evaluator was disposed"));
    },
  };
  return evaluator;
}
