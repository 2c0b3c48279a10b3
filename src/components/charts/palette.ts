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
