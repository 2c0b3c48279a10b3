/**
 * The "predict first" questions of lesson links: what is asked (with the numbers of the current
 * state), the true answer, and how close a guess came (QUESTION_FIGURE says which figure
 * answers each). Pure.
 */
import { downweightRatio } from "../math/curves";
import { sigmoidFocalLossGrad } from "../math/focal";
import { formatCount, formatParam, formatValue } from "../math/format";
import { budgetComparison, budgetShares, POPULATIONS } from "../math/population";
import type { ExplainerState } from "../state/explainer";
import type { QuestionId } from "../state/lesson";

export interface Question {
  prompt: (s: ExplainerState) => string;
  /** "times": a ratio ≥ 1 guessed on a log scale; "percent": a share guessed in %. */
  unit: "times" | "percent";
  /** The true answer for the state (a ratio, or a share in percent). */
  answer: (s: ExplainerState) => number;
  /** The guesses accepted (the field starts empty: no default to anchor on). */
  range: { min: number; max: number };
}

/** Logit of an easy negative in the push-back question (p_t ≈ 0.95). */
const EASY_LOGIT = -3;

export const QUESTIONS: Record<Exclude<QuestionId, "none">, Question> = {
  downweight: {
    prompt: (s) =>
      `With γ = ${formatParam(s.gamma)}, how many times less does a well-classified example (pₜ = 0.9) count under focal loss than under cross-entropy?`,
    unit: "times",
    answer: (s) => downweightRatio(0.9, s.gamma),
    range: { min: 1, max: 100000 },
  },
  "easy-share": {
    prompt: (s) =>
      `${s.population === "init" ? "At the prior init (every location scored 0.01)" : "In Figure 5's assumed part-trained population"}, one positive per ${s.ratio === 1 ? "negative" : `${formatCount(s.ratio)} negatives`}. What share of the total cross-entropy loss comes from the easy negatives (pₜ > 0.9)?`,
    unit: "percent",
    answer: (s) => {
      const [ce] = budgetComparison(
        POPULATIONS[s.population],
        s.ratio,
        s.gamma,
        s.alpha,
        s.ceAlpha,
      );
      return ce ? 100 * budgetShares(ce.budget, "loss").easyNegatives : Number.NaN;
    },
    range: { min: 0, max: 100 },
  },
  "push-back": {
    prompt: (s) =>
      `A negative the model already rejects (logit x = ${formatValue(EASY_LOGIT)}). How many times weaker is its gradient under α-FL (γ = ${formatParam(s.gamma)}) than under α-CE?`,
    unit: "times",
    answer: (s) => {
      // α_t multiplies both gradients and cancels in the ratio (it is 0 for negatives at α = 1).
      const ce = sigmoidFocalLossGrad(EASY_LOGIT, 0, { gamma: 0, alpha: null });
      const fl = sigmoidFocalLossGrad(EASY_LOGIT, 0, { gamma: s.gamma, alpha: null });
      return ce / fl;
    },
    range: { min: 1, max: 100000 },
  },
};

export interface Verdict {
  /** "close": within 1.5× (ratios) or 5 points (percent); "near": within 3× or 15 points. */
  grade: "close" | "near" | "far";
  /** How far off, in words: "off by a factor of 4", "12 points too high". */
  distance: string;
}

/** How close a guess came to the answer, judged on the scale the question is asked on. */
export function judgeGuess(unit: Question["unit"], guess: number, answer: number): Verdict {
  if (unit === "times") {
    const factor = Math.max(guess / answer, answer / guess);
    const grade = factor <= 1.5 ? "close" : factor <= 3 ? "near" : "far";
    const rounded = factor < 10 ? Math.round(factor * 10) / 10 : Math.round(factor);
    const direction = guess > answer ? "too high" : "too low";
    return {
      grade,
      distance: factor < 1.05 ? "spot on" : `off by a factor of ${rounded} (${direction})`,
    };
  }
  const points = guess - answer;
  const size = Math.abs(points);
  const grade = size <= 5 ? "close" : size <= 15 ? "near" : "far";
  const rounded = Math.round(size * 10) / 10;
  return {
    grade,
    distance: size < 0.5 ? "spot on" : `${rounded} points ${points > 0 ? "too high" : "too low"}`,
  };
}

/**
 * A typed guess: a plain decimal number (spaces, "," thousands separators, a trailing "×" or "%"
 * allowed) inside the question's range, or null. Blank is no guess.
 */
export function parseGuess(q: Question, text: string): number | null {
  const plain = text
    .trim()
    .replace(/[×x%]$/i, "")
    .replaceAll(",", "")
    .trim();
  if (!/^(\d+\.?\d*|\.\d+)$/.test(plain)) return null;
  const value = Number(plain);
  return value >= q.range.min && value <= q.range.max ? value : null;
}
