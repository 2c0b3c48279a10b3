/**
 * Lesson links: flags a teacher adds to an explainer link to hide parts of the page and to ask
 * the learner for a prediction first. One schema, parsed and serialized like the explainer's
 * state; flags at their default are left out of links, so ordinary links stay unchanged.
 */
import { EXPLAINER_CHART_IDS, type ExplainerChartId } from "./charts";
import { EXPLAINER_SCHEMA, type ExplainerState } from "./explainer";
import { defaultsOf, type StateOf, serializeState } from "./schema";

/** Parts of the page a lesson link can hide. */
const PAGE_PARTS = [
  /** The sticky γ / α bar: the learner sees the state the teacher chose. */
  "controls",
  /** Each figure's own toggles and sliders. */
  "figure-controls",
  /** The share / export menu of each figure. */
  "menus",
  /** The article's prose: only the figures remain. */
  "text",
] as const;
export const HIDEABLE: readonly Hideable[] = [...PAGE_PARTS, ...EXPLAINER_CHART_IDS];
export type Hideable = (typeof PAGE_PARTS)[number] | ExplainerChartId;

/** Questions a lesson can ask before revealing the figure that answers them. */
export const QUESTION_IDS = ["none", "downweight", "easy-share", "push-back"] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** The figure that answers each question: hidden until the learner has guessed. */
export const QUESTION_FIGURE: Record<Exclude<QuestionId, "none">, ExplainerChartId> = {
  downweight: "down-weighting",
  "easy-share": "loss-budget",
  "push-back": "gradient",
};

/** The longest teacher's note, in characters: about two sentences, so it stays a note. */
export const NOTE_MAX_LENGTH = 280;

export const LESSON_SCHEMA = {
  /** Comma-separated parts to hide: `hide=controls,text,loss-budget`. */
  hide: { kind: "set", default: [], values: HIDEABLE },
  /** Ask this question before showing the figure that answers it. */
  predict: { kind: "enum", default: "none", values: QUESTION_IDS },
  /** A short note from the teacher, shown to the class above the article, as plain text only. */
  note: { kind: "text", default: "", maxLength: NOTE_MAX_LENGTH },
} as const;

export type LessonState = StateOf<typeof LESSON_SCHEMA>;

export type ExplainerParam = keyof ExplainerState;
const EXPLAINER_PARAMS = Object.keys(EXPLAINER_SCHEMA) as ExplainerParam[];

/**
 * A lesson link's query: the explainer parameters the teacher fixes (in schema order, at the
 * values of `state`; the others are left to their defaults), then the lesson flags that are set.
 * `gamma=2&alpha=0.25&hide=controls,text&predict=downweight`, as typed by hand from the docs.
 */
export function lessonQuery(
  fixed: readonly ExplainerParam[],
  state: ExplainerState,
  lesson: LessonState,
): string {
  const all = new URLSearchParams(serializeState(EXPLAINER_SCHEMA, state));
  const kept = EXPLAINER_PARAMS.filter((p) => fixed.includes(p)).map(
    (p) => `${p}=${encodeURIComponent(all.get(p) ?? "")}`,
  );
  const flags = serializeState(LESSON_SCHEMA, lesson, { omitDefaults: true });
  return [...kept, flags].filter(Boolean).join("&");
}

/**
 * Which explainer parameters a lesson builder fixes when it opens on a page first loaded with
 * `initialQuery`: those that link gave (so a lesson link and the builder round-trip) and those
 * the reader has since moved from their default. A page that was no lesson starts from γ and α.
 */
export function initiallyFixed(initialQuery: string, state: ExplainerState): ExplainerParam[] {
  const given = new URLSearchParams(initialQuery);
  const defaults = new URLSearchParams(
    serializeState(EXPLAINER_SCHEMA, defaultsOf(EXPLAINER_SCHEMA)),
  );
  const now = new URLSearchParams(serializeState(EXPLAINER_SCHEMA, state));
  const isLink =
    EXPLAINER_PARAMS.some((p) => given.has(p)) ||
    Object.keys(LESSON_SCHEMA).some((p) => given.has(p));
  return EXPLAINER_PARAMS.filter(
    (p) =>
      given.has(p) ||
      now.get(p) !== defaults.get(p) ||
      (!isLink && (p === "gamma" || p === "alpha")),
  );
}
