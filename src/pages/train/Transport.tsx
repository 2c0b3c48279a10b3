/** Play / pause / step / reset, with each run's step counter and rate. */

import type { SessionView } from "../../experiment/history";
import { RUN_IDS } from "../../experiment/protocol";
import { formatCount } from "../../math/format";

interface TransportProps {
  view: SessionView;
  ready: boolean;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  /** Play pauses at this step (the benchmark's budget) when it starts below it. */
  budget: number;
}

const BASE = "rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-50";
const BUTTON = `${BASE} border-[var(--grid)] hover:bg-[var(--grid)]`;
/** Play / Pause: text keeps its contrast under the pointer too. */
const PRIMARY = `${BASE} border-transparent bg-[var(--accent)] text-[var(--on-accent)] hover:bg-[var(--accent-hover)]`;

export function Transport(props: TransportProps) {
  const { view, ready, onPlay, onPause, onStep, onReset, budget } = props;
  const running = view.status === "running";
  const busy = view.status === "starting";
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <div className="flex gap-2">
        {running ? (
          <button type="button" className={PRIMARY} onClick={onPause}>
            Pause
          </button>
        ) : (
          <button
            type="button"
            className={PRIMARY}
            onClick={onPlay}
            disabled={!ready || busy || view.status === "stopped"}
          >
            Play
          </button>
        )}
        <button
          type="button"
          className={BUTTON}
          onClick={onStep}
          disabled={!ready || busy || running || view.status === "stopped"}
        >
          Step
        </button>
        <button type="button" className={BUTTON} onClick={onReset} disabled={!ready || busy}>
          Reset
        </button>
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm tabular-nums" aria-live="off">
        {RUN_IDS.map((id) => {
          const run = view.runs[id];
          return (
            <div key={id} className="flex gap-2" data-testid={`run-${id}-counter`}>
              <dt className="font-semibold">{id.toUpperCase()}</dt>
              <dd>
                step <span data-testid={`run-${id}-step`}>{formatCount(run.step)}</span>
                {" · "}
                {run.stepsPerSecond > 0 ? `${run.stepsPerSecond.toFixed(1)} steps/s` : "– steps/s"}
                {run.divergence && (
                  <span className="ml-2 font-semibold text-[var(--error-text)]">
                    diverged at step {run.divergence.step}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
        <div className="flex gap-2 text-[var(--muted)]">
          <dt className="sr-only">Status</dt>
          <dd data-testid="session-status">{busy ? "starting…" : view.status}</dd>
        </div>
      </dl>
      <p className="text-xs text-[var(--muted)]" data-testid="budget-note">
        {RUN_IDS.every((id) => view.runs[id].step < budget)
          ? `Play pauses at step ${formatCount(budget)}, the last step of the benchmark this page quotes (in Node; a run here need not match it exactly).`
          : `Past step ${formatCount(budget)}, the benchmark's budget: Play trains on until you pause.`}
      </p>
    </div>
  );
}
