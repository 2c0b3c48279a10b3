/**
 * A small (γ, α) grid of α-FL trained for a short budget over one or more seeds: the in-tab
 * analogue of the paper's Table 1b, labelled for what it is, with "best" marked only when the
 * seeds support it.
 */
import { useState } from "react";
import { PAPER_TABLE_1B, paperOhemGap } from "../../content/paper";
import type { JobState } from "../../experiment/jobs";
import { baselineCall, SEED_RULE, sweepCells } from "../../experiment/seedSummary";
import { formatValue } from "../../math/format";
import { JobControls } from "./JobControls";

export const SWEEP_GAMMAS = [0, 0.5, 1, 2, 5];
export const SWEEP_ALPHAS = [0.25, 0.5, 0.75];
const SEEDS_PER_CELL = [1, 3] as const;

/** The baseline column's choices: none, or OHEM at the paper's best batch (128) with either ratio. */
export const SWEEP_BASELINES = [
  { id: "ohem", label: "OHEM, batch 128" },
  { id: "ohem-1-3", label: "OHEM 1:3, batch 128" },
  { id: "none", label: "none" },
] as const;
export type SweepBaseline = (typeof SWEEP_BASELINES)[number]["id"];

interface SweepPanelProps {
  job: JobState;
  onRun: (steps: number, seeds: number, baseline: SweepBaseline) => void;
  onCancel: () => void;
  /** How the cells train, in words: optimizer, learning rate, first seed. */
  recipe: string;
  /** The baseline column of the sweep last started (its results carry `key.baseline`). */
  ranBaseline: SweepBaseline;
}

const keyOf = (gamma: number, alpha: number) => `${gamma}|${alpha}`;

