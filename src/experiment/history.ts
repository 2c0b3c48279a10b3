/**
 * The page-side record of a session: every update folded into per-run histories that the charts
 * read. Pure TypeScript (no React, no DOM); `version` changes with every applied update.
 */
import type { Evaluation } from "./evaluation";
import type { BackendReport, RankedLogits, RunId, SessionStatus, SessionUpdate } from "./protocol";
import type { Divergence } from "./training";

/** At most this many points per loss series reach a chart (bucket means beyond it). */
export const MAX_CHART_POINTS = 400;

export interface RunHistory {
  step: number;
  stepsPerSecond: number;
  divergence: Divergence | null;
  /** Per-step training loss and its positive / negative parts, step k at index k − 1. */
  loss: number[];
  lossPositive: number[];
  lossNegative: number[];
  /** Held-out metrics over steps. */
  metrics: { step: number; ap: number; recallAtP50: number }[];
  initial: Evaluation | null;
  latest: Evaluation | null;
  /** The latest evaluation's logits ranked by loss, per class (for Figure 4). */
  ranked: RankedLogits | null;
}

export interface SessionView {
  version: number;
  status: SessionStatus;
  backend: BackendReport | null;
  notices: string[];
  error: string | null;
  runs: Record<RunId, RunHistory>;
}

function emptyRun(): RunHistory {
  return {
    step: 0,
    stepsPerSecond: 0,
    divergence: null,
    loss: [],
    lossPositive: [],
    lossNegative: [],
    metrics: [],
    initial: null,
    latest: null,
    ranked: null,
  };
}

export function emptyView(): SessionView {
  return {
    version: 0,
    status: "starting",
    backend: null,
    notices: [],
    error: null,
    runs: { a: emptyRun(), b: emptyRun() },
  };
}

/**
 * Whether an update belongs to the page's current setup: every reset bumps the page's
 * generation, and updates of an earlier setup still in flight are dropped.
 */
export function isCurrent(update: Pick<SessionUpdate, "generation">, generation: number): boolean {
  return (update.generation ?? 0) === generation;
}

/** Fold one update into the view (mutating histories, returning a new top-level object). */
export function applyUpdate(view: SessionView, update: SessionUpdate): SessionView {
  const runs = { ...view.runs };
  for (const u of update.runs) {
    const run = { ...runs[u.id] };
    run.step = u.step;
    run.stepsPerSecond = u.stepsPerSecond;
    run.divergence = u.divergence;
    if (u.steps) {
      const at = u.steps.firstStep - 1;
      // Steps arrive in order (a reset starts a fresh view): append in place, O(new steps).
      appendAt(run.loss, at, u.steps.loss);
      appendAt(run.lossPositive, at, u.steps.lossPositive);
      appendAt(run.lossNegative, at, u.steps.lossNegative);
    }
    if (u.ranked) run.ranked = u.ranked;
    if (u.evaluation) {
      const e = u.evaluation;
      if (e.step === 0 || run.initial === null) run.initial = e;
      run.latest = e;
      run.metrics = [
        ...run.metrics.filter((m) => m.step < e.step),
        { step: e.step, ap: e.ap, recallAtP50: e.recallAtP50 },
      ];
    }
    runs[u.id] = run;
  }
  return {
    version: view.version + 1,
    status: update.status,
    backend: update.backend ?? view.backend,
    notices:
      update.notice && !view.notices.includes(update.notice)
        ? [...view.notices, update.notice]
        : view.notices,
    error: update.error ?? view.error,
    runs,
  };
}

/** Write `values` from index `at`; a gap (steps that never arrived) is filled with NaN, never closed up. */
function appendAt(target: number[], at: number, values: Float32Array): void {
  while (target.length < at) target.push(Number.NaN);
  target.length = at;
  for (const v of values) target.push(v);
}

/**
 * A series of per-step values as chart points: every step while short, bucket means (x at the
 * bucket's centre) once longer than `maxPoints`. Non-finite values are dropped.
 */
export function seriesPoints(
  values: readonly number[],
  maxPoints = MAX_CHART_POINTS,
): { x: number; y: number }[] {
  const n = values.length;
  const size = Math.max(1, Math.ceil(n / maxPoints));
  const out: { x: number; y: number }[] = [];
  for (let start = 0; start < n; start += size) {
    let sum = 0;
    let count = 0;
    for (let i = start; i < Math.min(n, start + size); i++) {
      const v = values[i] as number;
      if (Number.isFinite(v)) {
        sum += v;
        count += 1;
      }
    }
    if (count > 0)
      out.push({ x: start + (Math.min(n, start + size) - start + 1) / 2, y: sum / count });
  }
  return out;
}
