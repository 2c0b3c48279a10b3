/// <reference lib="webworker" />
/**
 * What the second worker does (see `snapshotEvaluator.ts`): on the wasm build of the training
 * worker that sends it checkpoints (it refuses to evaluate on any other), it keeps one
 * evaluating trainer per run and answers each request in order. Results go back with their
 * buffers transferred. The second worker is the training worker's own script started again
 * under another name (`train.worker.ts`), so no second copy of tfjs is downloaded.
 */

import type { BackendInfo } from "../experiment/backends";
import { transferablesOf } from "../experiment/evaluation";
import { useBackend } from "./backend";
import { rankedOf } from "./run";
import type { EvaluatedRun, EvaluatorReply, EvaluatorRequest } from "./snapshotEvaluator";
import { Trainer } from "./trainer";
import { WASM_PATHS } from "./wasmPaths";

/** The name the training worker gives the second worker it starts from its own script. */
export const EVALUATOR_NAME = "focal-loss-explorer evaluator";

const trainers = new Map<string, { key: string; trainer: Trainer }>();
let backend: Promise<BackendInfo> | null = null;

async function trainerFor(request: EvaluatorRequest): Promise<Trainer> {
  const { run, config, build } = request;
  backend ??= useBackend("wasm", {
    wasmPaths: WASM_PATHS,
    wasmThreads: build.threads !== undefined,
  });
  const here = await backend;
  if (here.threads !== build.threads || here.simd !== build.simd)
    throw new Error(
      `this worker runs another wasm build (${JSON.stringify(here)}) than the training worker (${JSON.stringify(build)})`,
    );
  const key = JSON.stringify(config);
  let entry = trainers.get(run);
  if (entry?.key !== key) {
    entry?.trainer.dispose();
    entry = { key, trainer: new Trainer(config) };
    trainers.set(run, entry);
  }
  return entry.trainer;
}

async function handle(request: EvaluatorRequest): Promise<EvaluatedRun | null> {
  const trainer = await trainerFor(request);
  if (request.kind === "prepare") return null;
  const evaluation = await trainer.evaluateSnapshot(request.snapshot);
  return { evaluation, ranked: rankedOf(evaluation) };
}

/** Answer `EvaluatorRequest`s posted to this worker. */
export function serveEvaluations(scope: DedicatedWorkerGlobalScope): void {
  // One request at a time: two forward passes at once would double the memory.
  let queue: Promise<void> = Promise.resolve();
  scope.onmessage = (event: MessageEvent<EvaluatorRequest>) => {
    const request = event.data;
    queue = queue.then(async () => {
      let reply: EvaluatorReply;
      let transfer: ArrayBuffer[] = [];
      try {
        const result = await handle(request);
        reply = { id: request.id, ok: true, result };
        if (result) {
          transfer = [
            ...transferablesOf(result.evaluation),
            result.ranked.positives.buffer as ArrayBuffer,
            result.ranked.negatives.buffer as ArrayBuffer,
          ];
        }
      } catch (error) {
        reply = { id: request.id, ok: false, error: String(error) };
      }
      try {
        scope.postMessage(reply, { transfer: [...new Set(transfer)] });
      } catch (error) {
        // Never silence: the training worker would wait for this answer until its timeout.
        scope.postMessage({ id: request.id, ok: false, error: String(error) });
      }
    });
  };
}
