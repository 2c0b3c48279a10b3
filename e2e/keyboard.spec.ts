/**
 * The keyboard journey: every control reachable with Tab, never hidden from screen readers or
 * under the sticky bar, with a visible focus indicator; the controls work from the keyboard; and
 * focus comes back where it came from. Also: prefers-reduced-motion turns motion off.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

interface Stop {
  what: string;
  problems: string[];
}

/** Describe the focused element and what is wrong with how it shows its focus. */
function inspectFocus(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const name = el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? el.tagName;
    const what = `${el.tagName.toLowerCase()}${el.getAttribute("role") ? `[role=${el.getAttribute("role")}]` : ""} "${name}"`;
    const problems: string[] = [];
    if (el.closest("[aria-hidden='true']")) problems.push("inside aria-hidden markup");
    if (!el.matches(":focus-visible")) problems.push("not :focus-visible");
    // The indicator: an outline on the element, or on the label of a visually hidden radio or
    // checkbox. (A box shadow does not count: the equation terms' underline is one, focused or
    // not, and was the only "focus sign" they had.)
    const shown = (node: Element | null) => {
      if (!node) return false;
      const s = getComputedStyle(node);
      return s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) >= 1;
    };
    if (!shown(el) && !shown(el.closest("label"))) problems.push("no visible focus indicator");
    // In view, and not under a sticky bar: the point at its centre hits the element itself.
    const target = el.closest("label") ?? el;
    const r = target.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= window.innerHeight) problems.push("scrolled out of view");
    else {
      const x = Math.min(Math.max(r.left + r.width / 2, 1), window.innerWidth - 1);
      const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 12), 1), window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(target === hit || target.contains(hit) || hit.contains(target))) {
        problems.push(`covered by ${hit?.tagName.toLowerCase() ?? "nothing"}`);
      }
    }
    return { what, problems };
  });
}

/**
 * Tab from the top of the page through every stop (until focus leaves the page), then back up
 * with Shift+Tab for `back` stops (moving up is when a sticky bar can cover the focus).
 */
async function tabThrough(
  page: Page,
  max: number,
  back = 0,
): Promise<{ stops: number; failures: string[] }> {
  await page.locator("body").focus();
  const failures: string[] = [];
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const stop = await inspectFocus(page);
    if (!stop) break;
    if (seen.length > 3 && stop.what === seen[0]) break;
    seen.push(stop.what);
    for (const p of stop.problems) failures.push(`${stop.what}: ${p}`);
  }
  for (let i = 0; i < back; i++) {
    await page.keyboard.press("Shift+Tab");
    const stop = await inspectFocus(page);
    if (!stop) break;
    for (const p of stop.problems) failures.push(`${stop.what} (Shift+Tab): ${p}`);
  }
  return { stops: seen.length, failures };
}

test.describe("the keyboard journey", () => {
  test("explainer: every stop visible and uncovered, every control operable, focus returns", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("./");
    await expect(page.locator('[data-chart="loss-budget"] svg').first()).toBeVisible();

    const { stops, failures } = await tabThrough(page, 400, 50);
    expect(failures).toEqual([]);
    // Sliders, fields, toggles, term buttons, charts, Share buttons, tables, code tabs…
    expect(stops).toBeGreaterThan(40);

    // A term button: focus lights its curves; Enter pins it, Enter again lets go.
    const gammaTerm = page.locator('[data-term="gamma"]').first();
    await gammaTerm.focus();
    await page.keyboard.press("Enter");
    await expect(gammaTerm).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Tab");
    await expect(gammaTerm).toHaveClass(/term-active/);
    await gammaTerm.focus();
    await page.keyboard.press("Enter");
    await expect(gammaTerm).toHaveAttribute("aria-pressed", "false");

    // A toggle group: arrow keys move the choice (and the URL follows).
    const current = page.getByRole("radio", { name: "CE vs FL" });
    await current.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: "Paper's γ family" })).toBeChecked();
    await expect(page).toHaveURL(/family=1/);

    // The Share menu: Enter opens it on its first item, Escape closes it back on the button.
    const share = page.getByRole("button", { name: /^Share or export: Loss against/ });
    await share.focus();
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("button", { name: "Copy link to this view" }).first(),
    ).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Copy link to this view" })).toHaveCount(0);
    await expect(share).toBeFocused();

    // A data table opens from the keyboard.
    const summary = page.locator('[data-chart="gradient"] summary');
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator('[data-chart="gradient"] table')).toBeVisible();

    // The γ field takes typed values.
    const field = page.getByRole("textbox", { name: "gamma value" });
    await field.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("1.5");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("gamma-slider").getByRole("slider")).toHaveValue("1.5");
  });

  test("/train/ at 360 px: every stop visible and uncovered; play and pause from the keyboard", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("./train/?backend=wasm&batch=2");
    const play = page.getByRole("button", { name: "Play" });
    await expect(play).toBeEnabled({ timeout: 60_000 });
    const { stops, failures } = await tabThrough(page, 400, 30);
    expect(failures).toEqual([]);
    expect(stops).toBeGreaterThan(40);

    await play.focus();
    await page.keyboard.press("Enter");
    const pause = page.getByRole("button", { name: "Pause" });
    await expect(pause).toBeVisible();
    await pause.focus();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("session-status")).toHaveText("paused");
  });
});

test("prefers-reduced-motion: transitions and smooth scrolling are off", async ({ page }) => {
  await page.goto("./");
  const fl = page.locator('[data-chart="loss-vs-pt"] path[data-series="fl"]');
  const duration = () => fl.evaluate((p) => getComputedStyle(p).transitionDuration);
  // The curves do move (emphasis) for readers who do not ask for less motion …
  expect(Number.parseFloat(await duration())).toBeGreaterThan(0.05);
  // … and do not for those who do.
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(Number.parseFloat(await duration())).toBeLessThan(0.001);
  const term = page.locator(".term-button").first();
  expect(
    Number.parseFloat(await term.evaluate((t) => getComputedStyle(t).transitionDuration)),
  ).toBeLessThan(0.001);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe(
    "auto",
  );
});
