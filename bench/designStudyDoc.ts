/**
 * The design study's report (docs/design-study.md) from its checked-in results
 * (docs/design-study/*.json): the tables and the pre-registered criteria's verdicts are generated
 * between `<!-- BEGIN name -->` and `<!-- END name -->` markers, so a hand-edited number, or
 * results rerun without the report, fails bench/designStudyDoc.test.ts.
 *
 *   npx tsx bench/designStudy.ts doc     rewrites the generated blocks
 */
import { readFileSync } from "node:fs";
import { pairedDifferences, summarize } from "../src/math/seedStats";
import type { StudyFile, StudyRun } from "./designStudy";
import { ALPHA_CE_IDS, CE_ID, FL_ID, LOSSES } from "./designStudyPlans";
import {
  apAt,
  bestAlphaCe,
  compactReport,
  FAIL_AP,
  seedMap,
  studyReport,
} from "./designStudyReport";
import { median } from "./layersBaseline";

export const STUDY_DOC = "docs/design-study.md";
export const STUDY_DATA = {
  screen: "docs/design-study/screen.json",
  rare: "docs/design-study/confirm-rare.json",
  today: "docs/design-study/confirm-today.json",
} as const;

/** The pre-registered primary checkpoint. */
export const PRIMARY_STEP = 500;

export function readRuns(path: string): StudyRun[] {
  return (JSON.parse(readFileSync(path, "utf8")) as StudyFile).runs;
}

const f3 = (x: number) => x.toFixed(3);
const nameOf = (id: string) => LOSSES.find((l) => l.id === id)?.name ?? id;

export interface PairedCriterion {
  against: string;
  n: number;
  mean: number;
  se: number;
  ahead: number;
  holds: boolean;
}

/** Mean of AP(α-FL) − AP(other) over seeds, paired; holds when it exceeds 2 SE. */
export function pairedCriterion(runs: StudyRun[], other: string, step: number): PairedCriterion {
  const { differences } = pairedDifferences(seedMap(runs, FL_ID, step), seedMap(runs, other, step));
  const s = summarize(differences);
  return {
    against: other,
    n: s.n,
    mean: s.mean,
    se: s.se,
    ahead: differences.filter((d) => d > 0).length,
    holds: s.n >= 2 && s.mean > 2 * s.se,
  };
}

export interface Verdict {
  p1: PairedCriterion;
  p2: PairedCriterion;
  p3: { failed: number; n: number; holds: boolean };
}

/** P1, P2 and P3 of the pre-registration at `step`. */
export function verdictOf(runs: StudyRun[], step = PRIMARY_STEP): Verdict {
  const best = bestAlphaCe(runs, step);
  if (best === null) throw new Error("no α-CE runs");
  const ce0 = [...seedMap(runs, "ce0", step).values()];
  const failed = ce0.filter((ap) => !(ap >= FAIL_AP)).length;
  return {
    p1: pairedCriterion(runs, best, step),
    p2: pairedCriterion(runs, CE_ID, step),
    // "At least 9 of 10": at least 90% of the seeds.
    p3: { failed, n: ce0.length, holds: ce0.length > 0 && failed >= 0.9 * ce0.length },
  };
}

function criterionText(c: PairedCriterion): string {
  const ratio = c.se > 0 ? ` (${(c.mean / c.se).toFixed(1)} SE)` : "";
  return `${c.holds ? "**holds**" : "**does not hold**"}: mean difference ${f3(c.mean)} ± ${f3(c.se)} (SE)${ratio} over ${c.n} paired seeds; α-FL ahead in ${c.ahead} of ${c.n}`;
}

/** The verdict of the pre-registered criteria on one task, in words. */
export function verdictText(task: string, runs: StudyRun[]): string {
  const v = verdictOf(runs);
  const best = v.p1.against;
  const worked = (id: string) =>
    [...seedMap(runs, id, PRIMARY_STEP).values()].filter((ap) => ap >= FAIL_AP).length;
  const failures = [...ALPHA_CE_IDS, CE_ID, FL_ID]
    .map((id) => {
      const n = seedMap(runs, id, PRIMARY_STEP).size;
      return `${nameOf(id)} ${n - worked(id)}/${n}`;
    })
    .join(", ");
  return [
    `On \`${task}\` at step ${PRIMARY_STEP}:`,
    "",
    `- **P1** (α-FL against the best α-CE, here ${nameOf(best)}): ${criterionText(v.p1)}.`,
    `- **P2** (α-FL against CE with the prior init): ${criterionText(v.p2)}.`,
    `- **P3** (CE without the prior init fails in at least 9 of 10 seeds): ${v.p3.holds ? "**holds**" : "**does not hold**"}: it failed in ${v.p3.failed} of ${v.p3.n}.`,
    `- Failed runs (AP < ${FAIL_AP}) per loss: ${failures}.`,
  ].join("\n");
}

