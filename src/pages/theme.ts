/**
 * The page-wide theme toggle's state: `theme=light|dark` in the URL (nowhere else: no storage),
 * applied as the same `theme-…` class on <html> that embeds use (styles.css), before paint.
 */
import { useLayoutEffect } from "react";
import { useUrlState } from "../state/useUrlState";
import { THEME_SCHEMA, THEMES, type Theme, themeClass } from "../state/view";

/** Set <html>'s theme class: the colours follow through `color-scheme` and `light-dark()`. */
export function applyTheme(theme: Theme): void {
  const html = document.documentElement;
  for (const t of THEMES) {
    const name = themeClass(t);
    if (name) html.classList.toggle(name, t === theme);
  }
}

export function usePageTheme() {
  const { state, update, issues, dismissIssues } = useUrlState(THEME_SCHEMA, {
    omitDefaults: true,
    position: "end",
  });
  useLayoutEffect(() => applyTheme(state.theme), [state.theme]);
  return {
    theme: state.theme,
    setTheme: (theme: Theme) => update({ theme }),
    issues,
    dismissIssues,
  };
}
