/** Figure 1's caption numbers and data table, from the math (pure; see LossVsPtFigure). */
import { crossEntropy, focalLoss } from "../../math/focal";
import { formatParam, formatTimes, formatValue } from "../../math/format";
import type { DataTableSpec } from "../DataTable";

export const LOSS_VS_PT_TABLE_PTS = [
  0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999,
] as const;

/** CE, FL and how many times less FL is, at one p_t, as the caption writes them. */
export interface LossAt {
  ce: string;
  fl: string;
  times: string;
}

export function lossAt(pt: number, gamma: number): LossAt {
  const ce = crossEntropy(pt);
  const fl = focalLoss(pt, gamma);
  return { ce: formatValue(ce), fl: formatValue(fl), times: formatTimes(ce / fl) };
}

/**
 * The caption's numbers. At γ = 0 the two losses are one (`same`); otherwise an easy and a hard
 * example's losses, and the most any misclassified example (p_t ≤ 0.5) loses: 2^γ times, since
 * (1 − p_t)^γ ≥ 0.5^γ there (the paper: "at most 4× for p_t ≤ .5 and γ = 2").
 */
export function lossVsPtCaption(gamma: number) {
  return {
    same: gamma === 0,
    gamma: formatParam(gamma),
    easy: lossAt(0.9, gamma),
    hard: lossAt(0.1, gamma),
    misclassifiedAtMost: formatTimes(2 ** gamma),
  };
}

export function lossVsPtTable(gamma: number): DataTableSpec {
  return {
    columns: ["pₜ", "CE", `FL (γ = ${formatParam(gamma)})`, "CE / FL"],
    rows: LOSS_VS_PT_TABLE_PTS.map((pt) => {
      const { ce, fl, times } = lossAt(pt, gamma);
      return [String(pt), ce, fl, times];
    }),
  };
}
