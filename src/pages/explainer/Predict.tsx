/**
 * The "predict first" step of a lesson link: the learner guesses before the figure that answers
 * the question is shown, then sees how close the guess was, next to the figure. Loaded only by
 * lesson links that ask a question.
 */
import { useEffect, useId, useState } from "react";
import { ParamSlider } from "../../components/controls/ParamSlider";
import { useExplainer } from "../../components/explainerContext";
import { judgeGuess, QUESTIONS, type Question } from "../../content/questions";
import { formatShare, formatTimes } from "../../math/format";
import type { ExplainerState } from "../../state/explainer";
import { QUESTION_FIGURE, type QuestionId } from "../../state/lesson";

type Asked = Exclude<QuestionId, "none">;

function formatAnswer(q: Question, v: number): string {
  return q.unit === "times" ? formatTimes(v) : formatShare(v / 100);
}

export function PredictCard(props: {
  question: Asked;
  state: ExplainerState;
  onReveal: (guess: number) => void;
}) {
  const q = QUESTIONS[props.question];
  const [guess, setGuess] = useState(q.range.start);
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      data-testid="predict-card"
      className="my-8 rounded-xl border-2 border-[var(--accent)] bg-[var(--panel)] p-4 sm:p-6"
    >
      <h2 id={headingId} className="text-xl font-bold">
        Predict first
      </h2>
      <p className="mt-2 text-lg leading-relaxed">{q.prompt(props.state)}</p>
      <div className="mt-4">
        <ParamSlider
          label={q.unit === "times" ? "Your guess (× less)" : "Your guess (%)"}
          name="your guess"
          value={guess}
          min={q.range.min}
          max={q.range.max}
          step={1}
          scale={q.unit === "times" ? "log" : "linear"}
          format={(v) => formatAnswer(q, v)}
          onChange={setGuess}
          testId="predict-guess"
        />
      </div>
      <button
        type="button"
        onClick={() => props.onReveal(guess)}
        className="mt-4 rounded-md bg-[var(--accent)] px-4 py-2 font-semibold text-[var(--on-accent)] hover:bg-[var(--accent-hover)]"
      >
        Reveal the figure
      </button>
      <p className="mt-2 text-sm text-[var(--muted)]">
        Commit to a number first: the figure below will show you the answer.
      </p>
    </section>
  );
}

const GRADE_TEXT = { close: "Close!", near: "Not far.", far: "A surprise?" } as const;

/**
 * After the guess: the page scrolls to the figure that answers the question, and this banner
 * stays at the bottom of the window so guess and figure are seen together. It follows the state
 * if the reader moves the sliders.
 */
export function PredictResult(props: { question: Asked; guess: number }) {
  const { state } = useExplainer();
  const [open, setOpen] = useState(true);
  const q = QUESTIONS[props.question];
  const answer = q.answer(state);
  const verdict = judgeGuess(q.unit, props.guess, answer);
  useEffect(() => {
    document.getElementById(QUESTION_FIGURE[props.question])?.scrollIntoView({ block: "start" });
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
        <strong>{formatAnswer(q, props.guess)}</strong>; the figure shows{" "}
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
