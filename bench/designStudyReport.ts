/**
 * Markdown tables of design-study runs: per (variant, warm-up, checkpoint) the AP of each loss
 * over seeds (mean, sd, SE, failures, per-seed values) and α-FL's paired differences against the
 * best α-CE and against CE.
 */
import { pairedDifferences, shareBelow, summarize } from "../src/math/seedStats";
import type { StudyRun } from "./designStudy";
import { ALPHA_CE_IDS, CE_ID, FL_ID, LOSSES, VARIANTS } from "./designStudyPlans";

/** A run whose held-out AP is below this (or that diverged) counts as failed or stalled. */
export const FAIL_AP = 0.05;

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "–");

/**
 * AP of a run at `step`: its evaluation there; 0 when it diverged before (a diverged model
 * detects nothing); undefined when it was not trained that far.
 */
export function apAt(run: StudyRun, step: number): number | undefined {
  const c = run.checkpoints.find((x) => x.step === step);
  if (c) return c.ap;
  if (run.divergence && run.divergence.step <= step) return 0;
  return undefined;
}

/** AP per seed of one loss at `step` (see apAt). */
export function seedMap(runs: StudyRun[], loss: string, step: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of runs) {
    if (r.loss !== loss) continue;
    const ap = apAt(r, step);
    if (ap !== undefined) out.set(r.seed, ap);
  }
  return out;
}

const nameOf = (id: string) => LOSSES.find((l) => l.id === id)?.name ?? id;

function lossTable(runs: StudyRun[], step: number): string[] {
  const lines = [
    "| loss | n | mean AP | sd | SE | failed (AP < 0.05) | diverged | mean AP of the others | AP per seed |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const loss of LOSSES.map((l) => l.id)) {
    const values = seedMap(runs, loss, step);
    if (values.size === 0) continue;
    const seeds = [...values.keys()].sort((a, b) => a - b);
    const aps = seeds.map((s) => values.get(s) as number);
    const s = summarize(aps);
    const diverged = runs.filter(
      (r) => r.loss === loss && r.divergence && r.divergence.step <= step,
    );
    const failed = shareBelow(aps, FAIL_AP);
    const working = summarize(aps.filter((ap) => ap >= FAIL_AP));
    lines.push(
      `| ${nameOf(loss)} | ${s.n} | ${f3(s.mean)} | ${f3(s.sd)} | ${f3(s.se)} | ${Math.round(failed * s.n)}/${s.n} | ${diverged.length}/${s.n} | ${f3(working.mean)} | ${aps.map(f3).join(" ")} |`,
    );
  }
  return lines;
}

/** The α-CE setting with the highest mean AP at `step` (null when none ran). */
export function bestAlphaCe(runs: StudyRun[], step: number): string | null {
  let best: string | null = null;
  let bestMean = -Infinity;
  for (const id of ALPHA_CE_IDS) {
    const values = [...seedMap(runs, id, step).values()];
    if (values.length === 0) continue;
    const mean = summarize(values).mean;
    if (mean > bestMean) {
      bestMean = mean;
      best = id;
    }
  }
  return best;
}

function pairTable(runs: StudyRun[], step: number): string[] {
  const fl = seedMap(runs, FL_ID, step);
  if (fl.size === 0) return [];
  const best = bestAlphaCe(runs, step);
  const against = [
    ...new Set([best, CE_ID, ...ALPHA_CE_IDS].filter((x): x is string => x !== null)),
  ];
  const lines = [
    "| α-FL γ=2 α=.25 minus | pairs | mean difference | SE | mean / SE | α-FL ahead in | > 2 SE | pairs where neither failed: n, mean difference ± SE |",
    "|---|---|---|---|---|---|---|---|",
  ];
  const working = (m: Map<number, number>) => new Map([...m].filter(([, ap]) => ap >= FAIL_AP));
  for (const other of against) {
    const otherMap = seedMap(runs, other, step);
    const { differences } = pairedDifferences(fl, otherMap);
    if (differences.length === 0) continue;
    const s = summarize(differences);
    const ahead = differences.filter((d) => d > 0).length;
    const label = other === best ? `${nameOf(other)} (best α-CE here)` : nameOf(other);
    const both = summarize(pairedDifferences(working(fl), working(otherMap)).differences);
    const bothCell = both.n === 0 ? "0" : `${both.n}, ${f3(both.mean)} ± ${f3(both.se)}`;
    lines.push(
      `| ${label} | ${s.n} | ${f3(s.mean)} | ${f3(s.se)} | ${Number.isFinite(s.se) && s.se > 0 ? (s.mean / s.se).toFixed(1) : "–"} | ${ahead}/${s.n} | ${s.mean > 2 * s.se ? "yes" : "no"} | ${bothCell} |`,
    );
  }
  return lines;
}

/** Every group's tables (only checkpoint `at` when given), as Markdown. */
export function studyReport(runs: StudyRun[], at?: number): string {
  const out: string[] = [];
  const groups = new Map<string, StudyRun[]>();
  for (const r of runs) {
    const key = `${r.variant} · warm-up ${r.warmupSteps}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, group] of groups) {
    const steps = [...new Set(group.flatMap((r) => r.checkpoints.map((c) => c.step)))].sort(
      (a, b) => a - b,
    );
    const ms = summarize(group.map((r) => r.msPerStep));
    for (const step of at === undefined ? steps : [at]) {
      out.push(
        `\n### ${key} · step ${step} (ms/step: mean of the runs' medians ${ms.mean.toFixed(0)})\n`,
      );
      out.push(lossTable(group, step).join("\n"));
      const pairs = pairTable(group, step);
      if (pairs.length > 0) out.push(`\n${pairs.join("\n")}`);
    }
  }
  return out.join("\n");
}

/** One row per (variant, warm-up, loss): mean AP and failures at every checkpoint. */
export function compactReport(runs: StudyRun[]): string {
  const steps = [...new Set(runs.flatMap((r) => r.checkpoints.map((c) => c.step)))].sort(
    (a, b) => a - b,
  );
  const out = [
    `| variant | loss | seeds | ${steps.map((s) => `AP at ${s}: mean (failed)`).join(" | ")} |`,
    `|---|---|---|${steps.map(() => "---").join("|")}|`,
  ];
  const order = (g: string) => VARIANTS.findIndex((v) => v.name === g.split("\u0000")[0]);
  const groups = [...new Set(runs.map((r) => `${r.variant}\u0000${r.warmupSteps}`))].sort(
    (a, b) => order(a) - order(b),
  );
  for (const group of groups) {
    const [variant, warmup] = group.split("\u0000");
    const inGroup = runs.filter((r) => r.variant === variant && `${r.warmupSteps}` === warmup);
    const label = warmup === "0" ? `${variant}` : `${variant}, warm-up ${warmup}`;
    for (const loss of LOSSES.map((l) => l.id)) {
      const own = inGroup.filter((r) => r.loss === loss);
      if (own.length === 0) continue;
      const cells = steps.map((step) => {
        const aps = own.map((r) => apAt(r, step)).filter((x): x is number => x !== undefined);
        if (aps.length === 0) return "–";
        const failed = aps.filter((ap) => !(ap >= FAIL_AP)).length;
        return `${f3(summarize(aps).mean)} (${failed}/${aps.length})`;
      });
      out.push(`| ${label} | ${nameOf(loss)} | ${own.length} | ${cells.join(" | ")} |`);
    }
  }
  return out.join("\n");
}
