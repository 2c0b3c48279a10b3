/** Figure 6's caption numbers, CSV rows and data table, from the math (pure; see FocalStarFigure). */
import { PAPER_FL_STAR_SETTINGS, PAPER_TABLE_3 } from "../../content/paper";
import { linspace } from "../../math/curves";
import { formatParam, formatTimes, formatValue } from "../../math/format";
import { sigmoid } from "../../math/numeric";
import {
  gradientAtXt,
  lossAtXt,
  peakGradient,
  smallGradientFrom,
  XT_GRADIENT_RANGE,
  type XtLoss,
} from "../../math/xtCurves";
import type { DataRows } from "../chartData";
import type { DataTableSpec } from "../DataTable";

/** A well-classified example (p_t ≈ 0.88) and a hard one (p_t ≈ 0.047). */
export const XT_EASY = 2;
export const XT_HARD = -3;
/** "Small" derivative: |dL/dx| below this (CE's is 0.5 at x_t = 0 and 1 at the far left). */
export const SMALL_GRADIENT = 0.1;
const TABLE_XTS = [-5, -3, -2, -1, 0, 1, 2, 3, 5] as const;

/** The three losses the figure draws. */
export function xtLosses(gamma: number, starGamma: number, starBeta: number) {
  return {
    ce: { kind: "ce" } as XtLoss,
    fl: { kind: "fl", gamma } as XtLoss,
    star: { kind: "fl-star", gamma: starGamma, beta: starBeta } as XtLoss,
  };
}

/** "70× less than", "1.5× more than", "the same as": a loss against CE's at one x_t. */
function againstCe(loss: number, ce: number): string {
  const r = ce / loss;
  if (Math.abs(r - 1) < 0.005) return "the same as";
  return r > 1 ? `${formatTimes(r)} less than` : `${formatTimes(1 / r)} more than`;
}

/**
 * What the caption says, following the numbers: each loss at an easy and a hard x_t, where each
 * derivative falls below 0.1 for good (where FL and FL* agree), the largest push each gives a
 * hard example (where they differ: FL's exceeds 1 for γ > 0, FL*'s never does), and the
 * paper's AP when the sliders sit on one of its settings (Table 3).
 */
export function focalStarCaption(gamma: number, starGamma: number, starBeta: number) {
  const l = xtLosses(gamma, starGamma, starBeta);
  const at = (xt: number) => {
    const ce = lossAtXt(l.ce, xt);
    const fl = lossAtXt(l.fl, xt);
    const star = lossAtXt(l.star, xt);
    return {
      pt: formatValue(sigmoid(xt)),
      ce: formatValue(ce),
      fl: formatValue(fl),
      star: formatValue(star),
      flVsCe: againstCe(fl, ce),
      starVsCe: againstCe(star, ce),
    };
  };
  const flPeak = peakGradient(l.fl);
  const paper = PAPER_FL_STAR_SETTINGS.find((s) => s.gamma === starGamma && s.beta === starBeta);
  const table3 = (loss: "CE" | "FL") =>
    PAPER_TABLE_3.find((r) => r.loss === loss)?.ap ?? Number.NaN;
  return {
    gamma: formatParam(gamma),
    starGamma: formatParam(starGamma),
    starBeta: formatParam(starBeta),
    /** FL* with γ = 1, β = 0 is CE; FL with γ = 0 is CE. */
    starIsCe: starGamma === 1 && starBeta === 0,
    flIsCe: gamma === 0,
    xtEasy: formatValue(XT_EASY),
    xtHard: formatValue(XT_HARD),
    easy: at(XT_EASY),
    hard: at(XT_HARD),
    small: {
      level: formatValue(SMALL_GRADIENT),
      ce: formatValue(smallGradientFrom(l.ce, SMALL_GRADIENT)),
      fl: formatValue(smallGradientFrom(l.fl, SMALL_GRADIENT)),
      star: formatValue(smallGradientFrom(l.star, SMALL_GRADIENT)),
    },
    /** FL's largest |dL/dx| and where; above 1 for every γ > 0. FL*'s stays below 1. */
    flPeak: gamma > 0 ? { value: formatValue(flPeak.value), at: formatValue(flPeak.at) } : null,
    paper: paper
      ? { ap: paper.ap.toFixed(1), fl: table3("FL").toFixed(1), ce: table3("CE").toFixed(1) }
      : null,
  };
}

/** The y range of the derivative chart: [−peak, 0] with a little room, at least [−1.05, 0.05]. */
export function xtGradientDomain(gamma: number): [number, number] {
  const peak = Math.max(1, peakGradient({ kind: "fl", gamma }).value);
  return [-Math.ceil(peak * 1.05 * 20) / 20, 0.05];
}

/** The CSV rows: x_t on the derivative chart's grid, each loss and each dL/dx (numbers). */
export function focalStarRows(gamma: number, starGamma: number, starBeta: number): DataRows {
  const l = xtLosses(gamma, starGamma, starBeta);
  const [lo, hi] = XT_GRADIENT_RANGE;
  return linspace(lo, hi, (hi - lo) * 12).map((xt) => [
    xt,
    lossAtXt(l.ce, xt),
    lossAtXt(l.fl, xt),
    lossAtXt(l.star, xt),
    gradientAtXt(l.ce, xt),
    gradientAtXt(l.fl, xt),
    gradientAtXt(l.star, xt),
  ]);
}

export function focalStarTable(gamma: number, starGamma: number, starBeta: number): DataTableSpec {
  const l = xtLosses(gamma, starGamma, starBeta);
  const star = `FL* (γ = ${formatParam(starGamma)}, β = ${formatParam(starBeta)})`;
  const fl = `FL (γ = ${formatParam(gamma)})`;
  return {
    columns: ["xₜ", "CE", fl, star, "dCE/dx", "dFL/dx", "dFL*/dx"],
    rows: TABLE_XTS.map((xt) => [
      formatValue(xt),
      ...[l.ce, l.fl, l.star].map((loss) => formatValue(lossAtXt(loss, xt))),
      ...[l.ce, l.fl, l.star].map((loss) => formatValue(gradientAtXt(loss, xt))),
    ]),
  };
}
