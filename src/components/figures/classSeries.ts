/**
 * The four curves figures 2 and 4 draw: positives (circles) and negatives (triangles), each
 * under α-CE (γ = 0, dashed) and α-FL (the current γ), tied to the equation terms that shape
 * them.
 */
import type { Point } from "../../math/curves";
import type { Series } from "../charts/LineChart";
import type { MarkerShape } from "../charts/markers";
import { COLORS, MARKERS } from "../charts/palette";
import { emphasisFor, type Term } from "../explainerContext";

interface ClassCurve {
  y: 0 | 1;
  gamma: number;
  id: string;
  label: string;
  color: string;
  dash?: string;
  marker: MarkerShape;
  terms: readonly Term[];
}

function classCurves(gamma: number): ClassCurve[] {
  const ce: readonly Term[] = ["alpha", "ce"];
  const fl: readonly Term[] = ["alpha", "mod", "gamma"];
  return [
    {
      y: 1,
      gamma: 0,
      id: "pos-ce",
      label: "positive, α-CE",
      color: COLORS.positive,
      dash: "6 4",
      marker: MARKERS.positive,
      terms: ce,
    },
    {
      y: 1,
      gamma,
      id: "pos-fl",
      label: "positive, α-FL",
      color: COLORS.positive,
      marker: MARKERS.positive,
      terms: fl,
    },
    {
      y: 0,
      gamma: 0,
      id: "neg-ce",
      label: "negative, α-CE",
      color: COLORS.negative,
      dash: "6 4",
      marker: MARKERS.negative,
      terms: ce,
    },
    {
      y: 0,
      gamma,
      id: "neg-fl",
      label: "negative, α-FL",
      color: COLORS.negative,
      marker: MARKERS.negative,
      terms: fl,
    },
  ];
}

/** The four series, with points and exact values from the figure's own functions of (y, γ). */
export function classSeries(
  gamma: number,
  highlight: Term | null,
  pointsOf: (y: 0 | 1, gamma: number) => Point[],
  valueOf: (y: 0 | 1, gamma: number, x: number) => number,
): Series[] {
  return classCurves(gamma).map(({ y, gamma: g, terms, ...rest }) => ({
    ...rest,
    points: pointsOf(y, g),
    evaluate: (x: number) => valueOf(y, g, x),
    emphasis: emphasisFor(highlight, terms),
  }));
}
