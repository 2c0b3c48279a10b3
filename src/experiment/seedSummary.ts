/**
 * Plain-language summaries of experiments over seeds, stating what was measured and no more.
 *
 * The rule for calling a difference (stated on the page): pair the two settings seed by seed
 * (same data stream and initialization), take the mean of the per-seed differences and its
 * standard error; with at least `MIN_SEEDS_TO_CALL` seeds, a mean more than twice its standard
 * error away from 0 is "ahead", anything else is "level within noise". That is roughly a 95%
 * interval under normal errors: a rule of thumb for a handful of seeds, not a significance test.
 */
import { pairedDifferences, type SeedSummary, summarize } from "../math/seedStats";
import type { JobResult, RunId } from "./protocol";

/** A run whose held-out AP ends below this has stalled or failed (found next to nothing). */
export const STALLED_AP = 0.05;
/** Fewer seeds than this are too few to call a difference either way. */
export const MIN_SEEDS_TO_CALL = 3;
/** A difference is called when |mean| > this many standard errors. */
export const CALL_AT_SE = 2;

export const SEED_RULE = `A difference is called only with at least ${MIN_SEEDS_TO_CALL} seeds, when the mean of the per-seed differences is more than ${CALL_AT_SE} standard errors from 0; otherwise the runs are level within noise. A run ending below AP ${STALLED_AP} counts as stalled.`;

export type Verdict =
  | { kind: "too-few"; seeds: number }
  | { kind: "level"; mean: number; se: number }
  | { kind: "ahead"; leader: "a" | "b"; mean: number; se: number };

/** The call for paired differences (B − A by convention). */
export function verdictOf(differences: readonly number[]): Verdict {
  const d = summarize(differences);
  if (d.n < MIN_SEEDS_TO_CALL) return { kind: "too-few", seeds: d.n };
  if (!(d.se > 0)) {
    // Identical differences on every seed: no spread to measure against.
    return d.mean === 0
      ? { kind: "level", mean: 0, se: 0 }
      : { kind: "ahead", leader: d.mean > 0 ? "b" : "a", mean: d.mean, se: 0 };
  }
  if (Math.abs(d.mean) > CALL_AT_SE * d.se)
    return { kind: "ahead", leader: d.mean > 0 ? "b" : "a", mean: d.mean, se: d.se };
  return { kind: "level", mean: d.mean, se: d.se };
}

export interface SeedComparison {
  seeds: number;
  /** Seeds where both runs finished (neither diverged). */
  compared: number;
  a: SeedSummary;
  b: SeedSummary;
  /** Per-seed AP(B) − AP(A) over compared seeds. */
  difference: SeedSummary;
  verdict: Verdict;
  diverged: Record<RunId, number>;
  /** Runs that finished below STALLED_AP (or diverged). */
  stalled: Record<RunId, number>;
}

/** Compare A and B seed by seed from a "seeds" job's results. */
export function compareSeeds(results: readonly JobResult[]): SeedComparison {
  const aps = { a: new Map<number, number>(), b: new Map<number, number>() };
  const seeds = new Set<number>();
  const diverged = { a: 0, b: 0 };
  const stalled = { a: 0, b: 0 };
  for (const r of results) {
    const run = r.key.run;
    if (!run) continue;
    seeds.add(r.key.seed);
    if (r.divergence) diverged[run] += 1;
    if (r.ap === null || r.ap < STALLED_AP) stalled[run] += 1;
    if (r.ap !== null) aps[run].set(r.key.seed, r.ap);
  }
  const { seeds: both, differences } = pairedDifferences(aps.b, aps.a);
  const of = (run: RunId) => summarize(both.map((s) => aps[run].get(s) as number));
  return {
    seeds: seeds.size,
    compared: both.length,
    a: of("a"),
    b: of("b"),
    difference: summarize(differences),
    verdict: verdictOf(differences),
    diverged,
    stalled,
  };
}

/**
 * "B ahead: mean AP of B − A +0.21 ± 0.04 (SE) over 5 seeds (A 0.52 ± 0.30, B 0.73 ± 0.10,
 * mean ± sd)", or "level within noise", or why nothing can be said yet.
 */
