/**
 * The numbers the article's prose quotes, computed from the same math the figures use (and the
 * paper's tables), so a sentence can never disagree with a figure. Pure; formatted for reading.
 */
import { downweightRatio } from "../math/curves";
import { modulatingFactor, probabilityOfTruth, sigmoidFocalLossGrad } from "../math/focal";
import { formatCount, formatShare, formatTimes, formatValue } from "../math/format";
import { hardExampleBoost } from "../math/gradientRatio";
import { budgetComparison, budgetShares, lossBudget, POPULATIONS } from "../math/population";
import { lossAtXt, peakGradient, smallGradientFrom, type XtLoss } from "../math/xtCurves";
import {
  PAPER_CE_PRIOR_AP,
  PAPER_FL_STAR_ALPHA,
  PAPER_FL_STAR_SETTINGS,
  PAPER_TABLE_3,
  paperGain,
  paperOhemGap,
} from "./paper";

/** The smallest R (negatives per positive) at which easy negatives carry over half the CE loss. */
export function easyMajorityFrom(population: keyof typeof POPULATIONS): number {
  const share = (r: number) =>
    budgetShares(lossBudget(POPULATIONS[population], r, { gamma: 0, alpha: null }), "loss")
      .easyNegatives;
  let lo = 1;
  let hi = 100_000;
  if (share(lo) > 0.5) return 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (share(mid) > 0.5) hi = mid;
    else lo = mid;
  }
  return hi;
}

function boost(gamma: number) {
  const b = hardExampleBoost(gamma);
  return { peak: formatTimes(b.peak), below: formatValue(b.below), at: formatValue(b.peakAt) };
}

function easyShares(ratio: number) {
  const pop = POPULATIONS.training;
  const easy = (alpha: number, ceAlpha: number) =>
    budgetComparison(pop, ratio, 2, alpha, ceAlpha).map((c) =>
      formatShare(budgetShares(c.budget, "loss").easyNegatives),
    );
  const [ce = "", alphaCe75 = "", fl = ""] = easy(0.25, 0.75);
  const [, alphaCe25 = ""] = easy(0.25, 0.25);
  return { ce, alphaCe75, alphaCe25, fl };
}

/** An easy negative at logit −3: how much weaker FL's push-back is, and the factor alone. */
function pushBack() {
  const x = -3;
  const pt = probabilityOfTruth(x, 0);
  const ratio =
    sigmoidFocalLossGrad(x, 0, { gamma: 0, alpha: null }) /
    sigmoidFocalLossGrad(x, 0, { gamma: 2, alpha: null });
  return {
    pt: formatValue(pt),
    weaker: formatTimes(ratio),
    factor: formatTimes(1 / modulatingFactor(pt, 2)),
  };
}

/**
 * FL* (appendix A) at the paper's first setting against FL (γ = 2) and CE: how much less each
 * charges a well-classified example at x_t = 2, where each derivative falls below 0.1 for good,
 * and FL's largest push (FL*'s, p*_t − 1, never reaches 1).
 */
function focalStar() {
  const [first] = PAPER_FL_STAR_SETTINGS;
  if (!first) throw new Error("no FL* setting in Table 3");
  const star: XtLoss = { kind: "fl-star", gamma: first.gamma, beta: first.beta };
  const fl: XtLoss = { kind: "fl", gamma: 2 };
  const ce: XtLoss = { kind: "ce" };
  const less = (loss: XtLoss) => formatTimes(lossAtXt(ce, 2) / lossAtXt(loss, 2));
  return {
    gamma: String(first.gamma),
    beta: String(first.beta),
    easyStar: less(star),
    easyFl: less(fl),
    smallStar: formatValue(smallGradientFrom(star, 0.1)),
    smallFl: formatValue(smallGradientFrom(fl, 0.1)),
    smallCe: formatValue(smallGradientFrom(ce, 0.1)),
    flPeak: formatValue(peakGradient(fl).value),
  };
}

function table3() {
  const ap = (loss: string, gamma: number | null, beta: number | null) =>
    PAPER_TABLE_3.find((r) => r.loss === loss && r.gamma === gamma && r.beta === beta)?.ap.toFixed(
      1,
    ) ?? "–";
  return {
    ce: ap("CE", null, null),
    fl: ap("FL", 2, null),
    star21: ap("FL*", 2, 1),
    star40: ap("FL*", 4, 0),
    alpha: String(PAPER_FL_STAR_ALPHA),
  };
}

const gain = paperGain();
const ohem = paperOhemGap();

export const FACTS = {
  /** §3.2: 100× at p_t = 0.9 and 1000× at p_t ≈ 0.968 for γ = 2. */
  downweight: { at09: formatTimes(downweightRatio(0.9, 2)) },
  boost2: boost(2),
  boost5: boost(5),
  pushBack: pushBack(),
  budget: {
    ratio: formatCount(1000),
    ...easyShares(1000),
    majorityFrom: formatCount(easyMajorityFrom("training")),
    majorityFromInit: formatCount(easyMajorityFrom("init")),
  },
  star: focalStar(),
  table3: table3(),
  ohem: {
    bestAp: ohem.bestOhem.ap.toFixed(1),
    bestBatch: String(ohem.bestOhem.batch),
    bestNms: String(ohem.bestOhem.nms),
    fl: ohem.fl.toFixed(1),
    gap: ohem.gap.toFixed(1),
  },
  paper: {
    cePrior: PAPER_CE_PRIOR_AP.toFixed(1),
    bestCe: gain.bestCe.ap.toFixed(1),
    bestCeAlpha: String(gain.bestCe.alpha),
    fl: gain.fl.toFixed(1),
    gain: gain.gain.toFixed(1),
  },
};