const g3 = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : "–");

/**
 * What the failed runs of each loss look like at `step`: how many diverged (and when), and for
 * the others the spread of the held-out logits (about 0: the model outputs one score
 * everywhere) and the training loss over the last 10 steps, beside the runs that worked.
 */
export function failureTable(runs: StudyRun[], step = PRIMARY_STEP): string {
  const lines = [
    `| loss | failed at step ${step} | of which diverged (at steps) | failed, not diverged: median logit sd | median training loss | worked: median logit sd | median training loss |`,
    "|---|---|---|---|---|---|---|",
  ];
  for (const { id, name } of LOSSES) {
    const own = runs.filter((r) => r.loss === id);
    if (own.length === 0) continue;
    const at = (r: StudyRun) => r.checkpoints.find((c) => c.step === step);
    const failed = own.filter((r) => !((apAt(r, step) ?? 0) >= FAIL_AP));
    const diverged = failed.filter((r) => r.divergence && r.divergence.step <= step);
    const stalled = failed.filter((r) => !diverged.includes(r)).map(at);
    const worked = own.filter((r) => !failed.includes(r)).map(at);
    const stat = (
      cs: typeof stalled,
      f: (c: NonNullable<(typeof cs)[number]>) => number | undefined,
    ) => g3(median(cs.flatMap((c) => (c && f(c) !== undefined ? [f(c) as number] : []))));
    lines.push(
      `| ${name} | ${failed.length}/${own.length} | ${diverged.length}${diverged.length ? ` (${diverged.map((r) => r.divergence?.step).join(", ")})` : ""} | ${stat(stalled, (c) => c.logitStd)} | ${stat(stalled, (c) => c.trainLoss)} | ${stat(worked, (c) => c.logitStd)} | ${stat(worked, (c) => c.trainLoss)} |`,
    );
  }
  return lines.join("\n");
}

/** Median ms per training step and wall seconds per run (each run's own median step time). */
export function speedTable(files: Record<string, StudyRun[]>): string {
  const lines = [
    "| runs | n | median ms/step | range of the runs' ms/step | median wall seconds per run |",
    "|---|---|---|---|---|",
  ];
  for (const [name, runs] of Object.entries(files)) {
    const ms = runs.map((r) => r.msPerStep);
    lines.push(
      `| ${name} | ${runs.length} | ${g3(median(ms))} | ${g3(Math.min(...ms))}–${g3(Math.max(...ms))} | ${g3(median(runs.map((r) => r.wallSeconds)))} |`,
    );
  }
  return lines.join("\n");
}

/** Every generated block of the report, by marker name. */
export function studyBlocks(): Record<string, string> {
  const screen = readRuns(STUDY_DATA.screen);
  const rare = readRuns(STUDY_DATA.rare);
  const today = readRuns(STUDY_DATA.today);
  return {
    speed: speedTable({
      "screen (all variants, 1,000 steps)": screen,
      "confirm, rare (1 : 5,000), 500 steps": rare,
      "confirm, today (1 : 1,000), 500 steps": today,
    }),
    screen: compactReport(screen),
    "confirm-rare": studyReport(rare).trim(),
    "confirm-today": studyReport(today).trim(),
    "verdict-rare": verdictText("rare (1 : 5,000)", rare),
    "failures-rare": failureTable(rare),
    "verdict-today": verdictText("today (1 : 1,000)", today),
  };
}

/** `doc` with every generated block replaced by `blocks`; a missing marker is an error. */
export function withBlocks(doc: string, blocks: Record<string, string>): string {
  let out = doc;
  for (const [name, text] of Object.entries(blocks)) {
    const begin = `<!-- BEGIN ${name} -->`;
    const end = `<!-- END ${name} -->`;
    const from = out.indexOf(begin);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${STUDY_DOC} has no ${begin} … ${end}`);
    out = `${out.slice(0, from + begin.length)}\n${text}\n${out.slice(to)}`;
  }
  return out;
}
