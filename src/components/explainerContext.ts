/** Shared explainer state for figures placed anywhere in the article. */
import { createContext, useContext, useLayoutEffect, useState, useSyncExternalStore } from "react";
import type { Term } from "../content/terms";
import type { ExplainerState } from "../state/explainer";

export type { Term } from "../content/terms";

export interface ExplainerContextValue {
  state: ExplainerState;
  update: (patch: Partial<ExplainerState>) => void;
  /** The equation term the reader is pointing at or has focused, if any. */
  highlight: Term | null;
}

/**
 * The value travels in a store whose identity never changes, not as the context's value: React
 * drops a prerendered Suspense boundary that has not hydrated yet (a figure whose chunk is still
 * loading) as soon as any context above it changes value, and renders its fallback instead.
 * With a stable store, only the components that read it re-render.
 */
export interface ExplainerStore {
  get: () => ExplainerContextValue;
  subscribe: (listener: () => void) => () => void;
}

export const ExplainerContext = createContext<ExplainerStore | null>(null);

/**
 * A stable store that holds `value`: it is read during this render by the children rendered in
 * it, and the others that read it are told after the commit, before the browser paints.
 */
export function useExplainerStore(value: ExplainerContextValue): ExplainerStore {
  const [store] = useState(() => {
    const listeners = new Set<() => void>();
    const box = { value, notified: value };
    return {
      box,
      listeners,
      get: () => box.value,
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  });
  store.box.value = value;
  useLayoutEffect(() => {
    if (store.box.notified === value) return;
    store.box.notified = value;
    for (const listener of store.listeners) listener();
  }, [store, value]);
  return store;
}

/**
 * The term a reader has pinned with its button (it stays lit until pressed again), apart from
 * the state so that slider moves do not re-render the equations. A store whose identity never
 * changes, for the reason given above ExplainerStore: pressing a term must not reach a figure
 * that has not hydrated yet (it would lose its prerendered HTML).
 */
export interface PinnedTermStore {
  get: () => Term | null;
  pin: (term: Term | null) => void;
  subscribe: (listener: () => void) => () => void;
}

export const PinnedTermContext = createContext<PinnedTermStore | null>(null);

export function createPinnedTermStore(): PinnedTermStore {
  let pinned: Term | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => pinned,
    pin: (term) => {
      if (term === pinned) return;
      pinned = term;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const NOTHING_PINNED = () => null;
const NO_SUBSCRIPTION = () => () => {};

/** The pinned term in `store` (null without one), re-rendering when it changes. */
export function usePinnedTerm(store: PinnedTermStore | null): Term | null {
  return useSyncExternalStore(
    store?.subscribe ?? NO_SUBSCRIPTION,
    store?.get ?? NOTHING_PINNED,
    store?.get ?? NOTHING_PINNED,
  );
}

export function useExplainer(): ExplainerContextValue {
  const store = useContext(ExplainerContext);
  if (!store) throw new Error("useExplainer needs an ExplainerContext provider");
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** How strongly a series tied to `terms` is drawn while `highlight` is active. */
export function emphasisFor(
  highlight: Term | null,
  terms: readonly Term[],
): "normal" | "strong" | "faded" {
  if (highlight === null) return "normal";
  return terms.includes(highlight) ? "strong" : "faded";
}
