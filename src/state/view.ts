/**
 * How a page is shown rather than what it shows: the colour theme (every page), and the
 * explainer's present mode and handout. Each is left out of links while at its default, so
 * ordinary links stay as they were. Pure.
 */
import { FIGURE1_GAMMAS } from "../math/curves";
import { EXPLAINER_CHART_IDS, type ExplainerChartId } from "./charts";
import { defaultsOf, type StateOf, serializeState } from "./schema";

/** "auto" follows the reader's system setting; "light" / "dark" force one (projectors, slides). */
export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** The page-wide theme: `theme=dark`, the same values and effect as an embed's `theme`. */
export const THEME_SCHEMA = {
  theme: { kind: "enum", default: "auto", values: THEMES },
} as const;

/** The class on <html> that forces a theme (styles.css), or null to follow the system. */
export function themeClass(theme: Theme): string | null {
  return theme === "auto" ? null : `theme-${theme}`;
}

export const VIEW_SCHEMA = {
  /** Present one figure full-screen for a lecture: `present=loss-vs-pt`. */
  present: { kind: "enum", default: "none", values: ["none", ...EXPLAINER_CHART_IDS] },
  /** A printable handout of these figures: `handout=loss-vs-pt,gradient`. */
  handout: { kind: "set", default: [], values: EXPLAINER_CHART_IDS },
} as const;

export type ViewState = StateOf<typeof VIEW_SCHEMA>;

/** The next (+1) or previous (−1) of `shown` in present mode; the ends stay where they are. */
export function stepChart(
  shown: readonly ExplainerChartId[],
  current: ExplainerChartId,
  direction: 1 | -1,
): ExplainerChartId {
  const i = shown.indexOf(current);
  if (i < 0) return shown[0] ?? current;
  return shown[Math.min(shown.length - 1, Math.max(0, i + direction))] ?? current;
}

/**
 * The next larger (+1) or smaller (−1) γ of the paper's Figure 1 family (0, 0.5, 1, 2, 5) from
 * any γ: from γ = 1.5, up is 2 and down is 1. At either end it stays.
 */
export function stepGammaFamily(gamma: number, direction: 1 | -1): number {
  const family: readonly number[] = FIGURE1_GAMMAS;
  if (direction > 0) return family.find((g) => g > gamma) ?? family[family.length - 1] ?? gamma;
  return [...family].reverse().find((g) => g < gamma) ?? family[0] ?? gamma;
}

/**
 * An explainer link: `siteRoot`, then the query parts that are not empty, joined (a lesson's
 * query, then a view such as `present=gradient`, then a forced theme).
 */
export function explainerLink(siteRoot: string, ...parts: string[]): string {
  const query = parts.filter(Boolean).join("&");
  return query ? `${siteRoot}?${query}` : siteRoot;
}

/** `present=…` / `handout=…` and `theme=…` as a query, defaults left out. */
export function viewQuery(view: Partial<ViewState>, theme: Theme = "auto"): string {
  const state = { ...defaultsOf(VIEW_SCHEMA), ...view };
  return [
    serializeState(VIEW_SCHEMA, state, { omitDefaults: true }),
    serializeState(THEME_SCHEMA, { theme }, { omitDefaults: true }),
  ]
    .filter(Boolean)
    .join("&");
}
