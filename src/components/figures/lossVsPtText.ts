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

export function lossVsPtCaption(gamma: number) {
  return { gamma: formatParam(gamma), easy: lossAt(0.9, gamma), hard: lossAt(0.1, gamma) };
}

export function lossVsPtTable(gamma: number): DataTableSpec {
  return {
    columns: ["p_t", "CE", `FL (γ = ${formatParam(gamma)})`, "CE / FL"],
    rows: LOSS_VS_PT_TABLE_PTS.map((pt) => {
      const { ce, fl, times } = lossAt(pt, gamma);
      return [String(pt), ce, fl, times];
    }),
  };
}
