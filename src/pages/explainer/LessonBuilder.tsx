/**
 * The lesson builder: a teacher ticks what the class sees, the question to ask first, the state
 * to fix and a short note, and gets the lesson link (with a QR code for the room), a present-mode
 * link and a printable handout. It opens on the page's own lesson, so opening a built link and
 * the builder again restores every choice. Loaded on use.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { QUESTIONS } from "../../content/questions";
import { copyText, saveFile, svgToPng } from "../../export/files";
import { siteRootOf } from "../../export/links";
import { QrCode } from "../../export/QrCode";
import { qrSvg, qrSymbol } from "../../export/qr";
import { CHARTS, EXPLAINER_CHART_IDS, type ExplainerChartId } from "../../state/charts";
import type { ExplainerState } from "../../state/explainer";
import {
  type ExplainerParam,
  HIDEABLE,
  type Hideable,
  LESSON_SCHEMA,
  type LessonState,
  lessonQuery,
  NOTE_MAX_LENGTH,
  QUESTION_FIGURE,
  QUESTION_IDS,
  type QuestionId,
} from "../../state/lesson";
import { explainerLink, type Theme, viewQuery } from "../../state/view";
import { PARAM_LABELS, PARAMS } from "./stateLabels";

/** The page parts a lesson can hide, in words (chart ids are named by their figure). */
const PART_LABELS: Record<string, string> = {
  controls: "The γ / α sliders at the top",
  "figure-controls": "Each figure's own controls",
  menus: "The Share menus",
  text: "The article's text (figures only)",
};

const QUESTION_LABELS: Record<QuestionId, string> = {
  none: "No question",
  downweight: "How much less an easy example counts (Figure 3)",
  "easy-share": "The easy negatives' share of the loss (Figure 5)",
  "push-back": "How much weaker an easy negative's gradient is (Figure 4)",
};

const BOX = "flex items-start gap-2";
const BUTTON =
  "rounded-md border border-[var(--grid)] px-3 py-1 text-sm hover:bg-[var(--grid)] focus-visible:outline-2 focus-visible:outline-[var(--accent)]";

function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

function figureName(id: ExplainerChartId): string {
  return `Figure ${CHARTS[id].number}: ${CHARTS[id].title}`;
}

