/**
 * In real Chromium: a prerendered page adopts its HTML with the defaults, then takes the URL's
 * query (useUrlState) and its "hydrated" flag (useRootHydrated) in a later update, which React
 * renders as a transition (pages/hydrate.ts, docs/benchmarks.md "Sixth pass").
 */
import { createElement, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { useRootHydrated } from "../components/useHydrated";
import { setRootHydrating } from "../state/hydration";
import { useUrlState } from "../state/useUrlState";
import { hydratePage } from "./hydrate";

const SCHEMA = { g: { kind: "number", default: 2, min: 0, max: 5 } } as const;

/** Shows the state and the flag; a press sets g to 3, as a reader moving a control. */
function Probe(): ReactNode {
  const { state, update } = useUrlState(SCHEMA);
  const hydrated = useRootHydrated();
  return createElement(
    "button",
    { type: "button", onClick: () => update({ g: 3 }) },
    `g=${state.g} hydrated=${hydrated}`,
  );
}

/** The page as the build renders it: the hooks answer as they do on the server. */
function prerendered(): HTMLElement {
  setRootHydrating(true);
  const root = document.createElement("div");
  root.innerHTML = renderToString(createElement(Probe));
  setRootHydrating(false);
  document.body.append(root);
  return root;
}

const errors: unknown[] = [];
const onError = (e: ErrorEvent) => errors.push(e.error);

/** Resolves once React has marked <html data-hydrated> (hydration's commit, pages/hydrate.ts). */
function hydrated(): Promise<void> {
  return new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (document.documentElement.dataset.hydrated === undefined) return;
      watch.disconnect();
      resolve();
    });
    watch.observe(document.documentElement, { attributes: true });
  });
}

async function settled(el: Element, text: string): Promise<void> {
  await expect.poll(() => el.textContent, { timeout: 5000 }).toBe(text);
}

afterEach(() => {
  document.body.replaceChildren();
  delete document.documentElement.dataset.hydrated;
  window.removeEventListener("error", onError);
  errors.length = 0;
  history.replaceState(null, "", location.pathname);
});

describe("hydrating a prerendered page", () => {
  it("adopts the defaults, then takes the linked state and the flag", async () => {
    history.replaceState(null, "", `${location.pathname}?g=4`);
    window.addEventListener("error", onError);
    const root = prerendered();
    expect(root.textContent).toBe("g=2 hydrated=false");
    const done = hydrated();
    hydratePage(root, createElement(Probe));
    await done;
    await settled(root, "g=4 hydrated=true");
    // Adopted, not replaced: no mismatch was reported.
    expect(errors).toEqual([]);
  });

  it("keeps what the reader changed before a query that changes nothing arrives", async () => {
    const root = prerendered();
    // In the microtask after hydration's commit marks the page, before the transition that
    // brings the query renders: a press, as a reader's, sets g to 3.
    const pressed = new Promise<void>((resolve) => {
      const watch = new MutationObserver(() => {
        if (document.documentElement.dataset.hydrated === undefined) return;
        watch.disconnect();
        root.querySelector("button")?.click();
        resolve();
      });
      watch.observe(document.documentElement, { attributes: true });
    });
    hydratePage(root, createElement(Probe));
    await pressed;
    // The switch has not rendered yet: it comes in a transition, not in the synchronous
    // re-render that a useSyncExternalStore with two snapshots forces (that would read true).
    expect(root.textContent).toBe("g=3 hydrated=false");
    await settled(root, "g=3 hydrated=true");
    // Still 3 a while later: the empty query did not put the defaults back.
    await new Promise((r) => setTimeout(r, 200));
    expect(root.textContent).toBe("g=3 hydrated=true");
  });

  it("answers at once in a page rendered in the browser (no prerendered HTML)", () => {
    history.replaceState(null, "", `${location.pathname}?g=1`);
    const el = document.createElement("div");
    document.body.append(el);
    flushSync(() => createRoot(el).render(createElement(Probe)));
    expect(el.textContent).toBe("g=1 hydrated=true");
  });
});
