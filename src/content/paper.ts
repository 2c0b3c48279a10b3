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

/** The paper's schedule, which the toy's ~1,000 constant-lr steps cannot copy (§4.1). */
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
