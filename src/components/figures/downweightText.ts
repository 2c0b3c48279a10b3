/** Figure 3's caption numbers, readouts and data table, from the math (pure; see DownweightFigure). */
import { downweightRatio, missAtDownweight } from "../../math/curves";
import { modulatingFactor } from "../../math/focal";
import { formatParam, formatTimes, formatValue } from "../../math/format";
import type { DataTableSpec } from "../DataTable";

export const READOUT_PTS = [0.5, 0.9, 0.99] as const;
const TABLE_PTS = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999] as const;

/** "100×": how many times less an example at p_t counts under FL than under CE. */
export function timesLess(pt: number, gamma: number): string {
  return formatTimes(downweightRatio(pt, gamma));
}

/**
 * From where an example counts at least 1000× less: 1 − p_t ≤ miss (and p_t ≥ 1 − miss when
 * that is readable), or null when it never does (γ = 0: focal loss is cross-entropy).
 */
export function thousandFold(gamma: number): { miss: string; pt: string | null } | null {
  if (gamma <= 0) return null;
  const miss = missAtDownweight(1000, gamma);
  return { miss: formatValue(miss), pt: miss >= 1e-3 ? formatValue(1 - miss) : null };
}

export function downweightCaption(gamma: number) {
  return {
    gamma: formatParam(gamma),
    at09: timesLess(0.9, gamma),
    at05: timesLess(0.5, gamma),
    thousandFold: thousandFold(gamma),
  };
}

export function downweightTable(gamma: number): DataTableSpec {
  return {
    columns: ["p_t", "(1 − p_t)^γ", "CE / FL"],
    rows: TABLE_PTS.map((pt) => [
      String(pt),
      formatValue(modulatingFactor(pt, gamma)),
      timesLess(pt, gamma),
    ]),
  };
}
