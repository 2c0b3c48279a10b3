/**
 * Our own measurements, as the site quotes them: read from the checked-in results that
 * `npm run bench:train` writes (measured/train-bench.json), never typed by hand, so a quoted
 * number cannot drift from the benchmark. Text helpers say what was measured and how often.
 */
import { SEED_RULE } from "../experiment/seedSummary";
import {
  compareSettings,
  settingAt,
  TRAIN_BENCH_FORMAT,
  type TrainBenchResults,
} from "../experiment/trainBench";
import { formatCount } from "../math/format";
import results from "./measured/train-bench.json";

export const TRAIN_BENCH = results as unknown as TrainBenchResults;
if (TRAIN_BENCH.format !== TRAIN_BENCH_FORMAT)
  throw new Error(`measured/train-bench.json is not in format ${TRAIN_BENCH_FORMAT}`);

/** The last checkpoint of the benchmark (its training budget). */
export const BENCH_BUDGET = TRAIN_BENCH.checkpoints[TRAIN_BENCH.checkpoints.length - 1] as number;

const ap2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");

export function hasSetting(id: string): boolean {
  return TRAIN_BENCH.settings.some((s) => s.id === id);
}

/** How many seeds of a setting had diverged by `step` (the engine's divergence check). */
export function divergedBy(id: string, step: number): number {
  return TRAIN_BENCH.runs.filter(
    (r) => r.setting === id && r.divergence !== null && r.divergence.step <= step,
  ).length;
}

/**
 * "0.97 ± 0.02 (failed in 2 of 5 seeds, 1 of them diverged)": a setting's AP at a step, mean ±
 * sd over seeds; a run fails when its AP is below 0.05 there (a diverged run counts as AP 0).
 */
export function quoteAp(id: string, step: number): string {
  const at = settingAt(TRAIN_BENCH, id, step);
  const n = at.perSeed.size;
  const failed = Math.round(at.stalled * n);
  const diverged = divergedBy(id, step);
  const spread = at.summary.n > 1 ? ` ± ${ap2(at.summary.sd)}` : "";
  const how = diverged > 0 ? `, ${diverged} of them diverged` : "";
  return `${ap2(at.summary.mean)}${spread}${failed > 0 ? ` (failed in ${failed} of ${n} seeds${how})` : ""}`;
}

/** "level within noise" / "B ahead by 0.05 ± 0.01 (SE)" for B against A at a step. */
export function quoteCall(a: string, b: string, step: number): string {
  const v = compareSettings(TRAIN_BENCH, a, b, step);
  if (v.kind === "too-few") return `too few seeds to call a difference (${v.seeds})`;
  if (v.kind === "level") return "level within noise";
  return `${v.leader === "b" ? "B" : "A"} ahead by ${ap2(Math.abs(v.mean))} ± ${ap2(v.se)} (SE)`;
}

/**
 * One sentence quoting A and B of a preset at the given steps, with the seed count and the call
 * at the last step, or null when the benchmark did not measure this pair.
 */
export function quotePair(a: string, b: string, steps: readonly number[]): string | null {
  if (!hasSetting(a) || !hasSetting(b)) return null;
  const seeds = TRAIN_BENCH.seeds.length;
  const at = steps
    .filter((s) => TRAIN_BENCH.checkpoints.includes(s))
    .map((s) => `at step ${formatCount(s)} A ${quoteAp(a, s)}, B ${quoteAp(b, s)}`);
  const last = steps[steps.length - 1] as number;
  return `In our benchmark (${seeds} seeds, Node, wasm backend; held-out AP, mean ± sd): ${at.join("; ")} — ${quoteCall(a, b, last)} at step ${formatCount(last)}.`;
}

export { SEED_RULE };
