/**
 * Prerendered pages (build/prerender.ts) are hydrated: their first client render must produce
 * the server's markup. What only the browser knows (style attributes, which the CSP refuses in
 * HTML but allows from script; the URL's query, see state/useUrlState.ts) waits for one of
 * these hooks to turn true.
 */
import { startTransition, useEffect, useState, useSyncExternalStore } from "react";
import { isRootHydrating } from "../state/hydration";

const noSubscription = () => () => {};

/**
 * False while rendering on the server and while hydrating prerendered HTML, true afterwards
 * (and from the first render of a client-only root, such as the embed page's). React answers it
 * per Suspense boundary, so it is right inside a part that hydrates later than the page; but
 * once hydrated it re-renders its component in one synchronous task (React does that when a
 * `useSyncExternalStore`'s server and client snapshots differ). Use `useRootHydrated` in the
 * page's own render.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * The same answer for the page's root render only (never inside a Suspense boundary that
 * hydrates later): false on the server and while the root hydrates, then true, switched in a
 * transition after hydration's commit, so React re-renders the page in slices rather than in
 * one long task (docs/benchmarks.md, "Sixth pass"). True at once in a client-only root.
 */
export function useRootHydrated(): boolean {
  const [hydrated, setHydrated] = useState(() => !import.meta.env.SSR && !isRootHydrating());
  useEffect(() => {
    if (!hydrated) startTransition(() => setHydrated(true));
  }, [hydrated]);
  return hydrated;
}
