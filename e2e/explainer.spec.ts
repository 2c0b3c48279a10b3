import { expectAccessible } from "./a11y";
import {
  EXPLAINER_FIGURES,
  expect,
  expectNoBadNumbers,
  flPath,
  test,
  viewFigure,
} from "./fixtures";

test.describe("reading and tweaking the explainer", () => {
  test("shows the article, six live figures and their captions", async ({ page }) => {
    await page.goto("./");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How focal loss works");
    for (const id of EXPLAINER_FIGURES) {
      await expect(page.locator(`[data-chart="${id}"] svg`).first()).toBeVisible();
      await expect(page.getByTestId(`${id}-caption`)).not.toBeEmpty();
    }
    // Equations are typeset (KaTeX HTML shipped in the page, no script from elsewhere).
    expect(await page.locator(".katex").count()).toBeGreaterThan(10);
    await expect(page.getByTestId("down-weighting-caption")).toContainText("100× less");
    await expectNoBadNumbers(page);
    await expectAccessible(page, "explainer, light, 1280 px");
  });

  test("dragging the γ slider with the mouse changes the curves and the readouts", async ({
    page,
  }) => {
    await page.goto("./");
    await viewFigure(page, "loss-vs-pt");
    const before = await flPath(page).getAttribute("d");
    const slider = page.getByTestId("gamma-slider").getByRole("slider");
    const box = await slider.boundingBox();
    if (!box) throw new Error("no slider box");
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    await expect(flPath(page)).not.toHaveAttribute("d", before ?? "");
    const gamma = Number(await page.getByRole("textbox", { name: "gamma value" }).inputValue());
    expect(gamma).toBeGreaterThan(4);
    await viewFigure(page, "down-weighting");
    await expect(page.getByTestId("down-weighting-caption")).not.toContainText("100× less");
    await expect(page.getByTestId("downweight-readouts")).not.toContainText("100× less");
    await expectNoBadNumbers(page);
  });

  test("the γ slider works from the keyboard and the typed field", async ({ page }) => {
    await page.goto("./");
    const slider = page.getByTestId("gamma-slider").getByRole("slider");
    const field = page.getByRole("textbox", { name: "gamma value" });
    await viewFigure(page, "loss-vs-pt");
    const before = await flPath(page).getAttribute("d");
    await slider.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(field).toHaveValue("1.99");
    await expect(flPath(page)).not.toHaveAttribute("d", before ?? "");
    await field.fill("0");
    await field.press("Enter");
    await expect(slider).toHaveValue("0");
    // γ = 0: focal loss is cross-entropy, so nothing is down-weighted.
    await viewFigure(page, "down-weighting");
    await expect(page.getByTestId("down-weighting-caption")).toContainText(
      "focal loss is cross-entropy",
    );
    await field.fill("abc");
    await field.press("Enter");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(slider).toHaveValue("0");
    await field.fill("99");
    await field.press("Enter");
    await expect(slider).toHaveValue("5");
    await expectNoBadNumbers(page);
  });

  test("the crosshair reads exact values under the pointer and from the keyboard", async ({
    page,
  }) => {
    await page.goto("./");
    const chart = page.locator('[data-chart="loss-vs-pt"] svg[role="img"]');
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    if (!box) throw new Error("no chart box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const crosshair = page.locator('[data-chart="loss-vs-pt"] [data-testid="crosshair"]');
    await expect(crosshair).toBeVisible();
    await expect(crosshair).toContainText("pₜ =");
    await expect(crosshair).toContainText("CE:");
    await page.mouse.move(0, 0);
    await chart.focus();
    await page.keyboard.press("ArrowRight");
    await expect(crosshair).toContainText("pₜ = 0.51");
    await expect(crosshair).toContainText(`CE: ${(-Math.log(0.51)).toPrecision(3)}`);
  });

  test("pointing at an equation term highlights what it does in the figures", async ({ page }) => {
    // Tall enough that the equation and the figure below it are both near the viewport (figures
    // far out of view do not follow the page until they scroll near).
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.goto("./");
    // The terms answer the pointer once the prerendered page is hydrated.
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const mod = page.locator(".katex .term-mod").first();
    await mod.scrollIntoViewIfNeeded();
    await mod.hover();
    await expect(
      page.locator('[data-chart="down-weighting"] path[data-series="mod"]'),
    ).toHaveAttribute("stroke-width", "4");
    // The CE term, just above figure 1, lights CE there and fades FL.
    const ce = page.locator(".katex .term-ce").first();
    await ce.scrollIntoViewIfNeeded();
    await ce.hover();
    const fig1 = page.locator('[data-chart="loss-vs-pt"]');
    await expect(fig1.locator('path[data-series="ce"]')).toHaveAttribute("stroke-width", "4");
    await expect(fig1.locator('path[data-series="fl"]')).toHaveAttribute("stroke-opacity", "0.25");
    await page.mouse.move(0, 0);
    await expect(fig1.locator('path[data-series="ce"]')).toHaveAttribute("stroke-width", "2");
  });

  test("the loss budget follows R and the population, and every chart has a data table", async ({
    page,
  }) => {
    await page.goto("./");
    const budget = page.locator('[data-chart="loss-budget"]');
    const easyCe = budget.locator('[data-bar="loss-ce"] [data-segment="easyNegatives"]');
    const shareAt = async () => Number(await easyCe.getAttribute("data-share"));
    const at1000 = await shareAt();
    const field = page.getByRole("textbox", { name: "R, negatives per positive value" });
    await field.fill("10");
    await field.press("Enter");
    await expect.poll(shareAt).toBeLessThan(at1000);
    await budget.getByText("At prior init (π = 0.01)").click();
    await field.fill("1000");
    await field.press("Enter");
    // Prior init, 1:1000: easy negatives carry 1000·(−ln 0.99) / (that + −ln 0.01) ≈ 68.6% of CE.
    await expect.poll(shareAt).toBeCloseTo(0.686, 3);
    await budget.getByText("Data table").click();
    await expect(budget.locator("table")).toBeVisible();
    // Every figure offers its data: open each table (rendered only while open).
    for (const details of await page.locator("figure details").all()) {
      if (await details.evaluate((d) => (d as HTMLDetailsElement).open)) continue;
      await details.locator("summary").scrollIntoViewIfNeeded();
      await details.locator("summary").click();
    }
    expect(await page.locator("figure table").count()).toBe(6);
    await expectNoBadNumbers(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page, "explainer, dark, every data table open");
  });
});
