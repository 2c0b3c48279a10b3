/** Figure 4's caption numbers and data table, from the math (pure; see GradientFigure). */
import { probabilityOfTruth, sigmoidFocalLossGrad } from "../../math/focal";
import { formatParam, formatTimes, formatValue } from "../../math/format";
import type { DataTableSpec } from "../DataTable";

const TABLE_XS = [-6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6] as const;
/** A negative the model already rejects: logit −3, p_t ≈ 0.95. */
export const EASY_NEGATIVE_X = -3;

export function gradientCaption(gamma: number, alpha: number) {
  const x = EASY_NEGATIVE_X;
  // How much weaker: α_t multiplies both and cancels (it is 0 for negatives at α = 1).
  const weaker =
    sigmoidFocalLossGrad(x, 0, { gamma: 0, alpha: null }) /
    sigmoidFocalLossGrad(x, 0, { gamma, alpha: null });
  return {
    alpha: formatParam(alpha),
    gamma: formatParam(gamma),
    x: String(x),
    pt: formatValue(probabilityOfTruth(x, 0)),
    negative: {
      ce: formatValue(sigmoidFocalLossGrad(x, 0, { gamma: 0, alpha })),
      fl: formatValue(sigmoidFocalLossGrad(x, 0, { gamma, alpha })),
      weaker: formatTimes(weaker),
    },
    positive: {
      ce: formatValue(sigmoidFocalLossGrad(x, 1, { gamma: 0, alpha })),
      fl: formatValue(sigmoidFocalLossGrad(x, 1, { gamma, alpha })),
    },
  };
}

export function gradientTable(gamma: number, alpha: number): DataTableSpec {
  return {
    columns: ["logit x", "positive α-CE", "positive α-FL", "negative α-CE", "negative α-FL"],
    rows: TABLE_XS.map((x) => [
      String(x),
      formatValue(sigmoidFocalLossGrad(x, 1, { gamma: 0, alpha })),
      formatValue(sigmoidFocalLossGrad(x, 1, { gamma, alpha })),
      formatValue(sigmoidFocalLossGrad(x, 0, { gamma: 0, alpha })),
      formatValue(sigmoidFocalLossGrad(x, 0, { gamma, alpha })),
    ]),
  };
}
