/**
 * The chart catalogue: every chart that can be embedded, exported, linked to and used in a
 * lesson, by its stable id (a URL value: `chart=`, `hide=`, `#id`). Metadata only — the
 * component that draws each chart is mapped by the embed page — so anything may import it
 * without pulling in a figure. Adding a chart is one entry here and one in the embed's map.
 */
import type { ExplainerState } from "./explainer";
import type { TrainState } from "./train";

export interface ChartEntry {
  /** "Figure N" on every page, embed and file: one number per chart across the whole site. */
  number: number;
  /** The figure's title (also the embed page's document title and the iframe's title). */
  title: string;
  /** The title when the chart draws the recorded run rather than a run trained in this tab. */
  recordedTitle?: string;
  /** Which page's state and controls the chart uses (see `HOSTS` in EmbedPage). */
  host: "explainer" | "train";
  /** The state parameters the chart depends on, in URL order: its settings in links and files. */
  params: readonly (keyof ExplainerState | keyof TrainState)[];
  /**
   * Default iframe height in px: a little over the tallest the embed gets from 320 to 1200 px
   * wide (measured), so that without the resize script there is no inner scrollbar.
   */
  height: number;
  /** Extra height with `controls=own` (the sliders and the figure's own controls). */
  controlsHeight: number;
  /**
   * The CSV export's columns, key → meaning, in order. Curve charts: the x column, then one
   * column per curve keyed by its series id (ids not listed here are described by their label).
   */
  columns: Readonly<Record<string, string>>;
  /** What a teacher should know about the embed (shown with the embed code). */
  note?: string;
}

/** The training page's charts draw a recorded run in embeds (see recordedRun.ts). */
const RECORDED_NOTE =
  "The embed shows a recorded run of the training page's default settings (seed 1), not the run trained in this tab.";

/** The recorded run is fixed: most training charts have no state parameter in an embed. */
const NO_PARAMS: ChartEntry["params"] = [];

