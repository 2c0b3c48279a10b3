/**
 * Prerendered pages (build/prerender.ts) are hydrated: their first client render must produce
 * the server's markup. What only the browser knows (style attributes, which the CSP refuses in
 * HTML but allows from script; the URL's query, see state/useUrlState.ts, which keeps its own
 * copy of this hook as state's only React file) waits for `useHydrated()` to turn true.
 */
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False while rendering on the server and while hydrating prerendered HTML, true afterwards
 * (and from the first render of a client-only root, such as the embed page's).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
