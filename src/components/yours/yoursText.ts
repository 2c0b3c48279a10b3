/**
 * Caption numbers and data tables of the "your own model" figures (pure; see the figures beside
 * this file). Sentences follow the numbers: a comparison word is chosen from them.
 */
import { formatCount, formatParam, formatShare, formatTimes, formatValue } from "../../math/format";
import type { GroupTotals, LossShares } from "../../math/shares";
import type { DataTableSpec } from "../DataTable";

export const YOURS_GROUPS = [
  { key: "positives", label: "Positives" },
  { key: "hardNegatives", label: "Hard negatives (pₜ ≤ 0.9)" },
  { key: "easyNegatives", label: "Easy negatives (pₜ > 0.9)" },
] as const;

export interface LossRow {
  id: string;
  label: string;
  shares: LossShares;
}

/** Each group's share of the examples (0s when there are none). */
export function countShares(counts: GroupTotals): GroupTotals {
  const total = counts.positives + counts.hardNegatives + counts.easyNegatives;
  const of = (v: number) => (total > 0 ? v / total : 0);
  return {
    positives: of(counts.positives),
    hardNegatives: of(counts.hardNegatives),
    easyNegatives: of(counts.easyNegatives),
  };
}

/** The shares caption: the easy negatives' loss share under each loss (CE, α-CE, α-FL). */
export function yoursSharesCaption(
  rows: readonly LossRow[],
  s: { gamma: number; alpha: number; ceAlpha: number },
) {
  const [ce, alphaCe, fl] = rows;
  if (!ce || !alphaCe || !fl) return null;
  const c = ce.shares.counts;
  return {
    examples: formatCount(c.positives + c.hardNegatives + c.easyNegatives),
    easyExamples: formatShare(countShares(c).easyNegatives),
    easy: {
      ce: formatShare(ce.shares.loss.easyNegatives),
      alphaCe: formatShare(alphaCe.shares.loss.easyNegatives),
      fl: formatShare(fl.shares.loss.easyNegatives),
    },
    positives: {
      ce: formatShare(ce.shares.loss.positives),
      fl: formatShare(fl.shares.loss.positives),
      gradientCe: formatShare(ce.shares.gradient.positives),
      gradientFl: formatShare(fl.shares.gradient.positives),
    },
    gamma: formatParam(s.gamma),
    alpha: formatParam(s.alpha),
    ceAlpha: formatParam(s.ceAlpha),
  };
}

export function yoursSharesTable(rows: readonly LossRow[]): DataTableSpec {
  return {
    columns: ["loss", "group", "examples", "loss share", "|gradient| share"],
    rows: rows.flatMap((r) =>
      YOURS_GROUPS.map((g) => [
        r.label,
        g.label,
        formatValue(r.shares.counts[g.key]),
        formatShare(r.shares.loss[g.key]),
        formatShare(r.shares.gradient[g.key]),
      ]),
    ),
  };
}

/** A cumulative-loss curve of one class (fractions and the cumulative normalized loss). */
export interface Cdf {
  fraction: ArrayLike<number>;
  cumulativeLoss: ArrayLike<number>;
}

function cumulativeAt(cdf: Cdf, fraction: number): number {
  const n = cdf.cumulativeLoss.length;
  return n === 0 ? Number.NaN : (cdf.cumulativeLoss[Math.round(fraction * (n - 1))] as number);
}

/** The share of a class's loss carried by its hardest 20% ("–" when undefined). */
export function hardestFifthShare(cdf: Cdf): string {
  const v = cumulativeAt(cdf, 0.8);
  return Number.isFinite(v) ? formatShare(1 - v) : "–";
}

export function yoursCdfTable(cdfs: { positives: Cdf; negatives: Cdf }): DataTableSpec {
  return {
    columns: ["fraction of examples", "cumulative loss, positives", "cumulative loss, negatives"],
    rows: [0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.99, 1].map((f) => [
      String(f),
      formatValue(cumulativeAt(cdfs.positives, f)),
      formatValue(cumulativeAt(cdfs.negatives, f)),
    ]),
  };
}

/** Share of a density (bins spanning p_t ∈ [0, 1] evenly) above p_t = `from`. */
export function shareAbove(shares: ArrayLike<number>, from: number): number {
  let s = 0;
  for (let i = Math.round(from * shares.length); i < shares.length; i++) s += shares[i] as number;
  return s;
}

/**
 * The loss figure's caption numbers: how many of the reader's examples sit above p_t = 0.9, and
 * how much smaller FL is there — at least (1 − 0.9)^−γ = 10^γ times (null at γ = 0: FL is CE).
 */
export function yoursLossCaption(
  density: { positives: ArrayLike<number>; negatives: ArrayLike<number> },
  gamma: number,
) {
  return {
    negativesAbove: formatShare(shareAbove(density.negatives, 0.9)),
    positivesAbove: formatShare(shareAbove(density.positives, 0.9)),
    gamma: formatParam(gamma),
    atLeast: gamma > 0 ? formatTimes(10 ** gamma) : null,
  };
}

export function yoursLossTable(density: {
  positives: ArrayLike<number>;
  negatives: ArrayLike<number>;
}): DataTableSpec {
  const bins = density.negatives.length;
  return {
    columns: ["pₜ bin", "share of negatives", "share of positives"],
    rows: Array.from({ length: bins }, (_, i) => [
      `${formatValue(i / bins)}–${formatValue((i + 1) / bins)}`,
      formatShare(density.negatives[i] as number),
      formatShare(density.positives[i] as number),
    ]),
  };
}
