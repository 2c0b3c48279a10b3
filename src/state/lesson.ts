/**
 * Lesson links: flags a teacher adds to an explainer link to hide parts of the page and to ask
 * the learner for a prediction first. One schema, parsed and serialized like the explainer's
 * state; flags at their default are left out of links, so ordinary links stay unchanged.
 */
import { EXPLAINER_CHART_IDS, type ExplainerChartId } from "./charts";
import type { StateOf } from "./schema";

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

export const LESSON_SCHEMA = {
  /** Comma-separated parts to hide: `hide=controls,text,loss-budget`. */
  hide: { kind: "set", default: [], values: HIDEABLE },
  /** Ask this question before showing the figure that answers it. */
  predict: { kind: "enum", default: "none", values: QUESTION_IDS },
} as const;

export type LessonState = StateOf<typeof LESSON_SCHEMA>;
