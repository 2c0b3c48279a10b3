/** Figure 10's curves, caption numbers and data table (pure; see Figure4Figure). */
import type { MeasuredImbalance } from "../../experiment/dataset";
import type { RankedLogits } from "../../experiment/protocol";
import { hardestLossShare, normalizedLossCdf } from "../../math/figure4";
import { formatShare, formatValue } from "../../math/format";
import type { GroupTotals } from "../../math/shares";
import type { DataTableSpec } from "../DataTable";

const TABLE_FRACTIONS = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.99, 1] as const;

export interface Figure4Cdfs {
  pos: { fraction: Float64Array; cumulativeLoss: Float64Array };
  neg: { fraction: Float64Array; cumulativeLoss: Float64Array };
}

/** Each class's cumulative normalized loss at `gamma`, from logits already ranked by loss. */
export function figure4Cdfs(ranked: RankedLogits, gamma: number): Figure4Cdfs {
  // Ranked by loss in the worker, so the CDF's own sort meets sorted input (linear time).
  return {
    pos: normalizedLossCdf(
      ranked.positives,
      new Uint8Array(ranked.positives.length).fill(1),
      1,
      gamma,
    ),
    neg: normalizedLossCdf(ranked.negatives, new Uint8Array(ranked.negatives.length), 0, gamma),
  };
}

/** The cumulative loss at a fraction of the samples (sorted from least to most loss). */
function cumulativeAt(cdf: Figure4Cdfs["pos"], fraction: number): number {
  const n = cdf.cumulativeLoss.length;
  return n === 0 ? Number.NaN : (cdf.cumulativeLoss[Math.round(fraction * (n - 1))] as number);
}

/** The share of a class's loss carried by its hardest `top` fraction ("–" when undefined). */
export function hardestShare(cdf: Figure4Cdfs["pos"], top: number): string {
  const v = cumulativeAt(cdf, 1 - top);
  return Number.isFinite(v) ? formatShare(1 - v) : "–";
}

/** The share of a class's loss its hardest 20% carry, as a number (NaN when undefined). */
export function hardestFifth(cdf: Figure4Cdfs["pos"]): number {
  const v = cumulativeAt(cdf, 0.8);
  return Number.isFinite(v) ? 1 - v : Number.NaN;
}

/**
 * The caption's claims, only where the numbers show them: the negatives' loss is concentrated in
 * a few hard examples (their hardest 20% carry ≥ 90%) as in the paper's converged γ = 2 model,
 * or it is spread evenly (≤ 30%, as at the prior init, where every negative scores the same).
 */
export function figure4Caption(cdfs: Figure4Cdfs) {
  const neg = hardestFifth(cdfs.neg);
  return {
    negatives: hardestShare(cdfs.neg, 0.2),
    positives: hardestShare(cdfs.pos, 0.2),
    negativesConcentrated: neg >= 0.9,
    negativesEven: neg <= 0.3,
  };
}

export function figure4Table(cdfs: Figure4Cdfs | null): DataTableSpec {
  return {
    columns: ["fraction of samples", "cumulative loss, positives", "cumulative loss, negatives"],
    rows: cdfs
      ? TABLE_FRACTIONS.map((f) => [
          String(f),
          formatValue(cumulativeAt(cdfs.pos, f)),
          formatValue(cumulativeAt(cdfs.neg, f)),
        ])
      : [],
  };
}

/**
 * For an OHEM run: the fraction of each class it trains on (its kept set, the hardest by CE —
 * the right end of each curve, since every γ ranks a class's examples alike) and the share of
 * that class's loss at the figure's γ those examples carry. Null for other losses.
 */
export function ohemKeptOnCdf(
  ranked: RankedLogits,
  gamma: number,
  trained: GroupTotals | undefined,
  measured: MeasuredImbalance,
) {
  if (!trained) return null;
  const negatives = (trained.hardNegatives + trained.easyNegatives) / measured.negatives;
  const positives = trained.positives / measured.positives;
  // From the ranked logits, not the CDF's 101 points: OHEM keeps far less than 1% of negatives.
  const carried = (logits: ArrayLike<number>, y: 0 | 1, kept: number) => {
    const v = hardestLossShare(logits, y, gamma, kept);
    return Number.isFinite(v) ? formatShare(v) : "–";
  };
  return {
    /** Where the kept set starts on each class's x axis (fraction of samples sorted by loss). */
    negativesFrom: 1 - negatives,
    positivesFrom: 1 - positives,
    negatives: formatShare(negatives),
    positives: formatShare(positives),
    negativesLoss: carried(ranked.negatives, 0, negatives),
    positivesLoss: carried(ranked.positives, 1, positives),
  };
}
