/** Sharing and exporting one chart from its menu: link, embed code, SVG, PNG and CSV. */
import { readFileSync } from "node:fs";
import type { Download, Locator, Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { expect, test, viewFigure } from "./fixtures";

async function openMenu(page: Page, id: string): Promise<Locator> {
  await viewFigure(page, id);
  const figure = page.locator(`figure[data-chart="${id}"]`);
  await figure.getByRole("button", { name: /Share or export/ }).click();
  return figure;
}

async function download(page: Page, figure: Locator, name: RegExp): Promise<Download> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name }).click(),
  ]);
  return file;
}

async function text(file: Download): Promise<string> {
  return readFileSync((await file.path()) ?? "", "utf8");
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Data rows of a CSV (comment lines dropped), split on commas (our cells hold none). */
function csvRows(csv: string): string[][] {
  return csv
    .trim()
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .map((l) => l.split(","));
}

test.describe("sharing and exporting a chart", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("copy link points at the chart in this state, and opening it lands there", async ({
    page,
    context,
  }) => {
    await page.goto("./?gamma=0.5");
    const figure = await openMenu(page, "gradient");
    await figure.getByRole("button", { name: "Copy link to this view" }).click();
    await expect(figure.getByRole("status")).toHaveText("Link copied.");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(
      /\?gamma=0\.5&alpha=0\.25&ceAlpha=0\.75&ratio=1000&population=training&family=0&logy=0&starGamma=2&starBeta=1#gradient$/,
    );

    const other = await context.newPage();
    await other.goto(link);
    await expect(other.locator("#gradient")).toBeInViewport();
    await expect(other.getByRole("textbox", { name: "gamma value" })).toHaveValue("0.5");
  });

  test("the embed code is an iframe with title, aria-label and the optional script", async ({
    page,
  }) => {
    await page.goto("./?gamma=1.5&alpha=0.4");
    const figure = await openMenu(page, "alpha-balanced");
    await figure.getByRole("button", { name: "Embed in a course page…" }).click();
    const box = figure.getByRole("textbox", { name: "Embed code" });
    await expectAccessible(page, "Share menu open, embed options shown");
    const code = await box.inputValue();
    const [iframe, script] = code.split("\n");
    expect(iframe).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/\?chart=alpha-balanced&amp;gamma=1\.5&amp;alpha=0\.4" /,
    );
    expect(iframe).toContain('title="α-balancing: positives and negatives weighted apart');
    expect(iframe).toContain('aria-label="α-balancing');
    expect(script).toMatch(/^<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
    await figure.getByLabel("Theme").selectOption("dark");
    await figure.getByLabel("Fit the height automatically").uncheck();
    await expect(box).toHaveValue(/&amp;theme=dark" /);
    await expect(box).not.toHaveValue(/<script/);
    await figure.getByRole("button", { name: "Copy embed code" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await box.inputValue());
  });

  test("SVG: well-formed XML, self-contained, with the chart's paths and its settings", async ({
    page,
  }) => {
    await page.goto("./?gamma=3&logy=1");
    const figure = await openMenu(page, "loss-vs-pt");
    const file = await download(page, figure, /Download SVG/);
    expect(file.suggestedFilename()).toBe("loss-vs-pt_gamma-3_family-0_logy-1.svg");
    const svg = await text(file);
    const shown = await figure.locator('path[data-series="fl"]').getAttribute("d");
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        root: doc.documentElement.nodeName,
        title: doc.querySelector("svg > title")?.textContent,
        desc: doc.querySelector("svg > desc")?.textContent,
        fl: doc.querySelector('path[data-series="fl"]')?.getAttribute("d"),
        flStroke: doc.querySelector('path[data-series="fl"]')?.getAttribute("stroke"),
        paths: doc.querySelectorAll("path[data-series]").length,
        texts: [...doc.querySelectorAll("text")].map((t) => t.textContent).join(" "),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe("svg");
    expect(parsed.title).toBe("Loss against the probability of the true class");
    expect(parsed.desc).toContain("Settings: gamma=3&family=0&logy=1");
    expect(parsed.fl).toBe(shown);
    // --c-fl in light mode (src/styles.css), resolved from the custom property.
    expect(parsed.flStroke).toBe("#c2410c");
    expect(parsed.paths).toBe(2);
    expect(parsed.texts).toContain("FL γ = 3");
    expect(parsed.texts).toContain("probability of the true class, pₜ");
    // Self-contained: no classes, no CSS variables, nothing fetched.
    expect(svg).not.toMatch(/class=|var\(--|href=|url\((?!#clip-)/);
  });

  test("PNG: twice the chart's size, settings in the file name", async ({ page }) => {
    await page.goto("./?gamma=1&ratio=500");
    const figure = await openMenu(page, "loss-budget");
    const svg = await text(await download(page, figure, /Download SVG/));
    const width = Number(svg.match(/<svg[^>]* width="(\d+)"/)?.[1]);
    const height = Number(svg.match(/<svg[^>]* height="(\d+)"/)?.[1]);
    const body = await figure.locator("[data-chart-body]").boundingBox();
    // The export is the chart area plus a title line and a margin.
    expect(Math.abs(width - (body?.width ?? 0) - 24)).toBeLessThanOrEqual(1);
    expect(height).toBeGreaterThan(body?.height ?? 0);

    const png = await download(page, figure, /Download PNG/);
    expect(png.suggestedFilename()).toBe(
      "loss-budget_gamma-1_alpha-0.25_ceAlpha-0.75_ratio-500_population-training@2x.png",
    );
    expect(pngSize(readFileSync((await png.path()) ?? ""))).toEqual({
      width: 2 * width,
      height: 2 * height,
    });
  });

  test("CSV: the documented columns and the values the chart draws", async ({ page }) => {
    await page.goto("./?gamma=2");
    const figure = await openMenu(page, "loss-vs-pt");
    const file = await download(page, figure, /Download data/);
    expect(file.suggestedFilename()).toBe("loss-vs-pt_gamma-2_family-0_logy-0.csv");
    const csv = await text(file);
    expect(csv).toContain("# settings: gamma=2&family=0&logy=0\n");
    expect(csv).toMatch(/# link: http:\/\/127\.0\.0\.1:\d+\/\?gamma=2&.*#loss-vs-pt\n/);
    expect(csv).toContain("# column fl: focal loss −(1 − p_t)^γ ln p_t at the chosen γ\n");
    const [header, ...rows] = csvRows(csv);
    expect(header).toEqual(["p_t", "ce", "fl"]);
    // One row per point of the drawn curve, with the losses' values at that p_t.
    const d = (await figure.locator('path[data-series="fl"]').getAttribute("d")) ?? "";
    expect(rows.length).toBe(d.split(/[ML]/).filter(Boolean).length);
    for (const [pt, ce, fl] of rows.map((r) => r.map(Number))) {
      expect(ce).toBeCloseTo(-Math.log(pt ?? 0), 8);
      expect(fl).toBeCloseTo(-((1 - (pt ?? 0)) ** 2) * Math.log(pt ?? 0), 8);
    }
  });

  test("CSV of the loss budget: the shares the bars show", async ({ page }) => {
    await page.goto("./?gamma=2&alpha=0.25&ratio=1000");
    const figure = await openMenu(page, "loss-budget");
    const [header, ...rows] = csvRows(await text(await download(page, figure, /Download data/)));
    expect(header).toEqual([
      "loss",
      "group",
      "examples",
      "loss_total",
      "loss_share",
      "gradient_share",
    ]);
    expect(rows).toHaveLength(9);
    for (const [row, bar] of [
      ["CE", "loss-ce"],
      ["α-FL", "loss-fl"],
    ] as const) {
      for (const [label, segment] of [
        ["Positives", "positives"],
        ["Easy negatives (pₜ > 0.9)", "easyNegatives"],
      ] as const) {
        const csvShare = rows.find((r) => r[0] === row && r[1] === label)?.[4];
        const drawn = figure.locator(`[data-bar="${bar}"] [data-segment="${segment}"]`);
        expect(Number(csvShare)).toBeCloseTo(Number(await drawn.getAttribute("data-share")), 8);
      }
    }
  });

  test("the menu closes with Escape and gives focus to its first item", async ({ page }) => {
    await page.goto("./");
    const figure = await openMenu(page, "gradient");
    await expect(figure.getByRole("button", { name: "Copy link to this view" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(figure.getByRole("button", { name: "Copy link to this view" })).toHaveCount(0);
  });
});