export function SweepPanel({ job, onRun, onCancel, recipe, ranBaseline }: SweepPanelProps) {
  const [steps, setSteps] = useState(150);
  const [seeds, setSeeds] = useState<number>(1);
  const [baseline, setBaseline] = useState<SweepBaseline>("ohem");
  const bySeed = new Map<string, Map<number, number>>();
  const baselineBySeed = new Map<number, number>();
  for (const r of job.results) {
    if (r.ap !== null && r.key.baseline) baselineBySeed.set(r.key.seed, r.ap);
    if (r.ap === null || r.key.gamma === undefined || r.key.alpha === undefined) continue;
    const k = keyOf(r.key.gamma, r.key.alpha);
    if (!bySeed.has(k)) bySeed.set(k, new Map());
    bySeed.get(k)?.set(r.key.seed, r.ap);
  }
  const cells = new Map(sweepCells(bySeed).map((c) => [c.key, c]));
  const seedCount = Math.max(0, ...[...bySeed.values()].map((m) => m.size));
  const diverged = (gamma: number, alpha: number) =>
    job.results.some((r) => r.key.gamma === gamma && r.key.alpha === alpha && r.ap === null);
  const hasBaseline = job.results.some((r) => r.key.baseline);
  const baselineLabel = SWEEP_BASELINES.find((b) => b.id === ranBaseline)?.label ?? "";
  const call = hasBaseline ? baselineCall(bySeed, baselineBySeed) : null;
  const gap = paperOhemGap();
  return (
    <section
      aria-labelledby="sweep-title"
      className="rounded-xl border border-[var(--grid)] bg-[var(--panel)] p-4"
      data-testid="sweep-panel"
    >
      <h2 id="sweep-title" className="text-lg font-semibold">
        Sweep γ and α: an in-tab analogue of the paper's Table 1b
      </h2>
      <p className="mt-1 text-sm text-[var(--muted)]">
        α-balanced focal loss with the prior init, {recipe}, for every (γ, α) below (γ = 0 is α-CE),{" "}
        {seeds === 1 ? "one seed per cell" : `${seeds} seeds per cell`}. A cell is the held-out AP
        after the chosen number of steps: our per-location AP from 0 to 1, not the paper's COCO box
        AP in %; compare the trend, not the values. {SEED_RULE}{" "}
        {seeds === 1 && "With one seed per cell no cell is marked best."}
      </p>
      <JobControls
        job={job}
        steps={steps}
        stepChoices={[50, 150, 300, 600]}
        onSteps={setSteps}
        onRun={() => onRun(steps, seeds, baseline)}
        onCancel={onCancel}
        runLabel={`Run the sweep (${(SWEEP_GAMMAS.length * SWEEP_ALPHAS.length + (baseline === "none" ? 0 : 1)) * seeds} trainings)`}
      >
        <label className="flex flex-wrap items-center gap-2">
          Baseline column
          <select
            value={baseline}
            onChange={(e) => setBaseline(e.target.value as SweepBaseline)}
            className="rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-1"
          >
            {SWEEP_BASELINES.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          Seeds per cell
          <select
            value={seeds}
            onChange={(e) => setSeeds(Number(e.target.value))}
            className="rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-1"
          >
            {SEEDS_PER_CELL.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      </JobControls>
      <div className="mt-3 flex flex-wrap gap-6">
        <table className="text-sm tabular-nums" data-testid="sweep-grid">
          <caption className="mb-1 text-left font-medium">
            This tab: held-out AP{seedCount > 1 ? `, mean over ${seedCount} seeds` : ""}
          </caption>
          <thead>
            <tr>
              <th className="px-2 text-left">γ \ α</th>
              {SWEEP_ALPHAS.map((a) => (
                <th key={a} className="px-2">
                  {a}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SWEEP_GAMMAS.map((g) => (
              <tr key={g}>
                <th className="px-2 text-left font-medium">{g}</th>
                {SWEEP_ALPHAS.map((a) => {
                  const c = cells.get(keyOf(g, a));
                  const best = c && seedCount >= 3 && c.levelWithTop;
                  return (
                    <td
                      key={a}
                      data-best={best ? "" : undefined}
                      className={`border border-[var(--grid)] px-3 py-1.5 text-center ${best ? "font-bold outline-2 outline-[var(--accent)]" : ""}`}
                    >
                      {c
                        ? `${formatValue(c.summary.mean)}${c.summary.n > 1 ? ` ± ${formatValue(c.summary.sd)}` : ""}`
                        : diverged(g, a)
                          ? "diverged"
                          : job.running
                            ? "…"
                            : "–"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {hasBaseline && call && (
          <table className="text-sm tabular-nums" data-testid="sweep-baseline">
            <caption className="mb-1 max-w-56 text-left font-medium">
              Baseline: {baselineLabel}
              {ranBaseline === "ohem" ? " (the paper's best OHEM setting)" : ""}, same recipe and
              seeds
            </caption>
            <tbody>
              <tr>
                <th className="px-2 text-left font-medium">AP</th>
                <td className="border border-[var(--grid)] px-3 py-1.5 text-center">
                  {call.summary.n > 0
                    ? `${formatValue(call.summary.mean)}${call.summary.n > 1 ? ` ± ${formatValue(call.summary.sd)}` : ""}`
                    : job.running
                      ? "…"
                      : "diverged"}
                </td>
              </tr>
              <tr>
                <td colSpan={2} className="max-w-56 px-2 pt-1 text-xs text-[var(--muted)]">
                  {baselineText(call)}
                </td>
              </tr>
            </tbody>
          </table>
        )}
        <table className="text-sm tabular-nums">
          <caption className="mb-1 max-w-64 text-left font-medium">
            The paper (Table 1b): ResNet-50-FPN RetinaNet, COCO minival, box AP in %, best α per γ
          </caption>
          <thead>
            <tr>
              <th className="px-2">γ</th>
              <th className="px-2">best α</th>
              <th className="px-2">AP</th>
            </tr>
          </thead>
          <tbody>
            {PAPER_TABLE_1B.map((r) => (
              <tr key={r.gamma}>
                <td className="px-2 text-center">{r.gamma}</td>
                <td className="px-2 text-center">{r.alpha}</td>
                <td className="px-2 text-center">{r.ap.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {hasBaseline && (
          <p className="max-w-56 text-xs text-[var(--muted)]">
            The paper's Table 1d (ResNet-101-FPN, a different backbone from Table 1b's): its best
            OHEM (batch {gap.bestOhem.batch}, NMS {gap.bestOhem.nms}) reached {gap.bestOhem.ap} AP,
            FL {gap.fl}: {gap.gap} AP apart.
          </p>
        )}
      </div>
      {seedCount >= 3 && (
        <p className="mt-2 text-xs text-[var(--muted)]">
          Outlined: the best cell and every cell level with it within noise.
        </p>
      )}
    </section>
  );
}

/** The baseline column's call, in words (the seed rule; "top cell" is the grid's best mean). */
function baselineText(call: ReturnType<typeof baselineCall>): string {
  const v = call.verdict;
  const top = call.top ? `the top cell (γ, α = ${call.top.replace("|", ", ")})` : "the grid";
  if (v === null) return "Waiting for the grid.";
  if (v.kind === "too-few") return `Against ${top}: too few seeds to call (${v.seeds}).`;
  const diff = `${v.mean >= 0 ? "+" : "−"}${formatValue(Math.abs(v.mean))} ± ${formatValue(v.se)} (SE)`;
  if (v.kind === "level") return `Level within noise with ${top}: ${diff}.`;
  return `${v.leader === "b" ? `Behind ${top}` : `Ahead of ${top}`}: ${top} − baseline ${diff}.`;
}
