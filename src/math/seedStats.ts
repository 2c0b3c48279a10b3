/**
 * Summaries of a metric over seeds, for comparing training settings honestly: mean, sample
 * standard deviation, standard error of the mean, and differences paired by seed. Pure; no tfjs.
 */

/** A sample of one metric (one value per seed). */
export interface SeedSummary {
  n: number;
  mean: number;
  /** Sample standard deviation s = √(Σ(x − x̄)² / (n − 1)); NaN when n < 2. */
  sd: number;
  /** Standard error of the mean s/√n; NaN when n < 2. */
  se: number;
  min: number;
  max: number;
}

/** The summary of `values` (all NaN fields for an empty sample). */
export function summarize(values: readonly number[]): SeedSummary {
  const n = values.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, se: NaN, min: NaN, max: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const ss = values.reduce((a, x) => a + (x - mean) * (x - mean), 0);
  const sd = n < 2 ? NaN : Math.sqrt(ss / (n - 1));
  // A loop, not Math.min(...values): spreading a large array overflows the call stack.
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { n, mean, sd, se: sd / Math.sqrt(n), min, max };
}

/**
 * Differences a[s] − b[s] over the seeds present in both maps (seed → value), in seed order:
 * pairing by seed removes the variation the two settings share (same data stream, same init).
 */
export function pairedDifferences(
  a: ReadonlyMap<number, number>,
  b: ReadonlyMap<number, number>,
): { seeds: number[]; differences: number[] } {
  const seeds = [...a.keys()].filter((s) => b.has(s)).sort((x, y) => x - y);
  return { seeds, differences: seeds.map((s) => (a.get(s) as number) - (b.get(s) as number)) };
}

/** The share of values below `threshold` (NaN counts as below: a run with no value failed). */
export function shareBelow(values: readonly number[], threshold: number): number {
  if (values.length === 0) return NaN;
  return values.filter((v) => !(v >= threshold)).length / values.length;
}
