/** Shared explainer state for figures placed anywhere in the article. */
import { createContext, useContext } from "react";
import type { Term } from "../content/terms";
import type { ExplainerState } from "../state/explainer";

export type { Term } from "../content/terms";

export interface ExplainerContextValue {
  state: ExplainerState;
  update: (patch: Partial<ExplainerState>) => void;
  /** The equation term the reader is pointing at or has focused, if any. */
  highlight: Term | null;
}

export const ExplainerContext = createContext<ExplainerContextValue | null>(null);

/**
 * The term a reader has pinned with its button (it stays lit until pressed again), apart from
 * the state so that slider moves do not re-render the equations.
 */
export const PinnedTermContext = createContext<{
  pinned: Term | null;
  pin: (term: Term | null) => void;
} | null>(null);

export function useExplainer(): ExplainerContextValue {
  const value = useContext(ExplainerContext);
  if (!value) throw new Error("useExplainer needs an ExplainerContext provider");
  return value;
}

/** How strongly a series tied to `terms` is drawn while `highlight` is active. */
export function emphasisFor(
  highlight: Term | null,
  terms: readonly Term[],
): "normal" | "strong" | "faded" {
  if (highlight === null) return "normal";
  return terms.includes(highlight) ? "strong" : "faded";
}
