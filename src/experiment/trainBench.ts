/**
 * The training benchmark as data: which settings `npm run bench:train` trains (the paper's recipe
 * first, then the Adam comparison), the format of its checked-in results, and the statistics the
 * site quotes from them. Pure: the bench (Node, tfjs) writes the file; pages only read it.
 */
import { pairedDifferences, type SeedSummary, shareBelow, summarize } from "../math/seedStats";
import type { TrainConfig } from "./config";
import { describeOhem } from "./labels";
import { ADAM_RECIPE, PAPER_BEST_CE, PAPER_FL, PAPER_RECIPE } from "./recipes";
import { STALLED_AP, type Verdict, verdictOf } from "./seedSummary";

export const TRAIN_BENCH_FORMAT = "focal-loss-explorer/train-bench@1";

/** One benchmarked setting: a loss under a recipe, trained over the same seeds as the rest. */
export interface BenchSetting {
  id: string;
  name: string;
  recipe: "paper" | "adam";
  config: Partial<TrainConfig>;
  /**
   * Not quoted by the site, so trained only by `npm run bench:train -- --extended` (the γ sweep,
   * OHEM's larger batch, CE under Adam): a full run on a shared 2-core machine stays near an hour.
   */
  extended?: true;
}

const paper = (id: string, name: string, config: Partial<TrainConfig>): BenchSetting => ({
  id: `sgd/${id}`,
  name,
  recipe: "paper",
  config: { ...PAPER_RECIPE, ...config },
});
const adam = (id: string, name: string, config: Partial<TrainConfig>): BenchSetting => ({
  id: `adam/${id}`,
  name,
  recipe: "adam",
  config: { ...PAPER_RECIPE, ...ADAM_RECIPE, ...config },
});
const alphaCe = (alpha: number) =>
  paper(`alpha-ce-${alpha}`, `α-CE α = ${alpha}`, { loss: "alpha-ce", alpha });
/** OHEM under the paper's recipe (Table 1d's rows at NMS 0.5; see experiment/ohem.ts). */
const ohem = (ratio: "none" | "1:3", batch: 128 | 256) =>
  paper(`ohem-${ratio}-${batch}`, describeOhem({ ohemRatio: ratio, ohemBatch: batch }), {
    loss: "ohem",
    ohemRatio: ratio,
    ohemBatch: batch,
  });

const extended = (setting: BenchSetting): BenchSetting => ({ ...setting, extended: true });

/**
 * In order: the paper's comparison first, then the α sweep of CE, γ, no prior init, OHEM (the
 * paper's Table 1d: its best setting, no ratio at batch 128, and its neighbours), Adam.
 */
export const BENCH_SETTINGS: readonly BenchSetting[] = [
  paper("alpha-fl", "α-FL γ = 2, α = 0.25", PAPER_FL),
  alphaCe(PAPER_BEST_CE.alpha),
  paper("ce", "CE", { loss: "ce" }),
  ...[0.25, 0.5, 0.9, 0.99].map(alphaCe),
  ...[
    paper("alpha-fl-g0.5", "α-FL γ = 0.5, α = 0.5", { loss: "alpha-fl", gamma: 0.5, alpha: 0.5 }),
    paper("alpha-fl-g1", "α-FL γ = 1, α = 0.25", { loss: "alpha-fl", gamma: 1, alpha: 0.25 }),
    paper("alpha-fl-g5", "α-FL γ = 5, α = 0.25", { loss: "alpha-fl", gamma: 5, alpha: 0.25 }),
  ].map(extended),
  paper("ce-zero", "CE without the prior init", { loss: "ce", priorInit: false }),
  paper("alpha-fl-zero", "α-FL γ = 2, α = 0.25 without the prior init", {
    ...PAPER_FL,
    priorInit: false,
  }),
  ohem("none", 128),
  extended(ohem("none", 256)),
  ohem("1:3", 128),
  extended(ohem("1:3", 256)),
  adam("alpha-fl", "α-FL γ = 2, α = 0.25", PAPER_FL),
  adam(`alpha-ce-${PAPER_BEST_CE.alpha}`, `α-CE α = ${PAPER_BEST_CE.alpha}`, PAPER_BEST_CE),
  extended(adam("ce", "CE", { loss: "ce" })),
];

