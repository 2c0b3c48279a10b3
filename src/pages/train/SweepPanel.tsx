/** A small (γ, α) grid trained for a short budget, as an AP heatmap: the in-tab Table 1. */
import { useState } from "react";
import { PAPER_TABLE_1B } from "../../content/paperTable1";
import type { JobState } from "../../experiment/jobs";
import { formatValue } from "../../math/format";
import { JobControls } from "./JobControls";

export const SWEEP_GAMMAS = [0, 0.5, 1, 2, 5];
export const SWEEP_ALPHAS = [0.25, 0.5, 0.75];

interface SweepPanelProps {
  job: JobState;
  onRun: (steps: number) => void;
  onCancel: () => void;
}

export function SweepPanel({ job, onRun, onCancel }: SweepPanelProps) {
  const [steps, setSteps] = useState(150);
  const cell = (gamma: number, alpha: number) =>
    job.results.find((r) => r.key.gamma === gamma && r.key.alpha === alpha);
  const aps = job.results.map((r) => r.ap).filter((v): v is number => v !== null);
  const best = aps.length ? Math.max(...aps) : null;
  return (
    <section
      aria-labelledby="sweep-title"
      className="rounded-xl border border-[var(--grid)] bg-[var(--panel)] p-4"
      data-testid="sweep-panel"
    >
      <h2 id="sweep-title" className="text-lg font-semibold">
        Sweep γ and α: the in-tab Table 1
      </h2>
      <p className="mt-1 text-sm text-[var(--muted)]">
        α-balanced focal loss with the prior init, Adam, run B's learning rate and the shared seed,
        for every (γ, α) below; γ = 0 is α-CE. Each cell is the held-out AP after the chosen number
        of steps.
      </p>
      <JobControls
        job={job}
        steps={steps}
        stepChoices={[50, 150, 300, 600]}
        onSteps={setSteps}
        onRun={() => onRun(steps)}
        onCancel={onCancel}
        runLabel={`Run the sweep (${SWEEP_GAMMAS.length * SWEEP_ALPHAS.length} trainings)`}
      />
      <div className="mt-3 flex flex-wrap gap-6">
        <table className="text-sm tabular-nums" data-testid="sweep-grid">
          <caption className="mb-1 text-left font-medium">This tab: held-out AP</caption>
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
                  const r = cell(g, a);
                  const ap = r?.ap ?? null;
                  const shade = ap !== null && best ? ap / best : 0;
                  return (
                    <td
                      key={a}
                      className="border border-[var(--grid)] px-3 py-1.5 text-center"
                      style={{
                        background:
                          ap !== null
                            ? `color-mix(in srgb, var(--accent) ${Math.round(shade * 70)}%, transparent)`
                            : undefined,
                      }}
                    >
                      {r ? (ap === null ? "diverged" : formatValue(ap)) : job.running ? "…" : "–"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <table className="text-sm tabular-nums">
          <caption className="mb-1 text-left font-medium">The paper (COCO, Table 1b)</caption>
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
                <td className="px-2 text-center">{r.ap}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
