/**
 * How long the training page waits on a background worker before it calls it dead, and what it
 * does then. Pure (no DOM): the page's door to the engine applies it.
 *
 * A worker that ends (closed, terminated, crashed) is heard of at once through a Web Lock it
 * holds for life. A worker that never answers, or stops answering, is caught by time bounds,
 * which must stay above the longest thing a healthy worker does without answering: one
 * synchronous training step on the slowest backend (the pure-JS cpu backend took about 3 s per
 * step at batch 4 on a busy 2-core machine here, so tens of seconds at batch 64).
 */
import { formatSeconds } from "./deadline";

export const LIVENESS = {
  /** A new worker must answer its first ping within this: its script loaded and ran. */
  readyMs: 30_000,
  /** While a worker is open the page pings it this often. */
  pingEveryMs: 5_000,
  /** A worker that sends nothing (no update, no answer to a ping) for this long is hung. */
  silenceMs: 120_000,
  /** The longest start or reset: backend choice (each try bounded at 15 s), timing, evaluation. */
  startMs: 300_000,
  /** The longest step round trip: one step of both runs, a read-back and an evaluation. */
  stepMs: 180_000,
  /** Workers replaced after a death before the page trains on its own thread instead. */
  maxReplacements: 1,
} as const;

/** The worker ended or stopped answering; `message` says which, in words. */
export class WorkerLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerLostError";
  }
}

export const WORKER_ENDED = "the background worker ended unexpectedly";
export const workerSilent = (ms: number) =>
  `the background worker sent nothing for ${formatSeconds(ms)}`;

/** When a worker was last heard from, and whether it has been silent for too long. */
export class SilenceWatch {
  private last: number;

  constructor(
    private readonly limitMs: number,
    now: number,
  ) {
    this.last = now;
  }

  heard(now: number): void {
    this.last = Math.max(this.last, now);
  }

  isSilent(now: number): boolean {
    return now - this.last > this.limitMs;
  }
}

/**
 * Where the next session goes after the current one was lost (`lost` sessions so far, this one
 * included): a fresh worker up to `maxReplacements` times, then the page's own thread.
 */
export function replacementThread(lost: number, preferMainThread: boolean): "worker" | "main" {
  return preferMainThread || lost > LIVENESS.maxReplacements ? "main" : "worker";
}

/** The notice after a lost session was replaced. */
export function replacementNotice(why: string, thread: "worker" | "main"): string {
  const then =
    thread === "worker"
      ? "a new background worker took over"
      : "training now runs on this page instead, which may make the page less smooth";
  return `Training was interrupted (${why}); ${then}. Both runs start again from step 0 with the same settings.`;
}