/** What one training recorded at each checkpoint step. */
export interface BenchCheckpoint {
  step: number;
  ap: number;
  recallAtP50: number;
  /** The easy negatives' share of the held-out loss under the run's own loss. */
  easyShare: number;
}

export interface BenchRun {
  setting: string;
  seed: number;
  /** Checkpoint 0 is the initialization; a run that diverged stops having checkpoints. */
  checkpoints: BenchCheckpoint[];
  divergence: { step: number; reason: string } | null;
  msPerStep: number;
  maxGradNorm: number;
}

export interface TrainBenchResults {
  format: typeof TRAIN_BENCH_FORMAT;
  produced: { date: string; by: string; node: string; tfjs: string; backend: string; cpus: number };
  /** Everything shared by every setting (task, imbalance, batch); settings add their own. */
  base: Partial<TrainConfig>;
  heldOut: { images: number; positives: number; negatives: number };
  seeds: number[];
  checkpoints: number[];
  settings: BenchSetting[];
  runs: BenchRun[];
  speed: Record<string, unknown>;
  wallSeconds: number;
}

/** Round to 4 significant digits (what the file stores; float noise is not a measurement). */
export function round4(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(4)) : v;
}

/**
 * Per-seed AP of a setting at a step. A run that diverged before the step counts as AP 0 (a
 * diverged model detects nothing; the paper's Table 1a lists such a run as 0.0 AP), so means
 * and paired comparisons include it; NaN only for a run that was not trained that far.
 */
export function apBySeed(
  results: TrainBenchResults,
  setting: string,
  step: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const run of results.runs) {
    if (run.setting !== setting) continue;
    const c = run.checkpoints.find((k) => k.step === step);
    const diverged = run.divergence !== null && run.divergence.step <= step;
    out.set(run.seed, c ? c.ap : diverged ? 0 : Number.NaN);
  }
  return out;
}

/**
 * Paired differences AP(b) − AP(a) over the seeds where neither run stalled (AP ≥ STALLED_AP):
 * how much of a lead remains without the failed runs.
 */
export function workingDifferences(
  results: TrainBenchResults,
  a: string,
  b: string,
  step: number,
): number[] {
  const working = (m: Map<number, number>) => new Map([...m].filter(([, ap]) => ap >= STALLED_AP));
  return pairedDifferences(working(apBySeed(results, b, step)), working(apBySeed(results, a, step)))
    .differences;
}

export interface SettingAt {
  setting: BenchSetting;
  step: number;
  perSeed: Map<number, number>;
  summary: SeedSummary;
  /** Share of seeds whose AP is below STALLED_AP (or that diverged) at this step. */
  stalled: number;
}

/** A setting's AP over seeds at one checkpoint. */
export function settingAt(results: TrainBenchResults, setting: string, step: number): SettingAt {
  const found = results.settings.find((s) => s.id === setting);
  if (!found) throw new Error(`no benchmark setting ${setting}`);
  const perSeed = apBySeed(results, setting, step);
  const values = [...perSeed.values()];
  return {
    setting: found,
    step,
    perSeed,
    summary: summarize(values.filter(Number.isFinite)),
    stalled: shareBelow(values, STALLED_AP),
  };
}

/** The seed rule's call for setting `b` against `a` at a step (paired by seed, b − a). */
export function compareSettings(
  results: TrainBenchResults,
  a: string,
  b: string,
  step: number,
): Verdict & { differences: number[] } {
  const { differences } = pairedDifferences(apBySeed(results, b, step), apBySeed(results, a, step));
  const finite = differences.filter(Number.isFinite);
  return { ...verdictOf(finite), differences: finite };
}

/** The α-CE setting with the highest mean AP at a step: the "best α-CE" of the paper's comparison. */
export function bestAlphaCe(
  results: TrainBenchResults,
  step: number,
  recipe: BenchSetting["recipe"] = "paper",
): string {
  const candidates = results.settings.filter(
    (s) => s.recipe === recipe && s.config.loss === "alpha-ce" && s.config.priorInit !== false,
  );
  let best: string | null = null;
  let bestMean = Number.NEGATIVE_INFINITY;
  for (const s of candidates) {
    const m = settingAt(results, s.id, step).summary.mean;
    if (m > bestMean) {
      bestMean = m;
      best = s.id;
    }
  }
  if (best === null) throw new Error("no α-CE setting in the benchmark");
  return best;
}
