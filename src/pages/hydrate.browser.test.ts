/**
 * In real Chromium: a prerendered page adopts its HTML with the defaults, then takes the URL's
 * query (useUrlState) and its "hydrated" flag (useRootHydrated) in a later update, which React
 * renders as a transition, in slices (pages/hydrate.ts, docs/benchmarks.md "Sixth pass").
 */
import { createElement, type ReactNode, StrictMode } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { useRootHydrated } from "../components/useHydrated";
import { setRootHydrating } from "../state/hydration";
import { useUrlState } from "../state/useUrlState";
import { hydratePage } from "./hydrate";

const SCHEMA = { g: { kind: "number", default: 2, min: 0, max: 5 } } as const;

/** Busy for `ms` when `on`: makes the render after hydration long enough to be sliced. */
function Slow({ on, ms }: { on: boolean; ms: number }): null {
  if (on) for (const t = performance.now(); performance.now() - t < ms; );
  return null;
}

/** Shows the state, the issues and the flag; a press sets g to 3, as a reader moving a control. */
function Probe({ slow = 0 }: { slow?: number }): ReactNode {
  const { state, update, issues } = useUrlState(SCHEMA);
  const hydrated = useRootHydrated();
  return createElement(
    "div",
    null,
    createElement(
      "button",
      { type: "button", onClick: () => update({ g: 3 }) },
      `g=${state.g} issues=${issues.length} hydrated=${hydrated}`,
    ),
    ...Array.from({ length: slow }, (_, i) => createElement(Slow, { key: i, on: hydrated, ms: 5 })),
  );
}

const page = (slow = 0) => createElement(StrictMode, null, createElement(Probe, { slow }));

const roots: Root[] = [];

/** The page as the build renders it: the hooks answer as they do on the server. */
function prerendered(slow = 0): HTMLElement {
  setRootHydrating(true);
  const el = document.createElement("div");
  el.innerHTML = renderToString(page(slow));
  setRootHydrating(false);
  document.body.append(el);
  return el;
}

/** Hydrates `el`; `then` runs in the microtask after React marks <html data-hydrated>. */
function hydrate(el: HTMLElement, slow = 0, then: () => void = () => {}): Promise<void> {
  const marked = new Promise<void>((resolve) => {
    const watch = new MutationObserver(() => {
      if (document.documentElement.dataset.hydrated === undefined) return;
      watch.disconnect();
      then();
      resolve();
    });
    watch.observe(document.documentElement, { attributes: true });
  });
  roots.push(hydratePage(el, page(slow)));
  return marked;
}

const text = (el: Element) => el.querySelector("button")?.textContent;

const errors: unknown[] = [];
const onError = (e: ErrorEvent) => errors.push(e.error);
window.addEventListener("error", onError);

afterEach(() => {
  for (const root of roots.splice(0)) root.unmount();
  setRootHydrating(false);
  document.body.replaceChildren();
  delete document.documentElement.dataset.hydrated;
  delete document.documentElement.dataset.settled;
  errors.length = 0;
});

describe("hydrating a prerendered page", () => {
  it("adopts the defaults, then takes the linked state and the flag", async () => {
    history.replaceState(null, "", `${location.pathname}?g=4`);
    const el = prerendered();
    expect(text(el)).toBe("g=2 issues=0 hydrated=false");
    await hydrate(el);
    await expect.poll(() => text(el)).toBe("g=4 issues=0 hydrated=true");
    // Adopted, not replaced: no mismatch was reported.
    expect(errors).toEqual([]);
  });

  it("keeps what the reader changed before a query that changes nothing arrives", async () => {
    history.replaceState(null, "", location.pathname);
    const el = prerendered();
    // In the microtask after hydration's effects mark the page, before the transition that
    // brings the query renders: a press, as a reader's, sets g to 3.
    let seen = "";
    await hydrate(el, 0, () => {
      el.querySelector("button")?.click();
      // React renders the press in a microtask of its own, queued before this one.
      queueMicrotask(() => {
        seen = `${text(el)}`;
      });
    });
    await Promise.resolve();
    // The switch has not rendered yet: it comes in a transition, not in the synchronous
    // re-render that a useSyncExternalStore with two snapshots forces (that would read true).
    expect(seen).toBe("g=3 issues=0 hydrated=false");
    await expect.poll(() => text(el)).toBe("g=3 issues=0 hydrated=true");
    // The empty query did not put the defaults back, and the reader's value reaches the URL.
    await expect.poll(() => location.search).toBe("?g=3");
  });

  it("keeps the reader's change when the query only brings a notice (a malformed value)", async () => {
    history.replaceState(null, "", `${location.pathname}?g=abc`);
    const el = prerendered();
    await hydrate(el, 0, () => el.querySelector("button")?.click());
    await expect.poll(() => text(el)).toBe("g=3 issues=1 hydrated=true");
  });

  it("renders the switch in slices: a timer gets its turn before it commits", async () => {
    history.replaceState(null, "", location.pathname);
    // 20 × 5 ms of rendering after hydration. A transition yields every few milliseconds; a
    // render at any blocking priority would commit in one task, before a 10 ms timer fires.
    const el = prerendered(20);
    let atTimer = "";
    await hydrate(el, 20, () => {
      setTimeout(() => {
        atTimer = `${text(el)}`;
      }, 10);
    });
    await expect.poll(() => text(el), { timeout: 10_000 }).toBe("g=2 issues=0 hydrated=true");
    expect(atTimer).toBe("g=2 issues=0 hydrated=false");
  });

  it("answers at once in a page rendered in the browser (no prerendered HTML)", () => {
    history.replaceState(null, "", `${location.pathname}?g=1`);
    const el = document.createElement("div");
    document.body.append(el);
    const root = createRoot(el);
    roots.push(root);
    flushSync(() => root.render(page()));
    expect(text(el)).toBe("g=1 issues=0 hydrated=true");
  });
});
