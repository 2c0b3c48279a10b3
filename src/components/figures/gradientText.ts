/** Figure 4's caption numbers, y range and data table, from the math (pure; see GradientFigure). */
import type { Point } from "../../math/curves";
import { probabilityOfTruth, sigmoidFocalLossGrad } from "../../math/focal";
import { formatParam, formatTimes, formatValue } from "../../math/format";
import { focalGradientRatio, hardExampleBoost } from "../../math/gradientRatio";
import type { DataTableSpec } from "../DataTable";

const TABLE_XS = [-6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6] as const;
/** A negative the model already rejects (p_t ≈ 0.95), and a positive it misses (p_t ≈ 0.047). */
export const EASY_NEGATIVE_X = -3;

/** "1.19× harder", "1.5× weaker", "as hard": FL's pull on an example against CE's. */
function comparedToCe(ratio: number): string {
  if (Math.abs(ratio - 1) < 0.005) return "as hard as";
  return ratio > 1 ? `${formatTimes(ratio)} harder than` : `${formatTimes(1 / ratio)} weaker than`;
}

/**
 * What the caption says, following the numbers: at γ = 0 the losses coincide; with α = 1 (α = 0)
 * negatives (positives) get no weight at all; otherwise the easy negative's push-back under each
 * loss, the missed positive's pull, and how much harder FL pushes hard examples than CE.
 */
export function gradientCaption(gamma: number, alpha: number) {
  const x = EASY_NEGATIVE_X;
  // The ratio of FL to CE without α (α_t multiplies both and cancels).
  const unweighted = (y: 0 | 1) =>
    sigmoidFocalLossGrad(x, y, { gamma, alpha: null }) /
    sigmoidFocalLossGrad(x, y, { gamma: 0, alpha: null });
  const boost = hardExampleBoost(gamma);
  return {
    same: gamma === 0,
    alpha: formatParam(alpha),
    gamma: formatParam(gamma),
    x: formatValue(x),
    negative: {
      pt: formatValue(probabilityOfTruth(x, 0)),
      unweighted: alpha === 1,
      ce: formatValue(sigmoidFocalLossGrad(x, 0, { gamma: 0, alpha })),
      fl: formatValue(sigmoidFocalLossGrad(x, 0, { gamma, alpha })),
      weaker: formatTimes(1 / unweighted(0)),
    },
    positive: {
      pt: formatValue(probabilityOfTruth(x, 1)),
      unweighted: alpha === 0,
      ce: formatValue(sigmoidFocalLossGrad(x, 1, { gamma: 0, alpha })),
      fl: formatValue(sigmoidFocalLossGrad(x, 1, { gamma, alpha })),
      compared: comparedToCe(focalGradientRatio(probabilityOfTruth(x, 1), gamma)),
    },
    boost: gamma > 0 ? { peak: formatTimes(boost.peak), below: formatValue(boost.below) } : null,
  };
}

/** A symmetric y range that holds every curve (focal gradients exceed CE's 1 in size), at least ±1. */
export function gradientDomain(curves: readonly (readonly Point[])[]): [number, number] {
  let m = 1;
  for (const points of curves) for (const p of points) m = Math.max(m, Math.abs(p.y));
  const padded = Math.ceil(m * 1.05 * 20) / 20;
  return [-padded, padded];
}

export function gradientTable(gamma: number, alpha: number): DataTableSpec {
  return {
    columns: ["logit x", "positive α-CE", "positive α-FL", "negative α-CE", "negative α-FL"],
    rows: TABLE_XS.map((x) => [
      formatValue(x),
      formatValue(sigmoidFocalLossGrad(x, 1, { gamma: 0, alpha })),
      formatValue(sigmoidFocalLossGrad(x, 1, { gamma, alpha })),
      formatValue(sigmoidFocalLossGrad(x, 0, { gamma: 0, alpha })),
      formatValue(sigmoidFocalLossGrad(x, 0, { gamma, alpha })),
    ]),
  };
}
