/** Shared explainer state for figures placed anywhere in the article. */
import { createContext, useContext } from "react";
import type { ExplainerState } from "../state/explainer";

/** A term of the equations that can be tied to what it does in the figures. */
export type Term = "pt" | "mod" | "alpha" | "gamma" | "ce";

export interface ExplainerContextValue {
  state: ExplainerState;
  update: (patch: Partial<ExplainerState>) => void;
  /** The equation term the reader is pointing at or has focused, if any. */
  highlight: Term | null;
}

export const ExplainerContext = createContext<ExplainerContextValue | null>(null);

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
