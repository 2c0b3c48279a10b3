/**
 * "Time to the story": how long after Play both runs' held-out AP stop moving by more than a
 * tolerance, relative to where they end at the step budget. Pure; `npm run bench:ui` feeds it
 * the evaluations it saw on the training page, with the page's clock.
 */

/** One held-out evaluation of both runs, `ms` after Play. */
export interface EvaluationSeen {
  ms: number;
  step: number;
  apA: number;
  apB: number;
}

export interface StoryTime {
  /** Seconds from Play to the first evaluation after which both APs stay within `tolerance`. */
  seconds: number;
  /** The step of that evaluation. */
  step: number;
  /** The APs at the budget (the evaluation at `budget`). */
  finalA: number;
  finalB: number;
}

/**
 * The earliest evaluation from which on every evaluation up to and including the one at
 * `budget` has |AP − AP at budget| ≤ `tolerance` for both runs; null when no evaluation at the
 * budget was seen. Evaluations after the budget are ignored.
 */
export function timeToStory(
  seen: readonly EvaluationSeen[],
  budget: number,
  tolerance = 0.02,
): StoryTime | null {
  const upTo = [...seen].filter((e) => e.step <= budget).sort((a, b) => a.step - b.step);
  const last = upTo.at(-1);
  if (!last || last.step !== budget) return null;
  let first = last;
  for (let i = upTo.length - 1; i >= 0; i--) {
    const e = upTo[i] as EvaluationSeen;
    if (Math.abs(e.apA - last.apA) > tolerance || Math.abs(e.apB - last.apB) > tolerance) break;
    first = e;
  }
  return { seconds: first.ms / 1000, step: first.step, finalA: last.apA, finalB: last.apB };
}

const VALUE = "([\\d.]+(?:e[−-]?\\d+)?)";
const CAPTION = new RegExp(`At step ([\\d,]+): A has AP ${VALUE}.*B has AP ${VALUE}`, "s");

/**
 * Reads the training page's AP caption: "At step 1,000: A has AP 0.512 … B has AP 6.92e−4 …"
 * (three significant digits; exponent notation below 0.001, with a Unicode minus).
 */
export function parseApCaption(text: string): Omit<EvaluationSeen, "ms"> | null {
  const m = CAPTION.exec(text);
  if (!m) return null;
  const value = (s: string | undefined) => Number((s as string).replace("−", "-"));
  return { step: Number((m[1] as string).replace(/,/g, "")), apA: value(m[2]), apB: value(m[3]) };
}
