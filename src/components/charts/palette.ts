import type { MarkerShape } from "./markers";
import type { SegmentPattern } from "./patterns";

/** Series colours, as CSS custom properties defined (for light and dark) in styles.css. */
export const COLORS = {
  ce: "var(--c-ce)",
  fl: "var(--c-fl)",
  positive: "var(--c-pos)",
  negative: "var(--c-neg)",
  hard: "var(--c-hard)",
  easy: "var(--c-easy)",
  modulating: "var(--c-mod)",
} as const;

/** Colours of the paper's Figure 1 family, one per γ in FIGURE1_GAMMAS. */
export const FAMILY_COLORS = [
  "var(--c-g0)",
  "var(--c-g1)",
  "var(--c-g2)",
  "var(--c-g3)",
  "var(--c-g4)",
] as const;

/**
 * Fill patterns of the groups in stacked bars, so that they are told apart without colour:
 * positives solid, hard negatives hatched, easy negatives dotted.
 */
export const GROUP_PATTERNS: Readonly<Record<string, SegmentPattern>> = {
  positives: "solid",
  hardNegatives: "hatch",
  easyNegatives: "dots",
};

export function groupPattern(key: string): SegmentPattern {
  return GROUP_PATTERNS[key] ?? "solid";
}

/** Marker shapes that tell series apart without colour, in the charts and their legends. */
export const MARKERS = {
  positive: "circle",
  negative: "triangle",
  runA: "circle",
  runB: "square",
} as const satisfies Record<string, MarkerShape>;

/** Figure 1's γ family, one shape per curve (the current γ and CE are solid and dotted). */
export const FAMILY_MARKERS: readonly MarkerShape[] = [
  "circle",
  "square",
  "triangle",
  "diamond",
  "circle",
];
