/**
 * How an embed fits the frame it was given, as pure functions (tested in frameFit.test.ts).
 *
 * An embed tells its host page how tall its content is, in every dialect hosts are known to
 * honour (our own resize script, Canvas, Brightspace and other LTI platforms). Whether the host
 * acted on it is visible from inside the frame: the frame's height becomes the height we sent.
 * A frame that does not follow within `FOLLOW_TIMEOUT_MS` cannot grow (a slide, a notebook
 * cell, a pasted iframe with no script, a mobile app): there the embed shrinks its content to
 * fit ("fit" mode) and opens data tables in a panel that scrolls inside the frame.
 */
import { EMBED_HEIGHT_MESSAGE } from "./messages";

/** How long a host may take to resize the frame before we decide it will not. */
export const FOLLOW_TIMEOUT_MS = 1000;

/** Heights within this many CSS pixels are the same (hosts round). */
const SLACK = 2;

/** The `fit` display option: `auto` decides by watching the frame, `1` / `0` force it. */
export type FitOption = "auto" | "1" | "0";

export interface FrameState {
  /** Whether the frame's height follows what we report: unknown until the host shows it. */
  follows: "unknown" | "yes" | "no";
  /** A height we reported that the frame does not have yet, and since when. */
  pending: { height: number; since: number } | null;
}

export const INITIAL_FRAME: FrameState = { follows: "unknown", pending: null };

/** We reported `height` while the frame was `frameHeight` tall. */
export function reported(
  state: FrameState,
  height: number,
  frameHeight: number,
  now: number,
): FrameState {
  if (Math.abs(height - frameHeight) <= SLACK) return { ...state, pending: null };
  // Keep the first time of a run of reports: a host that never follows is found after the
  // timeout even while the content keeps changing.
  const since = state.pending ? state.pending.since : now;
  return { ...state, pending: { height, since } };
}

/** The frame is now `frameHeight` tall (a resize event). */
export function frameResized(state: FrameState, frameHeight: number): FrameState {
  if (state.pending && Math.abs(state.pending.height - frameHeight) <= SLACK) {
    return { follows: "yes", pending: null };
  }
  return state;
}

/** Time passed: a report the frame has not followed for long enough means it will not. */
export function timePassed(state: FrameState, now: number): FrameState {
  if (state.pending && now - state.pending.since >= FOLLOW_TIMEOUT_MS) {
    return { follows: "no", pending: null };
  }
  return state;
}

/** Whether the content is shrunk to the frame. Never on a page of its own (not framed). */
export function fitActive(option: FitOption, framed: boolean, state: FrameState): boolean {
  if (!framed || option === "0") return false;
  return option === "1" || state.follows === "no";
}

/**
 * Whether what opens inside the embed (a data table) must stay within the frame as it is: in a
 * frame, unless the host has shown that it grows the frame to fit.
 */
export function contained(option: FitOption, framed: boolean, state: FrameState): boolean {
  if (!framed) return false;
  return option === "1" || state.follows !== "yes";
}

/**
 * The scale that makes content of `content` size fit a `frame` without scrolling or cutting:
 * never above 1 (fit shrinks, it never enlarges) and never below `min`.
 */
export function fitScale(
  content: { width: number; height: number },
  frame: { width: number; height: number },
  min = 0.25,
): number {
  if (content.height <= 0 || content.width <= 0) return 1;
  const s = Math.min(1, frame.height / content.height, frame.width / content.width);
  return Math.max(min, Math.floor(s * 1000) / 1000);
}

/**
 * The messages that tell a host page our content height: our own (public/embed.js), Canvas's
 * `lti.frameResize` and the 1EdTech / Brightspace `org.imsglobal.lti.frameResize`. The LTI ones
 * go as JSON strings, the form every host we read accepts (Canvas also takes objects; several
 * LTI consumers only `JSON.parse` strings).
 */
export function heightMessages(height: number): unknown[] {
  return [
    { type: EMBED_HEIGHT_MESSAGE, height },
    JSON.stringify({ subject: "lti.frameResize", height }),
    JSON.stringify({ subject: "org.imsglobal.lti.frameResize", height }),
  ];
}
