/** One live run of a session: its trainer and bookkeeping, and what the page needs of it. */

import type { Evaluation } from "../experiment/evaluation";
import type { RankedLogits, RunId } from "../experiment/protocol";
import type { Divergence } from "../experiment/training";
import { lossRankedLogits } from "../math/figure4";
import type { RateMeter } from "./rate";
import type { SessionTrainer } from "./sessionEngine";

/** Figure 4 is drawn from at most this many ranked logits per class (evenly spaced ranks). */
const MAX_RANKED = 20_000;

export interface Run {
  id: RunId;
  trainer: SessionTrainer;
  rate: RateMeter;
  lastEvalStep: number;
  /** A divergence from before a backend switch (the restored trainer does not know of it). */
  carried: Divergence | null;
}

export function divergenceOf(run: Run): Divergence | null {
  return run.carried ?? run.trainer.divergence;
}

export function isAlive(run: Run): boolean {
  return divergenceOf(run) === null;
}

/** Each class's held-out logits ranked by loss, for the page's Figure 4 (done off the page). */
export function rankedOf(evaluation: Evaluation): RankedLogits {
  const { logits, labels } = evaluation.predictions;
  return {
    positives: lossRankedLogits(logits, labels, 1, MAX_RANKED),
    negatives: lossRankedLogits(logits, labels, 0, MAX_RANKED),
  };
}
