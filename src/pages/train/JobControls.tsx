/** The shared controls of a background experiment: steps per training, run / cancel, notices. */
import type { ReactNode } from "react";
import type { JobState } from "../../experiment/jobs";

interface JobControlsProps {
  job: JobState;
  steps: number;
  stepChoices: readonly number[];
  onSteps: (steps: number) => void;
  onRun: () => void;
  onCancel: () => void;
  runLabel: string;
  /** Controls shown before the steps choice (e.g. how many seeds). */
  children?: ReactNode;
}

export function JobControls(props: JobControlsProps) {
  const { job, steps, stepChoices, onSteps, onRun, onCancel, runLabel, children } = props;
  return (
    <>
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
        {children}
        <label className="flex items-center gap-2">
          Steps each
          <select
            value={steps}
            onChange={(e) => onSteps(Number(e.target.value))}
            className="rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-1"
          >
            {stepChoices.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        {job.running ? (
          <button
            type="button"
            onClick={onCancel}
            className="rounded-md border border-[var(--grid)] px-3 py-1.5 font-medium"
          >
            Cancel ({job.done}/{job.total})
          </button>
        ) : (
          <button
            type="button"
            onClick={onRun}
            className="rounded-md bg-[var(--accent)] px-3 py-1.5 font-medium text-[var(--on-accent)] hover:bg-[var(--accent-hover)]"
          >
            {runLabel}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {job.notice && (
          <p className="notice-warn mt-2 rounded-lg p-2 text-sm" data-testid="job-notice">
            {job.notice}
          </p>
        )}
        {job.error && (
          <p className="notice-error mt-2 rounded-lg p-2 text-sm" data-testid="job-error">
            {job.error}
          </p>
        )}
      </div>
    </>
  );
}
