/**
 * What the training page says to a screen reader, and when: a change of state (started,
 * paused, stopped, reset) at once, and progress while training at most every
 * `ANNOUNCE_EVERY_MS`, never once per step. Pure; the page puts the text in a polite live region.
 */
import type { SessionView } from "../../experiment/history";
import type { SessionStatus } from "../../experiment/protocol";
import { formatCount, formatValue } from "../../math/format";

export const ANNOUNCE_EVERY_MS = 5000;

export interface Announcement {
  /** Empty when the state was only recorded (the page's first state is not announced). */
  text: string;
  at: number;
  status: SessionStatus;
}

function progress(view: SessionView): string {
  const { a, b } = view.runs;
  const ap = (run: typeof a) => {
    const last = run.metrics.at(-1);
    return last ? formatValue(last.ap) : null;
  };
  const apA = ap(a);
  const apB = ap(b);
  const steps = `Step ${formatCount(a.step)} of run A, ${formatCount(b.step)} of run B`;
  return apA && apB ? `${steps}; held-out AP: A ${apA}, B ${apB}.` : `${steps}.`;
}

function change(view: SessionView): string | null {
  const step = formatCount(Math.max(view.runs.a.step, view.runs.b.step));
  switch (view.status) {
    case "running":
      return "Training.";
    case "paused":
      return `Paused. ${progress(view)}`;
    case "stopped":
      return `Training stopped at step ${step}.`;
    case "idle":
      return view.runs.a.step === 0 && view.runs.b.step === 0
        ? "Ready: both runs at step 0."
        : `Stopped. ${progress(view)}`;
    default:
      return null;
  }
}

/** The next announcement, or null when nothing should be said now. */
export function nextAnnouncement(
  last: Announcement | null,
  view: SessionView,
  now: number,
): Announcement | null {
  if (last === null) return { text: "", at: now, status: view.status };
  if (view.status !== last.status) {
    const text = change(view);
    return text === null
      ? { ...last, status: view.status }
      : { text, at: now, status: view.status };
  }
  if (view.status === "running" && now - last.at >= ANNOUNCE_EVERY_MS) {
    const text = progress(view);
    return text === last.text ? null : { text, at: now, status: view.status };
  }
  return null;
}
