/**
 * Content before code (issue 12): the explainer and /train/ are prerendered at build time
 * (build/prerender.ts). Without JavaScript the server's HTML already holds the text, the typeset
 * equations and the figures at their default state; with it, React hydrates that HTML, and a
 * linked state then updates the figures in place, in the same boxes.
 */
import { EXPLAINER_FIGURES, expect, test } from "./fixtures";

const FIGURES = EXPLAINER_FIGURES;

test.describe("prerendered pages", () => {
  test("the explainer reads without JavaScript: text, equations and all six figures", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto("./");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How focal loss works");
    expect(await page.locator(".katex").count()).toBeGreaterThan(10);
    for (const id of FIGURES) {
      await expect(page.locator(`[data-chart="${id}"] svg`).first()).toBeVisible();
      await expect(page.getByTestId(`${id}-caption`)).not.toBeEmpty();
    }
    // Drawn at the default state (γ = 2).
    await expect(page.getByTestId("loss-vs-pt-caption")).toContainText("γ = 2");
    expect(await page.locator('[data-chart="loss-vs-pt"] path[data-series="fl"]').count()).toBe(1);
    await context.close();
  });

  test("the prerendered HTML needs no inline script (the CSP allows none)", async ({ request }) => {
    for (const path of ["./", "./train/"]) {
      const html = await (await request.get(path)).text();
      expect(html.length).toBeGreaterThan(20_000);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toMatch(/\ssrc=/);
      expect(html).not.toMatch(/\sstyle="/);
    }
  });

  test("/train/ shows its setup and figures before any script runs", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto("./train/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Train it yourself");
    await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
    expect(await page.locator("figure[data-chart] svg").count()).toBeGreaterThan(2);
    await context.close();
  });

  test("a linked state replaces the prerendered defaults without moving the page", async ({
    page,
  }) => {
    // Layout shifts from the very start of the load, as Lighthouse's CLS counts them.
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number })[])
          w.shifts.push(e.value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto("./?gamma=4&alpha=0.5");
    await expect(page.getByTestId("loss-vs-pt-caption")).toContainText("γ = 4");
    await expect(page.getByRole("textbox", { name: "gamma value" })).toHaveValue("4");
    // The URL keeps the linked state (the defaults drawn before hydration are never written).
    await expect.poll(() => new URL(page.url()).searchParams.get("gamma")).toBe("4");
    for (const id of FIGURES)
      await expect(page.locator(`[data-chart="${id}"] svg`).first()).toBeVisible();
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.01);
  });

  test("a linked state does not wait for the code panel's code, and the panel keeps its HTML", async ({
    page,
  }) => {
    // The code panel's chunk is held back until the end of the test (a slow network).
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/ExplainerCodePanel-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("./?gamma=4");
    await expect(page.getByRole("textbox", { name: "gamma value" })).toHaveValue("4");
    await expect(page.getByTestId("loss-vs-pt-caption")).toContainText("γ = 4");
    // The panel is still the server's, at the state it was drawn at (an update reaching its
    // boundary would have dropped this HTML, or held the linked state until the code came).
    const panel = page.getByTestId("code-panel");
    await expect(panel).toHaveCount(1);
    await expect(panel).toContainText("γ = 2 and");
    release();
    await panel.scrollIntoViewIfNeeded();
    await expect(panel).toContainText("γ = 4 and");
  });

  test("the article's prose is adopted as the server sent it; only its figures are hydrated", async ({
    page,
  }) => {
    // Every node removed from inside the article's static parts, from the start of the load.
    await page.addInitScript(() => {
      const w = window as unknown as { removed: string[] };
      w.removed = [];
      new MutationObserver((records) => {
        for (const r of records) {
          // Inside a static part, or a whole part, figure slot or page taken away.
          const t = r.target;
          const inPart =
            t instanceof Element && (t.closest(".article-part") || t.matches("#root, .article"));
          for (const n of r.removedNodes)
            if (inPart && (n instanceof Element || n.textContent?.trim()))
              w.removed.push(n instanceof Element ? n.outerHTML.slice(0, 80) : `${n.textContent}`);
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto("./?gamma=3");
    // Figures follow the state once near the viewport (FreezeWhenHidden).
    await page.locator("#loss-vs-pt").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("loss-vs-pt-caption")).toContainText("γ = 3");
    expect(await page.locator(".article-part").count()).toBe(FIGURES.length + 1);
    // The figures are live: a term button pins its term in them, pressed state and all. The
    // figures far down have not hydrated (their code is held back until they are wanted): the
    // press must not reach them, or React would swap their HTML for a placeholder.
    const waiting = page.locator("[data-figure-slot] > div:not([data-live])");
    expect(await waiting.count()).toBeGreaterThan(0);
    const term = page.locator("button.term-button").first();
    await term.click();
    await expect(term).toHaveAttribute("aria-pressed", "true");
    await term.click();
    await expect(term).toHaveAttribute("aria-pressed", "false");
    await expect(page.locator("[data-figure-slot] [aria-busy]")).toHaveCount(0);
    await expect(page.locator("[data-figure-slot] figure[data-chart]")).toHaveCount(FIGURES.length);
    // Nothing of the article (or the page: a failed hydration re-renders the root) was rebuilt.
    const removed = await page.evaluate(() => (window as unknown as { removed: string[] }).removed);
    expect(removed).toEqual([]);
  });

  test("a figure not yet hydrated takes a click that comes alone (a screen reader's activation)", async ({
    page,
  }) => {
    await page.goto("./");
    const slot = page.locator('[data-figure-slot="loss-budget"] > div');
    await expect(slot).not.toHaveAttribute("data-live");
    const share = slot.getByRole("button", { name: /^Share or export/ });
    // A click event with no press or focus before it, as element.click() and assistive
    // technologies send.
    await share.evaluate((button: HTMLElement) => button.click());
    await expect(share).toHaveAttribute("aria-expanded", "true");
    await expect(slot).toHaveAttribute("data-live");
  });
});
