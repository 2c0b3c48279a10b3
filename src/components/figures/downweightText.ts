/** Figure 3's caption numbers, readouts and data table, from the math (pure; see DownweightFigure). */
import { downweightRatio, missAtDownweight } from "../../math/curves";
import { modulatingFactor } from "../../math/focal";
import { formatParam, formatTimes, formatValue } from "../../math/format";
import type { DataTableSpec } from "../DataTable";

export const READOUT_PTS = [0.5, 0.9, 0.99] as const;
const TABLE_PTS = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999] as const;

/** "100× less": how much less an example at p_t counts under FL than under CE ("same as CE" at γ = 0). */
export function timesLess(pt: number, gamma: number): string {
  return gamma === 0 ? "same as CE" : `${formatTimes(downweightRatio(pt, gamma))} less`;
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
    same: gamma === 0,
    gamma: formatParam(gamma),
    at09: timesLess(0.9, gamma),
    at05: timesLess(0.5, gamma),
    thousandFold: thousandFold(gamma),
  };
}

/**
 * The ratio axis: from 1 to a power of ten that holds every readout (so no tile reads more than
 * the axis shows), and at least 10⁶.
 */
export function ratioDomain(gamma: number): [number, number] {
  const max = Math.max(1e6, ...READOUT_PTS.map((pt) => downweightRatio(pt, gamma)));
  return [1, 10 ** Math.ceil(Math.log10(max) - 1e-9)];
}

export function downweightTable(gamma: number): DataTableSpec {
  return {
    columns: ["pₜ", "(1 − pₜ)^γ", "CE / FL"],
    rows: TABLE_PTS.map((pt) => [
      String(pt),
      formatValue(modulatingFactor(pt, gamma)),
      formatTimes(downweightRatio(pt, gamma)),
    ]),
  };
}
