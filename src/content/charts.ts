/**
 * Every chart that can be embedded, exported and linked to, by its stable id. Adding a chart is
 * one entry: its title, the page (host) whose state it reads, the state parameters it depends
 * on, a default iframe height and the component that draws it.
 */
import { type ComponentType, lazy } from "react";
import { AlphaBalancedFigure } from "../components/figures/AlphaBalancedFigure";
import { DownweightFigure } from "../components/figures/DownweightFigure";
import { GradientFigure } from "../components/figures/GradientFigure";
import { LossBudgetFigure } from "../components/figures/LossBudgetFigure";
import { LossVsPtFigure } from "../components/figures/LossVsPtFigure";

export interface ChartEntry {
  /** The figure's title (also the embed page's document title and the iframe's title). */
  title: string;
  /** Which page's state and controls the chart uses (see `HOSTS` in EmbedPage). */
  host: "explainer" | "train";
  /** The state parameters the chart depends on, in URL order: its settings in links and files. */
  params: readonly string[];
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
  Component: ComponentType;
}

/** The training page's charts draw a recorded run in embeds (see recordedRun.ts). */
const RECORDED_NOTE =
  "The embed shows a recorded run of the training page's default settings (seed 1), not the run trained in this tab.";

/** The recorded run is fixed: most training charts have no state parameter in an embed. */
const NO_PARAMS: string[] = [];

/** The training charts load with their own chunk: neither the menu nor other embeds need them. */
const trainChart = (name: keyof typeof import("../pages/embed/trainCharts")) =>
  lazy(() =>
    import("../pages/embed/trainCharts").then((m) => ({ default: m[name] as ComponentType })),
  );

export const CHARTS = {
  "loss-vs-pt": {
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
    Component: LossVsPtFigure,
  },
  "alpha-balanced": {
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
    Component: AlphaBalancedFigure,
  },
  "down-weighting": {
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
    Component: DownweightFigure,
  },
  gradient: {
    title: "The gradient each example sends back",
    host: "explainer",
    params: ["gamma", "alpha"],
    height: 580,
    controlsHeight: 80,
    columns: {
      x: "logit (p = σ(x))",
      "pos-ce": "dL/dx of a positive under α-CE",
      "pos-fl": "dL/dx of a positive under α-FL",
      "neg-ce": "dL/dx of a negative under α-CE",
      "neg-fl": "dL/dx of a negative under α-FL",
    },
    Component: GradientFigure,
  },
  "loss-budget": {
    title: "Where the loss goes in a 1 : R imbalanced population",
    host: "explainer",
    params: ["gamma", "alpha", "ratio", "population"],
    height: 690,
    controlsHeight: 190,
    columns: {
      loss: "loss function: CE, α-CE or α-FL",
      group: "positives, hard negatives, easy negatives (p_t > 0.9)",
      examples: "expected examples per positive",
      loss_total: "expected summed loss per positive",
      loss_share: "share of the total loss (0 to 1)",
      gradient_share: "share of the total |dL/dx| (0 to 1)",
    },
    Component: LossBudgetFigure,
  },
  "train-loss": {
    title: "Training loss (normalized by the positives)",
    host: "train",
    params: NO_PARAMS,
    height: 620,
    controlsHeight: 0,
    columns: {},
    note: RECORDED_NOTE,
    Component: trainChart("TrainLossChart"),
  },
  "train-ap": {
    title: "Held-out AP and recall at precision 0.5",
    host: "train",
    params: NO_PARAMS,
    height: 530,
    controlsHeight: 0,
    columns: {},
    note: RECORDED_NOTE,
    Component: trainChart("TrainMetricsChart"),
  },
  "train-pr": {
    title: "Precision–recall on the held-out set",
    host: "train",
    params: NO_PARAMS,
    height: 510,
    controlsHeight: 0,
    columns: {},
    note: RECORDED_NOTE,
    Component: trainChart("TrainPrChart"),
  },
  "train-shares": {
    title: "Where the held-out loss comes from, at init and after training",
    host: "train",
    params: NO_PARAMS,
    height: 670,
    controlsHeight: 0,
    columns: {},
    note: RECORDED_NOTE,
    Component: trainChart("TrainSharesChart"),
  },
  "train-figure4": {
    title: "The paper's Figure 4, from the trained model",
    host: "train",
    params: ["f4gamma"],
    height: 650,
    controlsHeight: 80,
    columns: {},
    note: RECORDED_NOTE,
    Component: trainChart("TrainFigure4Chart"),
  },
  "train-heatmaps": {
    title: "What each model sees: scores on held-out images",
    host: "train",
    params: NO_PARAMS,
    height: 1130,
    controlsHeight: 0,
    columns: {},
    note: RECORDED_NOTE,
    Component: trainChart("TrainHeatmapsChart"),
  },
} satisfies Record<string, ChartEntry>;

export type ChartId = keyof typeof CHARTS;
export const CHART_IDS = Object.keys(CHARTS) as ChartId[];

/** The embed's postMessage types: namespaced so a host page can tell them from others. */
export const EMBED_HEIGHT_MESSAGE = "focal-loss-explorer:embed-height";
export const EMBED_PING_MESSAGE = "focal-loss-explorer:embed-ping";

/** A page's folder below the site root, per host. */
export const HOST_PAGE_PATH: Record<ChartEntry["host"], string> = {
  explainer: "",
  train: "train/",
};
