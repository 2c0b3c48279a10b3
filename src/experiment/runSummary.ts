/**
 * What happened to a run, in plain words, from its history: diverged, stuck predicting
 * background, ranking by tied scores, or finding objects — with the numbers that say so. Pure.
 */
import { formatShare, formatValue } from "../math/format";
import { sigmoid } from "../math/numeric";
import type { RunHistory } from "./history";
import { STALLED_AP } from "./seedSummary";

/** A run whose highest held-out score is below this predicts background everywhere. */
export const BACKGROUND_SCORE = 0.05;
/** A PR curve whose first operating point already has this recall starts with a tie. */
export const TIED_START_RECALL = 0.05;

/** The recall at which a PR curve starts (its tied top block), or null when it starts low. */
export function tiedStartRecall(pr: { recall: ArrayLike<number> }): number | null {
  const first = pr.recall[0];
  return first !== undefined && first >= TIED_START_RECALL ? first : null;
}

export function describeRun(name: string, run: RunHistory): string | null {
  if (run.divergence)
    return `${name} diverged at step ${run.divergence.step} (${run.divergence.reason}); nothing after that step is valid.`;
  const e = run.latest;
  if (!e || e.step === 0) return null;
  const top = e.pr.threshold.length > 0 ? sigmoid(e.pr.threshold[0] as number) : Number.NaN;
  const tie = tiedStartRecall(e.pr);
  const at = `at step ${e.step}`;
  if (e.ap < STALLED_AP) {
    return Number.isFinite(top) && top < BACKGROUND_SCORE
      ? `${name} predicts background everywhere ${at}: no held-out location scores ${BACKGROUND_SCORE} or more (the highest is ${formatValue(top)}), AP ${formatValue(e.ap)}.`
      : `${name} has stalled ${at}: AP ${formatValue(e.ap)}, its highest scores fall on background.`;
  }
  const found = `${name} ${at}: AP ${formatValue(e.ap)}; it finds ${formatShare(e.recallAtP50)} of the objects at precision ≥ 0.5.`;
  return tie === null
    ? found
    : `${found} ${formatShare(tie)} of the objects tie at its top score, so its ranking is coarse.`;
}
