/** One live run of a session: its trainer and bookkeeping, and what the page needs of it. */

import { type Evaluation, rankingOf } from "../experiment/evaluation";
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
  /** The step of the run's last step-statistics update (an off-thread evaluation repeats it). */
  shownStep?: number;
}

export function divergenceOf(run: Run): Divergence | null {
  return run.carried ?? run.trainer.divergence;
}

/**
 * The step a run is at, as shown: a diverged run stays at the step it diverged at (steps taken
 * before the next read-back found the divergence do not count).
 */
export function stepOf(run: Run): number {
  return divergenceOf(run)?.step ?? run.trainer.stepCount;
}

export function isAlive(run: Run): boolean {
  return divergenceOf(run) === null;
}

/** Evaluate `run` on the held-out set now, with Figure 4's ranked logits. */
export async function evaluateRun(
  run: Run,
): Promise<{ evaluation: Evaluation; ranked: RankedLogits }> {
  run.lastEvalStep = run.trainer.stepCount;
  const evaluation = await run.trainer.evaluate();
  return { evaluation, ranked: rankedOf(evaluation) };
}

/**
 * Each class's held-out logits ranked by loss, for the page's Figure 4 (done off the page), read
 * off the ranking the evaluation's AP was computed from (no second sort; same arrays).
 */
export function rankedOf(evaluation: Evaluation): RankedLogits {
  const { logits, labels } = evaluation.predictions;
  const order = rankingOf(logits);
  return {
    positives: lossRankedLogits(logits, labels, 1, MAX_RANKED, order),
    negatives: lossRankedLogits(logits, labels, 0, MAX_RANKED, order),
  };
}
