/**
 * Reduces any number of (label, logit) pairs to a summary of fixed size as they stream by:
 * counts, a fine logit histogram per group (positives, hard negatives, easy negatives) holding
 * each bin's count and mean logit, and fine reliability bins. Every chart of the page is drawn
 * from it, so it costs the same to redraw for 1,000 rows or 10,000,000.
 */
import {
  emptyReliabilityBins,
  type ReliabilityBin,
  reliabilityBinIndex,
} from "../math/calibration";
import { LOGIT_GRID_BINS, logitBinIndex, type WeightedLogits } from "../math/logitGrid";
import { type GroupTotals, groupOf } from "../math/shares";
import type { PredictionSummary } from "./types";

/** Fine reliability bins: 120 divides into 10, 12, 15, 20, 24, 30, 40 and 60 bins. */
export const FINE_RELIABILITY_BINS = 120;

const GROUPS: readonly (keyof GroupTotals)[] = ["positives", "hardNegatives", "easyNegatives"];

export class SummaryBuilder {
  private readonly counts = GROUPS.map(() => new Float64Array(LOGIT_GRID_BINS));
  private readonly sums = GROUPS.map(() => new Float64Array(LOGIT_GRID_BINS));
  private readonly reliabilityCount = new Float64Array(FINE_RELIABILITY_BINS);
  private readonly reliabilityPositives = new Float64Array(FINE_RELIABILITY_BINS);
  private readonly reliabilitySum = new Float64Array(FINE_RELIABILITY_BINS);
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  rows = 0;
  positives = 0;

  /** One example: label y, finite logit x, and p = σ(x) (passed in: it may be the exact input). */
  add(y: 0 | 1, x: number, p: number): void {
    const g = y === 1 ? 0 : groupOf(x, 0) === "hardNegatives" ? 1 : 2;
    const k = logitBinIndex(x);
    const counts = this.counts[g] as Float64Array;
    const sums = this.sums[g] as Float64Array;
    counts[k] = (counts[k] as number) + 1;
    sums[k] = (sums[k] as number) + x;
    const r = reliabilityBinIndex(p, FINE_RELIABILITY_BINS);
    this.reliabilityCount[r] = (this.reliabilityCount[r] as number) + 1;
    this.reliabilitySum[r] = (this.reliabilitySum[r] as number) + p;
    if (y === 1) this.reliabilityPositives[r] = (this.reliabilityPositives[r] as number) + 1;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.rows++;
    this.positives += y;
  }

  build(): PredictionSummary {
    const logits: number[] = [];
    const labels: number[] = [];
    const counts: number[] = [];
    GROUPS.forEach((group, g) => {
      const c = this.counts[g] as Float64Array;
      const s = this.sums[g] as Float64Array;
      for (let k = 0; k < LOGIT_GRID_BINS; k++) {
        const n = c[k] as number;
        if (n === 0) continue;
        const y = group === "positives" ? 1 : 0;
        logits.push(representative((s[k] as number) / n, y, group));
        labels.push(y);
        counts.push(n);
      }
    });
    const samples: WeightedLogits = {
      logits: Float64Array.from(logits),
      labels: Uint8Array.from(labels),
      counts: Float64Array.from(counts),
    };
    const reliability: ReliabilityBin[] = emptyReliabilityBins(FINE_RELIABILITY_BINS).map(
      (b, i) => ({
        ...b,
        count: this.reliabilityCount[i] as number,
        positives: this.reliabilityPositives[i] as number,
        sumProbability: this.reliabilitySum[i] as number,
      }),
    );
    return {
      rows: this.rows,
      positives: this.positives,
      negatives: this.rows - this.positives,
      samples,
      reliability,
      logitRange: [this.min, this.max],
    };
  }
}

/**
 * A bin's mean logit, kept in the bin's group: the mean of values that are all on one side of
 * the easy/hard boundary is on that side too, except by rounding when every value sits within
 * an ulp of it; then step the mean back across.
 */
function representative(mean: number, y: 0 | 1, group: keyof GroupTotals): number {
  let x = mean;
  for (let i = 0; i < 8 && groupOf(x, y) !== group; i++) {
    x += (group === "easyNegatives" ? -1 : 1) * Math.max(Number.EPSILON * Math.abs(x), 1e-300);
  }
  return x;
}
