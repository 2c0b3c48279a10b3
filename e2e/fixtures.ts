/**
 * The e2e test fixture: every test fails on a console error, an uncaught page error, or a
 * request to any origin other than the site's own (a spec that needs a second origin, such as
 * a course page embedding our charts, names it with `test.use({ otherOrigins: [...] })`; one
 * that causes a console error on purpose names it with `expectedConsoleErrors`). The server
 * sends the site's Content-Security-Policy (public/_headers), so any violation is a console
 * error too.
 */
import { test as base, expect, type Page } from "@playwright/test";

export const test = base.extend<{
  guard: undefined;
  otherOrigins: string[];
  expectedConsoleErrors: RegExp[];
}>({
  otherOrigins: [[], { option: true }],
  /** Console errors a fault-injection test causes on purpose (e.g. the 404 it serves). */
  expectedConsoleErrors: [[], { option: true }],
  guard: [
    async ({ page, baseURL, otherOrigins, expectedConsoleErrors }, use) => {
      const problems: string[] = [];
      const origins = [new URL(baseURL ?? "http://127.0.0.1").origin, ...otherOrigins];
      page.on("console", (m) => {
        if (m.type() !== "error") return;
        if (expectedConsoleErrors.some((re) => re.test(m.text()))) return;
        problems.push(`console error: ${m.text()}`);
      });
      page.on("pageerror", (e) => {
        if (expectedConsoleErrors.some((re) => re.test(e.message))) return;
        problems.push(`page error: ${e.message}`);
      });
      page.on("request", (r) => {
        const url = r.url();
        const allowed = origins.some((o) => url.startsWith(`${o}/`));
        if (!allowed && !url.startsWith("data:") && !url.startsWith("blob:")) {
          problems.push(`request to another origin: ${url}`);
        }
      });
      // `/` and `/train/` are prerendered and then hydrated: an event sent before hydration has
      // committed finds no handler, and a press before the linked state has arrived (in a
      // transition after the commit) could be overwritten by it. Every navigation to them waits
      // for both (`data-settled`, pages/hydrate.ts; or 15 s).
      const goto = page.goto.bind(page);
      page.goto = async (url, options) => {
        const response = await goto(url, options);
        const path = new URL(page.url()).pathname;
        if (["/", "/index.html", "/train/", "/train/index.html"].includes(path))
          await page
            .locator("html[data-hydrated][data-settled]")
            .waitFor({ state: "attached", timeout: 15_000 })
            .catch(() => {});
        // Both pages' figures' code is fetched after the page; each figure hydrates when it
        // nears the viewport or is pressed (React hydrates it then, synchronously, if its code
        // is here). Wait for the code (or 10 s: a figure whose code is blocked on purpose never
        // arrives).
        if (["/", "/index.html", "/train/", "/train/index.html"].includes(path))
          await page
            .locator("html[data-figures-fetched]")
            .waitFor({ state: "attached", timeout: 10_000 })
            .catch(() => {});
        return response;
      };
      await use(undefined);
      expect(problems, problems.join("\n")).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The explainer's six figures, by chart id, in the article's order. */
export const EXPLAINER_FIGURES = [
  "loss-vs-pt",
  "alpha-balanced",
  "down-weighting",
  "gradient",
  "loss-budget",
  "fl-star",
] as const;

/** The visible text of the page must never show NaN or Infinity. */
export async function expectNoBadNumbers(page: Page): Promise<void> {
  // textContent, not innerText: closed data tables must not hold NaN either.
  const text = (await page.locator("body").textContent()) ?? "";
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
}

/** The FL curve's path in figure 1, for "did it change" checks. */
export function flPath(page: Page) {
  return page.locator('[data-chart="loss-vs-pt"] path[data-series="fl"]');
}

/**
 * Scroll a figure into view, as a reader would: figures out of view keep the state they last
 * showed until they come near the viewport.
 */
export async function viewFigure(page: Page, id: string): Promise<void> {
  await page
    .locator(`[data-chart="${id}"]`)
    .evaluate((el) => el.scrollIntoView({ block: "center" }));
}