export function describeComparison(c: SeedComparison, format: (v: number) => string): string {
  if (c.compared === 0)
    return c.seeds === 0 ? "No seeds finished yet." : "No seed finished with both runs intact.";
  const signed = (v: number) => `${v >= 0 ? "+" : "−"}${format(Math.abs(v))}`;
  const spread = (s: SeedSummary) =>
    Number.isFinite(s.sd) ? `${format(s.mean)} ± ${format(s.sd)}` : format(s.mean);
  const means = `A ${spread(c.a)}, B ${spread(c.b)}${c.compared > 1 ? ", mean ± sd" : ""}`;
  const v = c.verdict;
  const seeds = `${c.compared} seed${c.compared === 1 ? "" : "s"}`;
  const head =
    v.kind === "too-few"
      ? `Too few seeds to call (${seeds}; at least ${MIN_SEEDS_TO_CALL} needed): mean AP of B − A ${signed(c.difference.mean)}`
      : v.kind === "level"
        ? `Level within noise over ${seeds}: mean AP of B − A ${signed(v.mean)} ± ${format(v.se)} (SE)`
        : `${v.leader.toUpperCase()} ahead over ${seeds}: mean AP of B − A ${signed(v.mean)} ± ${format(v.se)} (SE)`;
  const tails: string[] = [];
  if (c.stalled.a + c.stalled.b > 0) tails.push(`stalled: A ${c.stalled.a}, B ${c.stalled.b}`);
  if (c.diverged.a + c.diverged.b > 0) tails.push(`diverged: A ${c.diverged.a}, B ${c.diverged.b}`);
  return `${head} (${means})${tails.length ? `; ${tails.join("; ")}` : ""}.`;
}

/** One cell of a sweep over seeds: its mean AP and whether it is level with the best cell. */
export interface SweepCell {
  key: string;
  summary: SeedSummary;
  /** The cell with the highest mean. */
  top: boolean;
  /** Not distinguishable from the top cell by the seed rule (the top cell itself included). */
  levelWithTop: boolean;
}

/**
 * Sweep cells (keyed by e.g. "γ=2,α=0.25") from their per-seed APs. Every cell is compared with
 * the top one by paired differences; only when each other cell is clearly behind is the top
 * cell "the best" — otherwise all cells level with it are marked together.
 */
export function sweepCells(cells: ReadonlyMap<string, ReadonlyMap<number, number>>): SweepCell[] {
  const summaries = [...cells].map(([key, bySeed]) => ({
    key,
    bySeed,
    summary: summarize([...bySeed.values()]),
  }));
  const top = summaries.reduce<(typeof summaries)[number] | null>(
    (best, c) => (best === null || c.summary.mean > best.summary.mean ? c : best),
    null,
  );
  return summaries.map((c) => {
    const isTop = c === top;
    const verdict =
      top && !isTop ? verdictOf(pairedDifferences(top.bySeed, c.bySeed).differences) : null;
    return {
      key: c.key,
      summary: c.summary,
      top: isTop,
      levelWithTop: isTop || verdict === null || verdict.kind !== "ahead",
    };
  });
}

/** A sweep's baseline column against its top cell, seed by seed. */
export interface BaselineCall {
  summary: SeedSummary;
  /** The top cell's key, or null when the grid has no cell yet. */
  top: string | null;
  /** The seed rule on AP(top cell) − AP(baseline), paired by seed ("b" = the top cell). */
  verdict: Verdict | null;
}

/** The baseline's AP over seeds, and the seed rule's call between it and the grid's top cell. */
export function baselineCall(
  cells: ReadonlyMap<string, ReadonlyMap<number, number>>,
  baseline: ReadonlyMap<number, number>,
): BaselineCall {
  const summary = summarize([...baseline.values()]);
  const top = sweepCells(cells).find((c) => c.top) ?? null;
  const topSeeds = top ? cells.get(top.key) : undefined;
  return {
    summary,
    top: top?.key ?? null,
    verdict: topSeeds ? verdictOf(pairedDifferences(topSeeds, baseline).differences) : null,
  };
}
