/** What this toy can and cannot show, from our benchmark, next to the paper's result. */
import { toyFindings } from "../../content/toyFindings";

const FINDINGS = toyFindings();

export function ToyFindings() {
  return (
    <details
      className="rounded-xl border border-[var(--grid)] bg-[var(--panel)] p-4 text-sm"
      data-testid="toy-findings"
    >
      <summary className="cursor-pointer font-semibold">
        What this toy shows, and what it cannot (measured)
      </summary>
      <ul className="mt-2 flex list-disc flex-col gap-1.5 pl-5">
        {FINDINGS.map((f) => (
          <li key={f.id}>{f.text}</li>
        ))}
      </ul>
      <p className="mt-2 text-[var(--muted)]">
        A toy trained for a minute is not RetinaNet trained for days: it can show where each loss
        spends its gradient and how robust it is from the first steps, but a final-AP difference of
        the paper's size only where the seeds above say so. How we chose the task, and what we
        tried: the design study in <code>docs/design-study.md</code>; every number here comes from{" "}
        <code>npm run bench:train</code> (<code>docs/benchmarks.md</code>).
      </p>
    </details>
  );
}
