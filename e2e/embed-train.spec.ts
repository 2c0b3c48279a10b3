/**
 * The training page's charts as embeds: they draw the recorded run (public/recorded-run.json,
 * from our own site) without training in the reader's tab, say so, and link to the live page;
 * the training page's Share menu gives their embed code.
 */
import type { Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { expect, expectNoBadNumbers, test } from "./fixtures";

const TRAIN_CHARTS = [
  "train-loss",
  "train-ap",
  "train-pr",
  "train-shares",
  "train-figure4",
  "train-heatmaps",
];

/**
 * Signs at run time that an embed started the training engine: a worker, or a wasm binary.
 * (That no chunk an embed can load contains tfjs is checked on the build itself, by
 * build/checkBundles.ts in npm test.)
 */
function watchEngine(page: Page): string[] {
  const engine: string[] = [];
  page.on("worker", (w) => engine.push(`worker ${w.url()}`));
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) engine.push(r.url());
  });
  return engine;
}

test.describe("training charts in an embed", () => {
  test("draw the recorded run from our own site, labelled, with a link to train it live", async ({
    page,
  }) => {
    const engine = watchEngine(page);
    const recorded: string[] = [];
    page.on("request", (r) => r.url().endsWith("/recorded-run.json") && recorded.push(r.url()));

    await page.goto("./embed/?chart=train-loss");
    const loss = page.locator('figure[data-chart="train-loss"]');
    await expect(loss.locator('path[data-series="b-loss"]')).toBeVisible();
    await expect(loss.locator('path[data-series="a-loss"]')).toBeVisible();
    await expect(page.getByTestId("train-loss-caption")).toContainText("After 500 steps");
    const label = page.getByTestId("recorded-run-label");
    await expect(label).toContainText(
      /^Recorded run: 500 steps, seed 1, SGD lr 0\.01, weight decay 0\.0001 \(A: α-CE α = 0\.75, B: α-FL γ = 2, α = 0\.25; recorded \d{4}-\d\d-\d\d\)/,
    );
    const live = label.getByRole("link", { name: "Train it live ↗" });
    const href = new URL((await live.getAttribute("href")) ?? "", page.url());
    expect(href.pathname).toBe("/train/");
    expect(href.searchParams.get("aLoss")).toBe("alpha-ce");
    expect(href.searchParams.get("aOpt")).toBe("sgd");
    expect(href.searchParams.get("bLoss")).toBe("alpha-fl");
    expect(href.searchParams.get("seed")).toBe("1");
    expect(href.hash).toBe("#train-loss");
    expect(await live.getAttribute("target")).toBe("_blank");
    await expectNoBadNumbers(page);

    // Figure 4 with its own γ from the link, and its slider with controls=own.
    await page.goto("./embed/?chart=train-figure4&f4gamma=0.5&controls=own&theme=dark");
    const f4 = page.locator('figure[data-chart="train-figure4"]');
    await expect(f4.locator('path[data-series="neg"]')).toBeVisible();
    await expect(page.getByTestId("train-figure4-caption")).toContainText(
      "Run B at step 500, losses recomputed with γ = 0.5",
    );
    const slider = page.getByRole("slider", { name: "Cumulative loss gamma" });
    await expect(slider).toHaveValue("0.5");
    await slider.focus();
    await page.keyboard.press("End");
    await expect(page.getByTestId("train-figure4-caption")).toContainText("γ = 5:");
    await expect(
      page.getByTestId("recorded-run-label").getByRole("link", { name: "Train it live ↗" }),
    ).toHaveAttribute("href", /f4gamma=5(&|#|$)/);
    await expectNoBadNumbers(page);

    // The heatmaps: one canvas per run and showcase image.
    await page.goto("./embed/?chart=train-heatmaps");
    await expect(page.locator('figure[data-chart="train-heatmaps"] canvas')).toHaveCount(8);
    await expectAccessible(page, "the score-map embed");

    expect(recorded.length).toBeGreaterThan(0);
    for (const url of recorded) expect(new URL(url).pathname).toBe("/recorded-run.json");
    expect(engine, "an embed loaded the training engine").toEqual([]);
  });

  test("a bad Figure 4 γ is clamped with a notice; the recorded run is still drawn", async ({
    page,
  }) => {
    await page.goto("./embed/?chart=train-figure4&f4gamma=9");
    await expect(page.getByTestId("embed-notice")).toContainText("f4gamma");
    await expect(page.getByTestId("train-figure4-caption")).toContainText("γ = 5:");
  });
});

test.describe("the training page's Share menu", () => {
  test("gives embed code for its charts whose URL opens a working embed, at a default height that fits from 320 to 1200 px", async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    await page.goto("./train/?backend=wasm&f4gamma=0.5");
    const snippets: { id: string; src: string; height: number }[] = [];
    for (const id of TRAIN_CHARTS) {
      const figure = page.locator(`figure[data-chart="${id}"]`);
      await figure.scrollIntoViewIfNeeded();
      await figure.getByRole("button", { name: /Share or export/ }).click();
      await figure.getByRole("button", { name: "Embed in a course page…" }).click();
      await expect(figure.getByTestId("embed-note")).toContainText("recorded run");
      const textbox = figure.getByRole("textbox", { name: "Embed code" });
      for (const sliders of id === "train-figure4" ? [false, true] : [false]) {
        await figure.getByLabel("Readers can move the sliders").setChecked(sliders);
        const code = await textbox.inputValue();
        const src = code.match(/src="([^"]+)"/)?.[1]?.replaceAll("&amp;", "&") ?? "";
        const height = Number(code.match(/height="(\d+)"/)?.[1]);
        const url = new URL(src);
        // The site root, not the training page's folder; only the chart's own settings.
        expect(url.pathname).toBe("/embed/");
        expect(url.searchParams.get("chart")).toBe(id);
        expect(url.searchParams.get("f4gamma")).toBe(id === "train-figure4" ? "0.5" : null);
        expect(url.searchParams.get("backend")).toBeNull();
        expect(code).toContain(`${url.origin}/embed.js`);
        snippets.push({ id, src, height });
      }
      await page.keyboard.press("Escape");
    }

    const frame = await context.newPage();
    const engine = watchEngine(frame);
    const errors: string[] = [];
    frame.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    frame.on("pageerror", (e) => errors.push(e.message));
    for (const width of [320, 480, 768, 1200]) {
      for (const { id, src, height } of snippets) {
        await frame.setViewportSize({ width, height });
        await frame.goto(src);
        await expect(
          frame.locator(`figure[data-chart="${id}"] :is(svg, canvas)`).first(),
        ).toBeVisible();
        await expect(frame.getByTestId("recorded-run-label")).toBeVisible();
        if (id === "train-figure4")
          await expect(frame.getByTestId("train-figure4-caption")).toContainText("γ = 0.5:");
        const overflow = await frame.evaluate(() => ({
          y: document.documentElement.scrollHeight - window.innerHeight,
          x: document.documentElement.scrollWidth - window.innerWidth,
        }));
        expect(
          overflow.y,
          `${id} at ${width} px overflows its ${height} px frame`,
        ).toBeLessThanOrEqual(0);
        expect(overflow.x, `${id} at ${width} px is too wide`).toBeLessThanOrEqual(0);
      }
    }
    expect(engine, "an embed loaded the training engine").toEqual([]);
    expect(errors).toEqual([]);
    await frame.close();
  });
});
