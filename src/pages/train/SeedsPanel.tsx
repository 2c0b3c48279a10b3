/** "Run N seeds": the same A/B pair over several seeds in the background; mean and spread. */
import { useState } from "react";
import type { JobState } from "../../experiment/jobs";
import { compareSeeds, describeComparison } from "../../experiment/seedSummary";
import { formatValue } from "../../math/format";
import { JobControls } from "./JobControls";

interface SeedsPanelProps {
  job: JobState;
  onRun: (seeds: number[], steps: number) => void;
  onCancel: () => void;
  firstSeed: number;
}

export function SeedsPanel({ job, onRun, onCancel, firstSeed }: SeedsPanelProps) {
  const [count, setCount] = useState(3);
  const [steps, setSteps] = useState(250);
  const comparison = compareSeeds(job.results);
  const seeds = [...new Set(job.results.map((r) => r.key.seed))];
  const apOf = (seed: number, run: "a" | "b") => {
    const r = job.results.find((x) => x.key.seed === seed && x.key.run === run);
    if (!r) return "…";
    return r.ap === null ? `diverged (step ${r.divergence?.step})` : formatValue(r.ap);
  };
  return (
    <section
      aria-labelledby="seeds-title"
      className="rounded-xl border border-[var(--grid)] bg-[var(--panel)] p-4"
      data-testid="seeds-panel"
    >
      <h2 id="seeds-title" className="text-lg font-semibold">
        Is it the seed? Run the pair over several seeds
      </h2>
      <p className="mt-1 text-sm text-[var(--muted)]">
        Trains A and B again from seeds {firstSeed}, {firstSeed + 1}, … in a background worker (the
        live runs keep going) and compares their held-out AP after the same number of steps.
      </p>
      <JobControls
        job={job}
        steps={steps}
        stepChoices={[50, 100, 250, 500, 1000]}
        onSteps={setSteps}
        onRun={() =>
          onRun(
            Array.from({ length: count }, (_, i) => firstSeed + i),
            steps,
          )
        }
        onCancel={onCancel}
        runLabel={`Run ${count} seeds`}
      >
        <label className="flex items-center gap-2">
          Seeds
          <select
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
            className="rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-1"
          >
            {[2, 3, 5, 8].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      </JobControls>
      {seeds.length > 0 && (
        <>
          <p className="mt-3 font-medium" data-testid="seeds-summary">
            {describeComparison(comparison, formatValue)}
          </p>
          <table className="mt-2 text-sm tabular-nums">
            <thead>
              <tr>
                <th className="px-2 text-left">seed</th>
                <th className="px-2 text-right">A AP</th>
                <th className="px-2 text-right">B AP</th>
              </tr>
            </thead>
            <tbody>
              {seeds.map((s) => (
                <tr key={s}>
                  <td className="px-2">{s}</td>
                  <td className="px-2 text-right">{apOf(s, "a")}</td>
                  <td className="px-2 text-right">{apOf(s, "b")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
