/** "Run N seeds": the same A/B pair over several seeds; mean, spread and a stated call. */
import { useState } from "react";
import type { JobState } from "../../experiment/jobs";
import { TOY_BUDGET } from "../../experiment/recipes";
import { compareSeeds, describeComparison, SEED_RULE } from "../../experiment/seedSummary";
import { formatValue } from "../../math/format";
import { JobControls } from "./JobControls";

interface SeedsPanelProps {
  job: JobState;
  /** Each run's loss in words ("OHEM, batch 128"), so the panel says what the pair is. */
  losses: Readonly<Record<"a" | "b", string>>;
  onRun: (seeds: number[], steps: number) => void;
  onCancel: () => void;
  firstSeed: number;
  /** Whether jobs train in a worker of their own (else on the page, between the live steps). */
  inWorker: boolean;
}

export const SEED_COUNTS = [3, 5, 8, 10] as const;
export const DEFAULT_SEED_COUNT = 5;

export function SeedsPanel({ job, losses, onRun, onCancel, firstSeed, inWorker }: SeedsPanelProps) {
  const [count, setCount] = useState<number>(DEFAULT_SEED_COUNT);
  const [steps, setSteps] = useState(TOY_BUDGET);
  const comparison = compareSeeds(job.results);
  const seeds = [...new Set(job.results.map((r) => r.key.seed))];
  const apOf = (seed: number, run: "a" | "b") => {
    const r = job.results.find((x) => x.key.seed === seed && x.key.run === run);
    if (!r) return null;
    return r;
  };
  const cell = (r: ReturnType<typeof apOf>) =>
    r === null ? "…" : r.ap === null ? `diverged (step ${r.divergence?.step})` : formatValue(r.ap);
  const diff = (seed: number) => {
    const a = apOf(seed, "a")?.ap;
    const b = apOf(seed, "b")?.ap;
    if (a == null || b == null) return "–";
    const d = b - a;
    return `${d >= 0 ? "+" : "−"}${formatValue(Math.abs(d))}`;
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
        Trains A ({losses.a}) and B ({losses.b}) again, with their current settings, from seeds{" "}
        {firstSeed}, {firstSeed + 1}, …{" "}
        {inWorker
          ? "in a background worker (the live runs keep going)"
          : "on this page, between the live runs' steps"}{" "}
        and compares their held-out AP after the same number of steps. {SEED_RULE}
      </p>
      <JobControls
        job={job}
        steps={steps}
        stepChoices={[50, 100, 250, TOY_BUDGET, 1000]}
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
            {SEED_COUNTS.map((n) => (
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
                <th className="px-2 text-right">B − A</th>
              </tr>
            </thead>
            <tbody>
              {seeds.map((s) => (
                <tr key={s}>
                  <td className="px-2">{s}</td>
                  <td className="px-2 text-right">{cell(apOf(s, "a"))}</td>
                  <td className="px-2 text-right">{cell(apOf(s, "b"))}</td>
                  <td className="px-2 text-right">{diff(s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
