/** Figure 2's caption numbers and data table, from the math (pure; see AlphaBalancedFigure). */
import { alphaT, focalLoss } from "../../math/focal";
import { formatParam, formatValue } from "../../math/format";
import type { DataTableSpec } from "../DataTable";

const TABLE_PS = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;

/** The α-balanced loss of a positive (p_t = p) or of a negative (p_t = 1 − p). */
export function alphaLoss(y: 0 | 1, p: number, gamma: number, alpha: number): number {
  return alphaT(y, alpha) * focalLoss(y === 1 ? p : 1 - p, gamma);
}

export function alphaBalancedCaption(gamma: number, alpha: number) {
  const at = (y: 0 | 1, g: number) => formatValue(alphaLoss(y, 0.5, g, alpha));
  return {
    alpha: formatParam(alpha),
    oneMinusAlpha: formatParam(1 - alpha),
    gamma: formatParam(gamma),
    positive: { ce: at(1, 0), fl: at(1, gamma) },
    negative: { ce: at(0, 0), fl: at(0, gamma) },
  };
}

export function alphaBalancedTable(gamma: number, alpha: number): DataTableSpec {
  return {
    columns: ["p", "positive α-CE", "positive α-FL", "negative α-CE", "negative α-FL"],
    rows: TABLE_PS.map((p) => [
      String(p),
      formatValue(alphaLoss(1, p, 0, alpha)),
      formatValue(alphaLoss(1, p, gamma, alpha)),
      formatValue(alphaLoss(0, p, 0, alpha)),
      formatValue(alphaLoss(0, p, gamma, alpha)),
    ]),
  };
}