export default function LessonBuilder(props: {
  state: ExplainerState;
  /** The state parameters the page's link fixed (or the reader moved). */
  fixed: readonly ExplainerParam[];
  lesson: LessonState;
  /** Opened from this chart's Share menu. */
  chart?: ExplainerChartId;
  theme: Theme;
  onClose: () => void;
}) {
  const { state, onClose } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [hide, setHide] = useState<readonly Hideable[]>(props.lesson.hide);
  const [predict, setPredict] = useState<QuestionId>(props.lesson.predict);
  const [note, setNote] = useState(props.lesson.note);
  const [fixed, setFixed] = useState<readonly ExplainerParam[]>(props.fixed);
  const shownCharts = EXPLAINER_CHART_IDS.filter((id) => !hide.includes(id));
  const [presentChart, setPresentChart] = useState<ExplainerChartId>(
    props.chart ?? shownCharts[0] ?? "loss-vs-pt",
  );
  const [handout, setHandout] = useState<readonly ExplainerChartId[]>(
    props.chart ? [props.chart] : shownCharts,
  );
  const [presentTheme, setPresentTheme] = useState<Theme>(props.theme);
  const [status, setStatus] = useState("");
  const titleId = useId();
  const noteId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    const closed = () => onClose();
    d?.addEventListener("close", closed);
    return () => d?.removeEventListener("close", closed);
  }, [onClose]);

  const siteRoot = siteRootOf(window.location.href, "");
  const lesson: LessonState = {
    hide: HIDEABLE.filter((h) => hide.includes(h)),
    predict,
    // The link holds what the class will see: the note as the page will clean it.
    note: note.trim(),
  };
  const query = lessonQuery(fixed, state, lesson);
  const link = explainerLink(siteRoot, query);
  const presentLink = explainerLink(
    siteRoot,
    query,
    viewQuery({ present: presentChart }, presentTheme),
  );
  const handoutIds = EXPLAINER_CHART_IDS.filter((id) => handout.includes(id));
  const handoutLink = explainerLink(siteRoot, query, viewQuery({ handout: handoutIds }));
  const symbol = useMemo(() => qrSymbol(link), [link]);
  const answering = predict === "none" ? null : QUESTION_FIGURE[predict];

  const copy = async (text: string, done: string) =>
    setStatus(
      (await copyText(text)) ? done : "Copying is blocked here: select the link and copy it.",
    );
  const qrPng = () =>
    svgToPng(qrSvg(symbol, symbol.size * 8, link), symbol.size * 8, symbol.size * 8, 1);
  const copyQr = async () => {
    try {
      const png = await qrPng();
      await navigator.clipboard.write([new ClipboardItem({ "image/png": png })]);
      setStatus("QR code copied as an image.");
    } catch {
      setStatus("Copying images is blocked here: use “Download QR code”.");
    }
  };
  const downloadQr = () => {
    saveFile(
      new Blob([qrSvg(symbol, symbol.size * 8, link)], { type: "image/svg+xml" }),
      "lesson-qr.svg",
    );
    setStatus("QR code downloaded.");
  };

  const summary: string[] = [];
  if (lesson.note) summary.push("Your note, above the article.");
  if (predict !== "none") {
    summary.push(`First the question: “${QUESTIONS[predict].prompt(state)}” Then the article.`);
  }
  summary.push(
    shownCharts.length === 0
      ? "No figures."
      : `Figures ${shownCharts.map((id) => CHARTS[id].number).join(", ")}${hide.includes("text") ? ", without the text" : " in the article"}.`,
  );
  summary.push(
    hide.includes("controls")
      ? "No γ / α sliders: every figure at the state you fix (defaults for the rest)."
      : "γ and α sliders at the top (after the answer, if there is a question).",
  );

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-testid="lesson-builder"
      className="m-auto max-h-[92vh] w-[min(64rem,96vw)] overflow-auto rounded-xl border border-[var(--grid)] bg-[var(--panel)] p-0 text-[var(--fg)] shadow-2xl backdrop:bg-black/50"
    >
      <div className="flex items-center justify-between gap-4 border-b border-[var(--grid)] px-5 py-3">
        <h2 id={titleId} className="text-xl font-bold">
          Build a lesson link
        </h2>
        <button type="button" className={BUTTON} onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <div className="grid gap-6 p-5 md:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div className="flex flex-col gap-5">
          <fieldset>
            <legend className="font-semibold">Hide from the class</legend>
            <div className="mt-2 grid gap-1 sm:grid-cols-2">
              {HIDEABLE.map((part) => (
                <label key={part} className={BOX}>
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={hide.includes(part)}
                    onChange={(e) => setHide((h) => toggled(h, part, e.target.checked))}
                  />
                  <span>
                    {part in PART_LABELS ? PART_LABELS[part] : figureName(part as ExplainerChartId)}
                  </span>
                </label>
              ))}
            </div>
            {props.chart && (
              <button
                type="button"
                className={`${BUTTON} mt-2`}
                onClick={() =>
                  setHide((h) => [
                    ...h.filter((x) => !(EXPLAINER_CHART_IDS as readonly string[]).includes(x)),
                    ...EXPLAINER_CHART_IDS.filter((id) => id !== props.chart),
                  ])
                }
              >
                Show only {figureName(props.chart).split(":")[0]}
              </button>
            )}
          </fieldset>
          <fieldset>
            <legend className="font-semibold">Ask first (predict, then reveal)</legend>
            <div className="mt-2 flex flex-col gap-1">
              {QUESTION_IDS.map((q) => (
                <label key={q} className={BOX}>
                  <input
                    type="radio"
                    name="lesson-question"
                    className="mt-1"
                    value={q}
                    checked={predict === q}
                    onChange={() => setPredict(q)}
                  />
                  <span>{QUESTION_LABELS[q]}</span>
                </label>
              ))}
            </div>
            {answering && hide.includes(answering) && (
              <p role="alert" className="mt-2 rounded notice-warn p-2 text-sm">
                {figureName(answering).split(":")[0]} answers this question, and it is hidden: the
                class will not see the answer.
              </p>
            )}
          </fieldset>
          <fieldset>
            <legend className="font-semibold">Fix the state (as on the page now)</legend>
            <p className="text-sm text-[var(--muted)]">
              Unticked settings are left out of the link: the class gets their defaults.
            </p>
            <div className="mt-2 flex flex-col gap-1">
              {PARAMS.map((p) => (
                <label key={p} className={BOX}>
                  <input
                    type="checkbox"
                    className="mt-1"
                    name={`fix-${p}`}
                    checked={fixed.includes(p)}
                    onChange={(e) => setFixed((f) => toggled(f, p, e.target.checked))}
                  />
                  <span>{PARAM_LABELS[p](state)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={noteId} className="font-semibold">
              Note for the class (plain text, shown above the article)
            </label>
            <textarea
              id={noteId}
              value={note}
              maxLength={LESSON_SCHEMA.note.maxLength}
              rows={3}
              onChange={(e) => setNote(e.target.value)}
              className="mt-1 w-full rounded border border-[var(--grid)] bg-[var(--bg)] p-2"
            />
            <p className="text-right text-xs text-[var(--muted)]" aria-live="polite">
              {[...note].length} / {NOTE_MAX_LENGTH}
            </p>
          </div>
        </div>
        <div className="flex flex-col gap-4">
          <section aria-label="The lesson link">
            <h3 className="font-semibold">The lesson link</h3>
            <input
              readOnly
              aria-label="Lesson link"
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="lesson-link"
              className="mt-1 w-full rounded border border-[var(--grid)] bg-[var(--bg)] p-1 font-mono text-xs"
            />
            <div className="mt-2 flex flex-wrap gap-2">
              <button
                type="button"
                className={BUTTON}
                onClick={() => copy(link, "Lesson link copied.")}
              >
                Copy link
              </button>
              <a className={BUTTON} href={link} target="_blank" rel="noopener">
                Preview ↗
              </a>
            </div>
            <div className="mt-3 flex items-start gap-3">
              <QrCode
                text={link}
                size={168}
                label="QR code of the lesson link"
                testId="lesson-qr"
              />
              <div className="flex flex-col gap-2">
                <button type="button" className={BUTTON} onClick={copyQr}>
                  Copy QR code
                </button>
                <button type="button" className={BUTTON} onClick={downloadQr}>
                  Download QR code
                </button>
              </div>
            </div>
            <p role="status" className="mt-2 min-h-5 text-sm text-[var(--muted)]">
              {status}
            </p>
          </section>
          <section aria-label="What the class will see">
            <h3 className="font-semibold">What the class will see</h3>
            <ul className="mt-1 list-disc pl-5 text-sm" data-testid="lesson-summary">
              {summary.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
          <section aria-label="Present">
            <h3 className="font-semibold">Present in the lecture hall</h3>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              <select
                aria-label="Figure to present first"
                value={presentChart}
                onChange={(e) => setPresentChart(e.target.value as ExplainerChartId)}
                className="rounded border border-[var(--grid)] bg-[var(--panel)] px-1"
              >
                {EXPLAINER_CHART_IDS.map((id) => (
                  <option key={id} value={id}>
                    {figureName(id).split(":")[0]}
                  </option>
                ))}
              </select>
              <select
                aria-label="Theme when presenting"
                value={presentTheme}
                onChange={(e) => setPresentTheme(e.target.value as Theme)}
                className="rounded border border-[var(--grid)] bg-[var(--panel)] px-1"
              >
                <option value="auto">system theme</option>
                <option value="light">light</option>
                <option value="dark">dark</option>
              </select>
              <a className={BUTTON} href={presentLink} data-testid="present-link">
                Present
              </a>
            </div>
            <p className="mt-1 text-xs text-[var(--muted)]">
              ← → between figures, ↑ ↓ through the paper's γ family, Esc to leave.
            </p>
          </section>
          <section aria-label="Handout">
            <h3 className="font-semibold">Print a handout</h3>
            <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm">
              {EXPLAINER_CHART_IDS.map((id) => (
                <label key={id} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={handout.includes(id)}
                    onChange={(e) => setHandout((h) => toggled(h, id, e.target.checked))}
                  />
                  Figure {CHARTS[id].number}
                </label>
              ))}
            </div>
            {handoutIds.length > 0 ? (
              <a
                className={`${BUTTON} mt-2 inline-block`}
                href={handoutLink}
                data-testid="handout-link"
              >
                Open the handout
              </a>
            ) : (
              <p className="mt-2 text-sm text-[var(--muted)]">Tick at least one figure.</p>
            )}
          </section>
        </div>
      </div>
    </dialog>
  );
}
