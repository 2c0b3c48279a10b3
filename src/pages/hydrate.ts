/**
 * Hydrate a page prerendered at build time (build/prerender.ts). A figure whose chunk cannot be
 * fetched (offline before the site was saved, or a redeploy removed it) makes React give up
 * hydrating that Suspense boundary and render it on the client, where ChunkBoundary shows what
 * failed and a retry: an expected outcome, noted as a warning. Every other recoverable error (a
 * hydration mismatch, above all) is reported as React would by default.
 */
import { createElement, type ReactNode, startTransition, useEffect } from "react";
import { hydrateRoot } from "react-dom/client";
import { isRootHydrating, setRootHydrating } from "../state/hydration";

const CHUNK_LOAD_FAILURE =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed/;

/** True when `error`, or an error it was caused by, is a failed dynamic import. */
export function isChunkLoadFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if (CHUNK_LOAD_FAILURE.test(e.message)) return true;
  return false;
}

/**
 * True while the page's first render adopts prerendered HTML (until hydration has committed):
 * a part that leaves its server markup alone (the explainer's static article) may do so only
 * then.
 */
export const isHydrating = isRootHydrating;

/** Marks `<html data-hydrated>` once hydration has committed (tests wait for it before hovering). */
function MarkHydrated({ children }: { children: ReactNode }): ReactNode {
  useEffect(() => {
    setRootHydrating(false);
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return children;
}

/**
 * Hydrates in a transition, as Next.js does: React then renders the page in slices of a few
 * milliseconds, yielding to the browser between them (the render phase only: the commit and the
 * effects still run as one task each). The page's text is on screen before any script runs, so
 * this work comes after the first paint, where Lighthouse counts every long task as blocking
 * (docs/benchmarks.md, "Fifth pass": its TBT was lower in 13 of 18 side-by-side pairs on `/` and
 * `/train/`, though one session on `/` showed no change). Until the commit, a click inside a
 * figure's Suspense boundary hydrates that figure first; one elsewhere makes React finish
 * hydrating the page at once, in one task.
 */
export function hydratePage(root: HTMLElement, page: ReactNode): void {
  setRootHydrating(root.hasChildNodes());
  startTransition(() => {
    hydrateRoot(root, createElement(MarkHydrated, null, page), {
      onRecoverableError(error) {
        if (isChunkLoadFailure(error)) {
          console.warn("A part of the page could not be loaded; it shows a retry instead.", error);
          return;
        }
        reportError(error);
      },
    });
  });
}
