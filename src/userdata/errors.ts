/**
 * Problems with a reader's file, as messages that say where and what: a line and column for
 * CSV, an array, index, dtype or shape for NumPy files. Never thrown for our own bugs.
 */

/** What went wrong, for code that reacts differently (tests, the page's hints). */
export type UserDataProblem =
  | "empty"
  | "not-text"
  | "not-numpy"
  | "not-npz"
  | "header"
  | "columns"
  | "score"
  | "label"
  | "range"
  | "classes"
  | "lengths"
  | "dtype"
  | "shape"
  | "cancelled";

export class UserDataError extends Error {
  readonly problem: UserDataProblem;
  constructor(problem: UserDataProblem, message: string) {
    super(message);
    this.name = "UserDataError";
    this.problem = problem;
  }
}

/** A value as quoted in a message: short, with control characters made visible. */
export function quote(raw: string, max = 24): string {
  const shown = raw.length > max ? `${raw.slice(0, max)}…` : raw;
  return `"${shown.replace(/[\u0000-\u001f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}"`;
}

/** 1234567 → "1,234,567" without depending on the browser's locale. */
export function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
