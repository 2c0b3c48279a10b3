/**
 * One label and one score at a time: 0/1 labels or a chosen positive class, scores as
 * probabilities (clipped to [ε, 1 − ε]) or logits, each problem reported with its place.
 */
import { logit, sigmoid } from "../math/numeric";
import { quote, UserDataError } from "./errors";
import type { LabelRule } from "./types";

/**
 * Probabilities are clipped to [ε, 1 − ε] with ε = 1e-7 (Keras's backend epsilon, which its
 * losses also clip probabilities to), so that 0 and 1 get finite logits (±16.1).
 */
export const PROBABILITY_EPSILON = 1e-7;

/**
 * Where a value is, as its `toString()`: a reader updates one such object as it moves, so no
 * message is built unless something is wrong.
 */
export interface Place {
  toString(): string;
}

/** Thrown (and caught) when a score read as a probability lies outside [0, 1]. */
export class OutOfUnitInterval extends UserDataError {
  readonly where: string;
  readonly value: number;
  constructor(where: string, value: number) {
    super(
      "range",
      `${where}: the score ${value} is outside [0, 1], so it is not a probability. If your scores are logits, choose "logits".`,
    );
    this.where = where;
    this.value = value;
  }
}

/** A text label as 0 or 1 under `rule`; `where` says where it is ("line 12, column 1 (label)"). */
export function labelOfText(raw: string, rule: LabelRule, where: Place): 0 | 1 {
  if (rule.kind === "binary") {
    if (raw === "1") return 1;
    if (raw === "0") return 0;
  }
  const t = raw.trim();
  if (rule.kind === "positive") return t === rule.value || sameNumber(t, rule.value) ? 1 : 0;
  const n = t === "" ? Number.NaN : Number(t);
  if (n === 0 || n === 1) return n;
  const lower = t.toLowerCase();
  if (lower === "true") return 1;
  if (lower === "false") return 0;
  throw new UserDataError(
    "label",
    t === ""
      ? `${where}: the label is empty.`
      : `${where}: the label ${quote(t)} is not 0 or 1. If your labels are classes, choose which value is the positive class.`,
  );
}

/** A numeric label (NumPy) as 0 or 1 under `rule`. */
export function labelOfNumber(n: number, rule: LabelRule, where: Place): 0 | 1 {
  if (rule.kind === "positive") return n === Number(rule.value) ? 1 : 0;
  if (n === 0 || n === 1) return n;
  throw new UserDataError(
    "label",
    `${where}: the label ${Number.isNaN(n) ? "NaN" : n} is not 0 or 1. If your labels are classes, choose which value is the positive class.`,
  );
}

function sameNumber(a: string, b: string): boolean {
  const x = Number(a);
  return a !== "" && b !== "" && Number.isFinite(x) && x === Number(b);
}

/** A text score as a finite number, or an error that says what is wrong with it. */
export function scoreOfText(raw: string, where: Place): number {
  const v = Number(raw);
  if (Number.isFinite(v) && raw !== "") return v;
  const t = raw.trim();
  const n = t === "" ? Number.NaN : Number(t);
  if (Number.isFinite(n)) return n;
  let why = `${quote(t)} is not a number`;
  if (t === "") why = "is empty";
  else if (/^[+-]?\d+,\d+$/.test(t))
    why = `${quote(t)} is not a number (a decimal comma? use a point)`;
  else if (Number.isNaN(n)) why = `${quote(t)} is not a number`;
  else why = `${quote(t)} is not finite`;
  throw new UserDataError("score", `${where}: the score ${why}.`);
}

/** Scores to logits (and probabilities), counting the probabilities it clips. */
export class ScoreConverter {
  readonly kind: "probability" | "logit";
  clippedLow = 0;
  clippedHigh = 0;
  /** The probability σ(x) of the last converted score. */
  p = 0.5;

  constructor(kind: "probability" | "logit") {
    this.kind = kind;
  }

  /** The logit of score `v` (finite); sets `p`. */
  toLogit(v: number, where: Place): number {
    if (this.kind === "logit") {
      if (!Number.isFinite(v)) {
        throw new UserDataError("score", `${where}: the score ${v} is not finite.`);
      }
      this.p = sigmoid(v);
      return v;
    }
    if (!(v >= 0 && v <= 1)) throw new OutOfUnitInterval(String(where), v);
    let p = v;
    if (p < PROBABILITY_EPSILON) {
      p = PROBABILITY_EPSILON;
      this.clippedLow++;
    } else if (p > 1 - PROBABILITY_EPSILON) {
      p = 1 - PROBABILITY_EPSILON;
      this.clippedHigh++;
    }
    this.p = p;
    return logit(p);
  }
}
