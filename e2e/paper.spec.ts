/**
 * The rest of the paper: FL* (appendix A) in the explainer, with its sliders, presets, URL and
 * exports; OHEM on the training page, and the panel that shows where each method spends the
 * gradient — on the live page, in an embed, at 360 px and in dark mode.
 */
import { readFileSync } from "node:fs";
import { expect, expectNoBadNumbers, test, viewFigure } from "./fixtures";

const stepOf = async (page: import("@playwright/test").Page, run: "a" | "b") =>
  Number((await page.getByTestId(`run-${run}-step`).textContent())?.replace(/,/g, ""));

test.describe("FL*, the paper's appendix A", () => {
  test("bad values are clamped with a notice; the paper's settings are one click; the keyboard moves γ*", async ({
    page,
  }) => {
    await page.goto("./?starGamma=0&starBeta=9#fl-star");
    const notice = page.getByTestId("param-notice");
    await expect(notice).toContainText("clamped to 0.25");
    await expect(notice).toContainText("clamped to 5");
    const caption = page.getByTestId("fl-star-caption");
    await viewFigure(page, "fl-star");
    await expect(caption).toContainText("FL* (γ = 0.25, β = 5)");

    const figure = page.locator('figure[data-chart="fl-star"]');
    const preset = figure.getByRole("button", { name: "γ = 4, β = 0" });
    await preset.click();
    await expect(preset).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/&starGamma=4&starBeta=0/);
    await expect(caption).toContainText("1,510× less than CE");
    await expect(caption).toContainText("33.9 AP");
    await expect(figure.locator('path[data-series="fl_star"]')).toHaveCount(2);

    // Keyboard: the γ* slider steps by 0.01 and the URL follows; off a paper setting, no AP quoted.
    await figure.getByRole("slider", { name: "γ of FL*" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByRole("textbox", { name: "γ of FL* value" })).toHaveValue("3.99");
    await expect(page).toHaveURL(/starGamma=3\.99&starBeta=0/);
    await expect(preset).toHaveAttribute("aria-pressed", "false");
    await expect(caption).not.toContainText("AP");
    await expectNoBadNumbers(page);
  });

  test("CSV export holds the documented columns; the embed at 360 px in dark mode has its sliders", async ({
    page,
  }) => {
    await page.goto("./?starGamma=2&starBeta=1");
    await viewFigure(page, "fl-star");
    const figure = page.locator('figure[data-chart="fl-star"]');
    await figure.getByRole("button", { name: /Share or export/ }).click();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      figure.getByRole("button", { name: /Download data/ }).click(),
    ]);
    const csv = readFileSync((await file.path()) ?? "", "utf8");
    expect(csv).toContain("# settings: gamma=2&starGamma=2&starBeta=1\n");
    const lines = csv.split("\n").filter((l) => l && !l.startsWith("#"));
    expect(lines[0]).toBe("x_t,ce,fl,fl_star,d_ce,d_fl,d_fl_star");
    // x_t = 0: CE = ln 2, FL* = ln(1 + e^−1)/2, dCE/dx = −0.5.
    const zero = lines
      .find((l) => l.startsWith("0,"))
      ?.split(",")
      .map(Number);
    expect(zero?.[1]).toBeCloseTo(Math.LN2, 9);
    expect(zero?.[3]).toBeCloseTo(Math.log1p(Math.exp(-1)) / 2, 9);
    expect(zero?.[4]).toBeCloseTo(-0.5, 9);

    // SVG and PNG: both charts (loss and derivative), colours resolved, nothing fetched.
    const [svgFile] = await Promise.all([
      page.waitForEvent("download"),
      figure.getByRole("button", { name: /Download SVG/ }).click(),
    ]);
    const svg = readFileSync((await svgFile.path()) ?? "", "utf8");
    expect(svg.match(/data-series="fl_star"/g)).toHaveLength(2);
    expect(svg).toContain('stroke="#be185d"');
    expect(svg).not.toMatch(/class=|var\(--|href=/);
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      figure.getByRole("button", { name: /Download PNG/ }).click(),
    ]);
    expect(png.suggestedFilename()).toBe("fl-star_gamma-2_starGamma-2_starBeta-1@2x.png");

    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("./embed/?chart=fl-star&starGamma=4&starBeta=0&controls=own&theme=dark");
    await expect(page.locator("html")).toHaveClass(/theme-dark/);
    const embed = page.locator('figure[data-chart="fl-star"]');
    await expect(embed.locator("svg").first()).toBeVisible();
    await expect(page.getByTestId("fl-star-caption")).toContainText("33.9 AP");
    await expect(page.getByRole("slider", { name: "β of FL*" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await expectNoBadNumbers(page);
  });
});

test.describe("OHEM against focal loss on the training page", () => {
  test("an OHEM run trains, states what it keeps, and the panels show where each method spends the gradient", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("./train/?backend=wasm&batch=2&aLoss=ohem&aOhem=1:3");
    await expect(page.getByRole("combobox", { name: "Run A loss" })).toHaveValue("ohem");
    await expect(page.getByRole("combobox", { name: "Run A OHEM ratio" })).toHaveValue("1:3");
    // batch 2: 128 × 1,024 / 100,000 × 2 = 2.6 → at least 4 kept, 1 positive at most.
    await expect(page.getByTestId("run-a-ohem")).toContainText(
      "keeps the 4 highest-CE of the 2,048 locations of each step, at most 1 of them positives",
    );
    await expect(page.getByRole("button", { name: "Step" })).toBeEnabled({ timeout: 60_000 });
    await page.getByRole("button", { name: "Step" }).click();
    await expect.poll(() => stepOf(page, "a"), { timeout: 60_000 }).toBe(1);

    const methods = page.getByTestId("train-methods-caption");
    await viewFigure(page, "train-methods");
    await expect(methods).toContainText("OHEM spends nothing on what it drops");
    await page
      .locator('figure[data-chart="train-methods"]')
      .getByRole("radio", { name: "Run A (OHEM 1:3, batch 128)" })
      .check({ force: true });
    await expect(methods).toContainText("Run A's model");
    await expect(page.locator('figure[data-chart="train-methods"] [data-bar]')).toHaveCount(12);

    await viewFigure(page, "train-shares");
    await expect(page.getByTestId("train-shares-caption")).toContainText("Run A trains with OHEM");
    await viewFigure(page, "train-figure4");
    await page
      .locator('figure[data-chart="train-figure4"]')
      .getByRole("radio", { name: "Run A" })
      .check({ force: true });
    await expect(page.getByTestId("train-figure4-caption")).toContainText(
      "This run trains with OHEM",
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await expectNoBadNumbers(page);

    // The keyboard changes the ratio and the URL follows (a changed setup resets both runs).
    await page.getByRole("combobox", { name: "Run A OHEM ratio" }).focus();
    await page.keyboard.press("ArrowUp");
    await expect(page).toHaveURL(/aOhem=none&aOhemBatch=128/);
    await expect(page.getByTestId("run-a-ohem")).not.toContainText("positives");
  });

  test("the methods panel embeds the recorded run, without training in the tab", async ({
    page,
  }) => {
    await page.goto("./embed/?chart=train-methods&theme=dark");
    await expect(page.getByTestId("train-methods-caption")).toContainText("OHEM spends nothing");
    await expect(page.locator('figure[data-chart="train-methods"] [data-bar]')).toHaveCount(12);
    await expectNoBadNumbers(page);
  });
});
