/**
 * The paper's own numbers, quoted from Lin, Goyal, Girshick, He and Dollár, "Focal Loss for
 * Dense Object Detection" (ICCV 2017; arXiv:1708.02002v2). Ablations: ResNet-50-FPN RetinaNet,
 * 600-pixel images, COCO box AP in % on minival. Only the paper goes here; our own measurements
 * live in `measured/`.
 */

export const PAPER_CITATION =
  'T.-Y. Lin, P. Goyal, R. Girshick, K. He and P. Dollár, "Focal Loss for Dense Object Detection", ICCV 2017 (arXiv:1708.02002)';
export const PAPER_URL = "https://arxiv.org/abs/1708.02002";

/** Table 1a: α-balanced CE (γ = 0) for each α. */
export const PAPER_TABLE_1A: readonly { alpha: number; ap: number }[] = [
  { alpha: 0.1, ap: 0.0 },
  { alpha: 0.25, ap: 10.8 },
  { alpha: 0.5, ap: 30.2 },
  { alpha: 0.75, ap: 31.1 },
  { alpha: 0.9, ap: 30.8 },
  { alpha: 0.99, ap: 28.7 },
  { alpha: 0.999, ap: 25.1 },
];

/** Table 1b: FL for each γ with the best α for that γ (γ = 0 is α-balanced CE). */
export const PAPER_TABLE_1B: readonly { gamma: number; alpha: number; ap: number }[] = [
  { gamma: 0, alpha: 0.75, ap: 31.1 },
  { gamma: 0.1, alpha: 0.75, ap: 31.4 },
  { gamma: 0.2, alpha: 0.75, ap: 31.9 },
  { gamma: 0.5, alpha: 0.5, ap: 32.9 },
  { gamma: 1, alpha: 0.25, ap: 33.7 },
  { gamma: 2, alpha: 0.25, ap: 34.0 },
  { gamma: 5, alpha: 0.25, ap: 32.2 },
];

/** §5.1: plain CE with the prior init ("a respectable AP of 30.2"); = Table 1a at α = 0.5. */
export const PAPER_CE_PRIOR_AP = 30.2;

/** The paper's schedule, which the toy's 500 constant-lr steps cannot copy (§4.1). */
export const PAPER_SCHEDULE = {
  iterations: 90_000,
  /** The learning rate is divided by 10 at these iterations. */
  lrDropsAt: [60_000, 80_000],
} as const;

/** Best α-balanced CE (Table 1a) and α-FL at γ = 2, α = 0.25 (Table 1b): the paper's +2.9. */
export function paperGain(): { bestCe: { alpha: number; ap: number }; fl: number; gain: number } {
  const bestCe = PAPER_TABLE_1A.reduce((a, b) => (b.ap > a.ap ? b : a));
  const fl = PAPER_TABLE_1B.find((r) => r.gamma === 2)?.ap ?? Number.NaN;
  return { bestCe, fl, gain: Math.round((fl - bestCe.ap) * 10) / 10 };
}

/** One row of Table 1d (ResNet-101-FPN, not the ResNet-50 of Tables 1a–c). */
export interface PaperOhemRow {
  method: "OHEM" | "OHEM 1:3" | "FL";
  /** Table 1d's "batch size" (null: n/a for FL). */
  batch: number | null;
  /** Table 1d's "nms thr" (null: n/a for FL). */
  nms: number | null;
  ap: number;
}

/**
 * Table 1d, "FL vs. OHEM baselines (with ResNet-101-FPN)": OHEM scores each anchor by its loss,
 * applies NMS and keeps the highest-loss ones; "OHEM 1:3" (SSD's variant) enforces a 1:3 ratio of
 * positives to negatives. §5.1: "the best setting for OHEM (no 1:3 ratio, batch size 128, nms of
 * .5) achieves 32.8 AP. This is a gap of 3.2 AP".
 */
export const PAPER_TABLE_1D: readonly PaperOhemRow[] = [
  { method: "OHEM", batch: 128, nms: 0.7, ap: 31.1 },
  { method: "OHEM", batch: 256, nms: 0.7, ap: 31.8 },
  { method: "OHEM", batch: 512, nms: 0.7, ap: 30.6 },
  { method: "OHEM", batch: 128, nms: 0.5, ap: 32.8 },
  { method: "OHEM", batch: 256, nms: 0.5, ap: 31.0 },
  { method: "OHEM", batch: 512, nms: 0.5, ap: 27.6 },
  { method: "OHEM 1:3", batch: 128, nms: 0.5, ap: 31.1 },
  { method: "OHEM 1:3", batch: 256, nms: 0.5, ap: 28.3 },
  { method: "OHEM 1:3", batch: 512, nms: 0.5, ap: 24.0 },
  { method: "FL", batch: null, nms: null, ap: 36.0 },
];

/** Table 1d's best OHEM row, FL's AP there and the gap (§5.1: 32.8, 36.0, 3.2). */
export function paperOhemGap(): { bestOhem: PaperOhemRow; fl: number; gap: number } {
  const ohem = PAPER_TABLE_1D.filter((r) => r.method !== "FL");
  const bestOhem = ohem.reduce((a, b) => (b.ap > a.ap ? b : a));
  const fl = PAPER_TABLE_1D.find((r) => r.method === "FL")?.ap ?? Number.NaN;
  return { bestOhem, fl, gap: Math.round((fl - bestOhem.ap) * 10) / 10 };
}

/**
 * Appendix A, Table 3 (arXiv v2): "Results of FL and FL* versus CE for select settings"
 * (RetinaNet-50-600; "We used α = .25 in all experiments").
 */
export const PAPER_TABLE_3: readonly {
  loss: "CE" | "FL" | "FL*";
  gamma: number | null;
  beta: number | null;
  ap: number;
}[] = [
  { loss: "CE", gamma: null, beta: null, ap: 31.1 },
  { loss: "FL", gamma: 2, beta: null, ap: 34.0 },
  { loss: "FL*", gamma: 2, beta: 1, ap: 33.8 },
  { loss: "FL*", gamma: 4, beta: 0, ap: 33.9 },
];

/** The FL* settings of Table 3 (and the paper's Figures 5 and 6). */
export const PAPER_FL_STAR_SETTINGS = PAPER_TABLE_3.flatMap((r) =>
  r.loss === "FL*" && r.gamma !== null && r.beta !== null
    ? [{ gamma: r.gamma, beta: r.beta, ap: r.ap }]
    : [],
);

/** Appendix A, Figure 7: "effective settings (models converged and with AP over 33.5)". */
export const PAPER_FL_STAR_EFFECTIVE_AP = 33.5;
/** Appendix A: "We used α = .25 in all experiments for simplicity." */
export const PAPER_FL_STAR_ALPHA = 0.25;
