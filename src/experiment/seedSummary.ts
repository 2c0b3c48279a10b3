/** Plain-language summaries of background experiments, stating what was measured. */
import type { JobResult } from "./protocol";

export interface SeedComparison {
  seeds: number;
  /** Seeds where both runs finished (neither diverged). */
  compared: number;
  bAhead: number;
  aAhead: number;
  meanA: number | null;
  meanB: number | null;
  /** Mean over compared seeds of AP(B) − AP(A). */
  meanDifference: number | null;
  diverged: { a: number; b: number };
}

/** Compare A and B seed by seed from a "seeds" job's results. */
export function compareSeeds(results: readonly JobResult[]): SeedComparison {
  const bySeed = new Map<number, { a?: JobResult; b?: JobResult }>();
  for (const r of results) {
    const entry = bySeed.get(r.key.seed) ?? {};
    if (r.key.run === "a") entry.a = r;
    if (r.key.run === "b") entry.b = r;
    bySeed.set(r.key.seed, entry);
  }
  let compared = 0;
  let bAhead = 0;
  let aAhead = 0;
  let sumA = 0;
  let sumB = 0;
  const diverged = { a: 0, b: 0 };
  for (const { a, b } of bySeed.values()) {
    if (a?.divergence) diverged.a += 1;
    if (b?.divergence) diverged.b += 1;
    if (a?.ap == null || b?.ap == null) continue;
    compared += 1;
    sumA += a.ap;
    sumB += b.ap;
    if (b.ap > a.ap) bAhead += 1;
    else if (a.ap > b.ap) aAhead += 1;
  }
  return {
    seeds: bySeed.size,
    compared,
    bAhead,
    aAhead,
    meanA: compared ? sumA / compared : null,
    meanB: compared ? sumB / compared : null,
    meanDifference: compared ? (sumB - sumA) / compared : null,
    diverged,
  };
}

/** "B ahead in 3 of 3 seeds, mean AP +0.41 (A 0.12, B 0.53)", or what else happened. */
export function describeComparison(c: SeedComparison, format: (v: number) => string): string {
  if (c.compared === 0)
    return c.seeds === 0 ? "No seeds finished yet." : "No seed finished with both runs intact.";
  const lead =
    c.bAhead > c.aAhead
      ? `B ahead in ${c.bAhead} of ${c.compared} seeds`
      : c.aAhead > c.bAhead
        ? `A ahead in ${c.aAhead} of ${c.compared} seeds`
        : `A and B level: each ahead in ${c.aAhead} of ${c.compared} seeds`;
  const diff = c.meanDifference ?? 0;
  const sign = diff >= 0 ? "+" : "−";
  const tail =
    c.diverged.a + c.diverged.b > 0 ? `; diverged: A ${c.diverged.a}, B ${c.diverged.b}` : "";
  return `${lead}, mean AP of B − A ${sign}${format(Math.abs(diff))} (A ${format(c.meanA ?? 0)}, B ${format(c.meanB ?? 0)})${tail}.`;
}
