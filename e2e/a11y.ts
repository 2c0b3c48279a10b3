/**
 * The accessibility gate: axe-core's WCAG 2.1 A and AA rules over the page as it is now, frames
 * included, with zero violations allowed. Called inside the journeys at the states they open
 * (light and dark, 360 and 1280 px, tables and menus open, lessons, embeds, training), so it
 * costs an axe run, not a page load.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * `within`: only inside this frame (a CSS selector of an iframe), for a host page that is not
 * ours (a notebook's IFrame markup, say, has no title of its own).
 */
export async function expectAccessible(
  page: Page,
  state: string,
  options: { within?: string } = {},
): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(WCAG21_AA);
  if (options.within) builder.include([options.within, "html"]);
  const result = await builder.analyze();
  const found = result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}\n    ${n.failureSummary ?? ""}`),
  );
  expect(found, `axe (WCAG 2.1 AA), ${state}:\n${found.join("\n")}`).toEqual([]);
  // A scan that silently checked nothing would pass: it must have run the rules.
  expect(result.passes.length, `axe ran no rules on ${state}`).toBeGreaterThan(10);
}
