/**
 * Time bounds for promises that might never settle (a read-back on a lost GPU, a worker that
 * stopped answering). Pure: no DOM, no tfjs; timers are injectable for tests.
 */

/** A promise did not settle within its bound. */
export class DeadlineError extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`waited ${formatSeconds(ms)} for ${what}`);
    this.name = "DeadlineError";
  }
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * `work`, or a `DeadlineError` ("waited 30 s for `what`") once `ms` have passed without it
 * settling. The timer is cleared as soon as `work` settles; `work` itself is not cancelled.
 */
export function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  timers: Timers = GLOBAL_TIMERS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = timers.setTimeout(() => reject(new DeadlineError(what, ms)), ms);
    work.then(
      (value) => {
        timers.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        timers.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** "30 s", "2 min", "90 s": a bound as a reader would say it. */
export function formatSeconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}