const CATALOGUE = {
  "loss-vs-pt": {
    number: 1,
    title: "Loss against the probability of the true class",
    host: "explainer",
    params: ["gamma", "family", "logy"],
    height: 600,
    controlsHeight: 80,
    columns: {
      p_t: "probability of the true class",
      ce: "cross-entropy −ln p_t",
      fl: "focal loss −(1 − p_t)^γ ln p_t at the chosen γ",
      "family-<γ>":
        "focal loss at the paper's γ = 0.5, 1, 2, 5 (with family=1; the chosen γ is in fl)",
    },
  },
  "alpha-balanced": {
    number: 2,
    title: "α-balancing: positives and negatives weighted apart",
    host: "explainer",
    params: ["gamma", "alpha"],
    height: 580,
    controlsHeight: 80,
    columns: {
      p: "predicted foreground probability",
      "pos-ce": "α-CE of a positive (p_t = p): −α ln p",
      "pos-fl": "α-FL of a positive: −α (1 − p)^γ ln p",
      "neg-ce": "α-CE of a negative (p_t = 1 − p): −(1 − α) ln(1 − p)",
      "neg-fl": "α-FL of a negative: −(1 − α) p^γ ln(1 − p)",
    },
  },
  "down-weighting": {
    number: 3,
    title: "How much less each example counts",
    host: "explainer",
    params: ["gamma"],
    height: 890,
    controlsHeight: 50,
    columns: {
      p_t: "probability of the true class",
      mod: "modulating factor (1 − p_t)^γ",
      ratio:
        "CE / FL = (1 − p_t)^−γ: how many times less the example counts (empty where infinite)",
    },
  },
  gradient: {
    number: 4,
    title: "The gradient each example sends back",
    host: "explainer",
    params: ["gamma", "alpha"],
    height: 640,
    controlsHeight: 80,
    columns: {
      x: "logit (p = σ(x))",
      "pos-ce": "dL/dx of a positive under α-CE",
      "pos-fl": "dL/dx of a positive under α-FL",
      "neg-ce": "dL/dx of a negative under α-CE",
      "neg-fl": "dL/dx of a negative under α-FL",
    },
  },
  "loss-budget": {
    number: 5,
    title: "Where the loss goes in a 1 : R imbalanced population",
    host: "explainer",
    params: ["gamma", "alpha", "ceAlpha", "ratio", "population"],
    height: 760,
    controlsHeight: 250,
    columns: {
      loss: "loss function: CE, α-CE or α-FL",
      group: "positives, hard negatives, easy negatives (p_t > 0.9)",
      examples: "expected examples per positive",
      loss_total: "expected summed loss per positive",
      loss_share: "share of the total loss (0 to 1)",
      gradient_share: "share of the total |dL/dx| (0 to 1)",
    },
  },
  "fl-star": {
    number: 6,
    title: "FL*: another formula, the same shape (the paper's appendix A)",
    host: "explainer",
    params: ["gamma", "starGamma", "starBeta"],
    height: 980,
    controlsHeight: 200,
    columns: {
      x_t: "x_t = y·x with y = ±1, so p_t = σ(x_t)",
      ce: "CE = −ln σ(x_t)",
      fl: "FL = −(1 − p_t)^γ ln p_t at the chosen γ",
      fl_star: "FL* = −ln σ(γ* x_t + β) / γ* at the chosen γ* (starGamma) and β (starBeta)",
      d_ce: "dCE/dx of a positive (= dCE/dx_t; a negative's is the mirror image)",
      d_fl: "dFL/dx of a positive",
      d_fl_star: "dFL*/dx of a positive: p*_t − 1",
    },
  },
  "train-loss": {
    number: 7,
    title: "Training loss (normalized by the positives)",
    host: "train",
    params: NO_PARAMS,
    height: 700,
    controlsHeight: 0,
    columns: {},
    note: RECORDED_NOTE,
  },
  "train-ap": {
    number: 8,
    title: "Held-out AP and recall at precision ≥ 0.5",
    host: "train",
    params: NO_PARAMS,
    height: 610,
    controlsHeight: 0,
    columns: {},
    note: RECORDED_NOTE,
  },
  "train-pr": {
    number: 9,
    title: "Precision–recall on the held-out set, now",
    recordedTitle: "Precision–recall on the held-out set, at the end of the recorded run",
    host: "train",
    params: NO_PARAMS,
    height: 710,
    controlsHeight: 0,
    columns: {},
    note: RECORDED_NOTE,
  },
  "train-shares": {
    number: 10,
    title: "Where the held-out loss comes from, at init and now",
    recordedTitle: "Where the held-out loss comes from, at init and after training",
    host: "train",
    params: NO_PARAMS,
    height: 780,
    controlsHeight: 0,
    columns: {},
    note: RECORDED_NOTE,
  },
  "train-figure4": {
    number: 11,
    title: "Cumulative loss of the live model, as in the paper's Figure 4",
    recordedTitle: "Cumulative loss of the recorded run, as in the paper's Figure 4",
    host: "train",
    params: ["f4gamma"],
    height: 820,
    controlsHeight: 90,
    columns: {},
    note: RECORDED_NOTE,
  },
  "train-methods": {
    number: 12,
    title: "Where each method spends the gradient, on the live model",
    recordedTitle: "Where each method spends the gradient, on the recorded run's model",
    host: "train",
    params: NO_PARAMS,
    height: 1290,
    controlsHeight: 100,
    columns: {
      model: "whose held-out logits: run A or run B",
      method: "CE, α-CE, α-FL, FL* or OHEM, with their settings",
      group: "positives, hard negatives, easy negatives (p_t > 0.9)",
      trained: "examples the method trains on (OHEM: the ones it keeps)",
      loss_share: "share of the method's total held-out loss (0 to 1)",
      gradient_share: "share of the method's total |dL/dx| (0 to 1)",
    },
    note: RECORDED_NOTE,
  },
  "train-heatmaps": {
    number: 13,
    title: "What each model sees: scores on held-out images",
    host: "train",
    params: NO_PARAMS,
    height: 1280,
    controlsHeight: 0,
    columns: {},
    note: RECORDED_NOTE,
  },
} as const satisfies Record<string, ChartEntry>;

export type ChartId = keyof typeof CATALOGUE;
export const CHARTS: Readonly<Record<ChartId, ChartEntry>> = CATALOGUE;
export const CHART_IDS = Object.keys(CHARTS) as ChartId[];

/** The charts of the explainer page (the figures a lesson can hide or ask about). */
export type ExplainerChartId = {
  [K in ChartId]: (typeof CATALOGUE)[K]["host"] extends "explainer" ? K : never;
}[ChartId];
export const EXPLAINER_CHART_IDS = CHART_IDS.filter(
  (id): id is ExplainerChartId => CHARTS[id].host === "explainer",
);

/** A page's folder below the site root, per host. */
export const HOST_PAGE_PATH: Record<ChartEntry["host"], string> = {
  explainer: "",
  train: "train/",
};

/** A chart's title as shown: the recorded-run title where it has one and the run is recorded. */
export function chartTitle(id: ChartId, recorded = false): string {
  const entry: ChartEntry = CHARTS[id];
  return recorded && entry.recordedTitle ? entry.recordedTitle : entry.title;
}

/** Whether `id` names a chart of the catalogue. */
export function isChartId(id: string): id is ChartId {
  return Object.hasOwn(CHARTS, id);
}
