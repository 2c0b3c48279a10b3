/**
 * The "predict first" step of a lesson link: the learner guesses before the figure that answers
 * the question is shown, then sees how close the guess was, next to the figure. Loaded only by
 * lesson links that ask a question. The question is asked at the lesson's state, which stays
 * fixed while the learner answers (the page shows no sliders until the reveal), and the guess
 * starts empty, so no default anchors it.
 */
import { useEffect, useId, useState } from "react";
import { useExplainer } from "../../components/explainerContext";
import { judgeGuess, parseGuess, QUESTIONS, type Question } from "../../content/questions";
import { formatCount, formatShare, formatTimes } from "../../math/format";
import type { ExplainerState } from "../../state/explainer";
import { QUESTION_FIGURE, type QuestionId } from "../../state/lesson";

type Asked = Exclude<QuestionId, "none">;

function formatAnswer(q: Question, v: number): string {
  return q.unit === "times" ? formatTimes(v) : formatShare(v / 100);
}

export function PredictCard(props: {
  question: Asked;
  /** The lesson's state: the question is asked, and later judged, at it. */
  asked: ExplainerState;
  onReveal: (guess: number) => void;
}) {
  const q = QUESTIONS[props.question];
  const [text, setText] = useState("");
  const [tried, setTried] = useState(false);
  const guess = parseGuess(q, text);
  const headingId = useId();
  const fieldId = useId();
  const hintId = useId();
  const unit = q.unit === "times" ? "× less" : "%";
  const reveal = () => {
    setTried(true);
    if (guess !== null) props.onReveal(guess);
  };
  return (
    <section
      aria-labelledby={headingId}
      data-testid="predict-card"
      className="my-8 rounded-xl border-2 border-[var(--accent)] bg-[var(--panel)] p-4 sm:p-6"
    >
      <h2 id={headingId} className="text-xl font-bold">
        Predict first
      </h2>
      <p className="mt-2 text-lg leading-relaxed">{q.prompt(props.asked)}</p>
      <form
        className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          reveal();
        }}
      >
        <label htmlFor={fieldId} className="font-medium">
          Your guess ({unit})
        </label>
        <input
          id={fieldId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          aria-label="your guess value"
          aria-describedby={hintId}
          aria-invalid={tried && guess === null}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="predict-guess"
          className="w-32 rounded border border-[var(--grid)] bg-[var(--bg)] px-2 py-1 text-right text-lg tabular-nums aria-[invalid=true]:border-[var(--error-border)]"
        />
        <button
          type="submit"
          className="rounded-md bg-[var(--accent)] px-4 py-2 font-semibold text-[var(--on-accent)] hover:bg-[var(--accent-hover)]"
        >
          Reveal the figure
        </button>
      </form>
      <p
        id={hintId}
        className={`mt-2 text-sm ${tried && guess === null ? "text-[var(--error-text)]" : "text-[var(--muted)]"}`}
      >
        {tried && guess === null ? "Type a number first: " : "Commit to a number first: "}
        {formatCount(q.range.min)} to {formatCount(q.range.max)}
        {q.unit === "times" ? " times less" : " percent"}. The figure below will show you the
        answer.
      </p>
    </section>
  );
}

const GRADE_TEXT = { close: "Close!", near: "Not far.", far: "A surprise?" } as const;

/** Wait for the next animation frame. */
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Scroll so that the figure's top sits just below the sticky γ / α bar (when shown): the whole
 * figure is then in view whenever it fits above the result banner. Figures load and lay out
 * after the reveal, so the position is corrected until it holds still.
 */
async function bringIntoView(id: string, cancelled: () => boolean): Promise<void> {
  let still = 0;
  for (let i = 0; i < 120 && still < 3 && !cancelled(); i += 1) {
    await frame();
    const figure = document.getElementById(id);
    if (!figure) continue;
    const bar = document.querySelector("[data-sticky-bar]");
    const top = (bar?.getBoundingClientRect().bottom ?? 0) + 8;
    const delta = figure.getBoundingClientRect().top - top;
    if (Math.abs(delta) < 1) still += 1;
    else {
      still = 0;
      window.scrollBy({ top: delta, behavior: "instant" });
    }
  }
}

/**
 * After the guess: the page scrolls to the figure that answers the question, and this banner
 * stays at the bottom of the window so guess and figure are seen together. The verdict is for
 * the state the question was asked at.
 */
export function PredictResult(props: { question: Asked; guess: number; asked: ExplainerState }) {
  const { state } = useExplainer();
  const [open, setOpen] = useState(true);
  const q = QUESTIONS[props.question];
  const answer = q.answer(props.asked);
  const verdict = judgeGuess(q.unit, props.guess, answer);
  const moved = q.answer(state) !== answer;
  useEffect(() => {
    let cancelled = false;
    void bringIntoView(QUESTION_FIGURE[props.question], () => cancelled);
    return () => {
      cancelled = true;
    };
  }, [props.question]);
  if (!open) return null;
  return (
    <div
      role="status"
      data-testid="predict-result"
      className="fixed inset-x-2 bottom-2 z-30 mx-auto flex max-w-2xl items-start gap-3 rounded-lg border-2 border-[var(--accent)] bg-[var(--panel)] p-3 text-base shadow-lg print:static print:shadow-none"
    >
      <p className="flex-1">
        <strong>{GRADE_TEXT[verdict.grade]}</strong> You predicted{" "}
        <strong>{formatAnswer(q, props.guess)}</strong>;{" "}
        {moved ? "at the question's settings the answer was" : "the figure shows"}{" "}
        <strong>{formatAnswer(q, answer)}</strong>: {verdict.distance}.
      </p>
      <button
        type="button"
        onClick={() => setOpen(false)}
        aria-label="Dismiss"
        className="rounded px-2 font-semibold hover:bg-[var(--grid)]"
      >
        ×
      </button>
    </div>
  );
}
