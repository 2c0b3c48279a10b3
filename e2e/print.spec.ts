/** Printing the explainer: every chart, in the current state, and no controls. */
import { expect, test } from "./fixtures";

test("printing gives the charts in the current state and no controls", async ({ page }) => {
  await page.goto("./");
  const field = page.getByRole("textbox", { name: "gamma value" });
  await field.fill("0.5");
  await field.press("Enter");
  // Figures out of view kept the old state (the last one has not even hydrated: its code is
  // handed to React only when it is wanted). Printing brings them up to date within the
  // browser's beforeprint event, before the page is laid out for print: read in the same task.
  await expect(page.getByTestId("loss-budget-caption")).toContainText("γ = 2,");
  await expect(page.locator('[data-figure-slot="loss-budget"] > div')).not.toHaveAttribute(
    "data-live",
  );
  const printed = await page.evaluate(() => {
    window.dispatchEvent(new Event("beforeprint"));
    return document.querySelector('[data-testid="loss-budget-caption"]')?.textContent;
  });
  expect(printed).toContain("γ = 0.5,");
  await page.emulateMedia({ media: "print" });
  for (const id of ["loss-vs-pt", "alpha-balanced", "down-weighting", "gradient", "loss-budget"]) {
    const figure = page.locator(`figure[data-chart="${id}"]`);
    await expect(figure.locator("svg[role='img']").first()).toBeVisible();
    await expect(page.getByTestId(`${id}-caption`)).toBeVisible();
    await expect(figure.getByRole("button", { name: /Share or export/ })).toBeHidden();
    await expect(figure.getByText("Data table")).toBeHidden();
  }
  await expect(page.getByTestId("loss-budget-caption")).toContainText("γ = 0.5,");
  await expect(page.getByRole("slider", { name: "gamma" })).toBeHidden();
  await expect(page.getByTestId("ratio-slider")).toBeHidden();
  await expect(page.getByRole("radio", { name: "Log" })).toBeHidden();
  // Charts fit the printed page width.
  const widest = await page
    .locator("figure svg[role='img']")
    .evaluateAll((svgs) => Math.max(...svgs.map((s) => s.getBoundingClientRect().right)));
  expect(widest).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
});

test("printing the training page hydrates every figure within the beforeprint event", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("./train/");
  const waiting = "[data-training-figure]:not([data-live])";
  // Far below the setup at 360 px, most figures have not hydrated yet.
  await expect(page.locator("[data-training-figure]")).toHaveCount(7);
  expect(await page.locator(waiting).count()).toBeGreaterThan(0);
  // Read in the same task as the event: the page is laid out for print right after it.
  const left = await page.evaluate((selector) => {
    window.dispatchEvent(new Event("beforeprint"));
    return document.querySelectorAll(selector).length;
  }, waiting);
  expect(left).toBe(0);
});
