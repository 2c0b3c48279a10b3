/**
 * Whether the page's root is adopting prerendered HTML right now: set by pages/hydrate.ts before
 * `hydrateRoot`, cleared by the root's outermost passive effect after hydration's commit. Parts
 * rendered with the root read it to render what the server rendered (and a part that leaves its
 * server markup alone, the explainer's static article, may do so only then); parts inside a
 * Suspense boundary that hydrates later must not (they use components/useHydrated.ts's
 * `useHydrated`, which React answers per boundary). No React here.
 */
let rootHydrating = false;

export function setRootHydrating(hydrating: boolean): void {
  rootHydrating = hydrating;
}

export function isRootHydrating(): boolean {
  return rootHydrating;
}
