/**
 * Hydrate a page prerendered at build time (build/prerender.ts). A figure whose chunk cannot be
 * fetched (offline before the site was saved, or a redeploy removed it) makes React give up
 * hydrating that Suspense boundary and render it on the client, where ChunkBoundary shows what
 * failed and a retry: an expected outcome, noted as a warning. Every other recoverable error (a
 * hydration mismatch, above all) is reported as React would by default.
 */
import { createElement, Fragment, type ReactNode, startTransition, useEffect } from "react";
import { hydrateRoot, type Root } from "react-dom/client";
import { useRootHydrated } from "../components/useHydrated";
import { setRootHydrating } from "../state/hydration";

const CHUNK_LOAD_FAILURE =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed/;

/** True when `error`, or an error it was caused by, is a failed dynamic import. */
export function isChunkLoadFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if (CHUNK_LOAD_FAILURE.test(e.message)) return true;
  return false;
}

/** Marks `<html data-hydrated>` once hydration has committed (tests wait for it before hovering). */
function MarkHydrated({ children }: { children: ReactNode }): ReactNode {
  useEffect(() => {
    setRootHydrating(false);
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return createElement(Fragment, null, children, createElement(MarkSettled));
}

/**
 * Marks `<html data-settled>` once what only the browser knows has been rendered after hydration:
 * the URL's query (state/useUrlState.ts) and useRootHydrated switch in one transition, started
 * by the same effects. Tests that act on a linked page wait for it: a press before it could be
 * overwritten by the linked state.
 */
function MarkSettled(): null {
  const settled = useRootHydrated();
  useEffect(() => {
    if (settled) document.documentElement.dataset.settled = "true";
  }, [settled]);
  return null;
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
export function hydratePage(root: HTMLElement, page: ReactNode): Root {
  setRootHydrating(root.hasChildNodes());
  let reactRoot: Root | undefined;
  startTransition(() => {
    reactRoot = hydrateRoot(root, createElement(MarkHydrated, null, page), {
      onRecoverableError(error) {
        if (isChunkLoadFailure(error)) {
          console.warn("A part of the page could not be loaded; it shows a retry instead.", error);
          return;
        }
        reportError(error);
      },
    });
  });
  if (!reactRoot) throw new Error("hydrateRoot returned no root");
  return reactRoot;
}
