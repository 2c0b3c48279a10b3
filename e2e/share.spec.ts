import { expect, expectNoBadNumbers, flPath, test, viewFigure } from "./fixtures";

test.describe("sharing a link", () => {
  test("the URL round trip restores the exact state", async ({ page, context }) => {
    await page.goto("./");
    await page.getByRole("textbox", { name: "gamma value" }).fill("0.73");
    await page.getByRole("textbox", { name: "gamma value" }).press("Enter");
    await page.getByRole("textbox", { name: "alpha value" }).fill("0.6");
    await page.getByRole("textbox", { name: "alpha value" }).press("Enter");
    await page.getByText("Paper's γ family").click();
    await page.getByRole("radio", { name: "Log" }).check({ force: true });
    await expect(page).toHaveURL(
      /gamma=0\.73&alpha=0\.6&ceAlpha=0\.75&ratio=1000&population=training&family=1&logy=1/,
    );
    const url = page.url();
    await viewFigure(page, "loss-vs-pt");
    const caption = await page.getByTestId("loss-vs-pt-caption").textContent();
    const path = await flPath(page).getAttribute("d");

    const other = await context.newPage();
    await other.goto(url);
    await viewFigure(other, "loss-vs-pt");
    await expect(other.getByRole("textbox", { name: "gamma value" })).toHaveValue("0.73");
    await expect(other.getByRole("textbox", { name: "alpha value" })).toHaveValue("0.6");
    await expect(other.getByRole("radio", { name: "Log" })).toBeChecked();
    await expect(other.getByTestId("loss-vs-pt-caption")).toHaveText(caption ?? "");
    await expect(flPath(other)).toHaveAttribute("d", path ?? "");
    expect(
      await other.locator('[data-chart="loss-vs-pt"] path[data-series^="family-"]').count(),
    ).toBe(4);
    expect(other.url()).toBe(url);
  });

  test("bad parameters are clamped or reset with an announced, dismissible notice", async ({
    page,
  }) => {
    const markup = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
    await page.goto(`./?gamma=abc&alpha=2&ratio=1e99&population=${markup}&logy=maybe`);
    const notice = page.getByTestId("param-notice");
    await expect(notice).toBeVisible();
    await expect(page.getByRole("status").filter({ has: notice })).toHaveAttribute(
      "aria-live",
      "polite",
    );
    await expect(notice).toContainText("“gamma” = “abc” is not a valid value: reset to 2.");
    await expect(notice).toContainText("clamped to 1");
    await expect(notice).toContainText("clamped to 100000");
    // Markup is shown as text, never parsed.
    await expect(notice).toContainText("<img src=x");
    expect(await page.locator("img").count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await expect(page.getByRole("textbox", { name: "gamma value" })).toHaveValue("2");
    await expect(page).toHaveURL(/gamma=2&alpha=1&ceAlpha=0\.75&ratio=100000&population=training/);
    await expectNoBadNumbers(page);
    await notice.getByRole("button", { name: "Dismiss notice" }).click();
    await expect(notice).toHaveCount(0);
  });

  test("extreme but valid values paint no NaN or Infinity", async ({ page }) => {
    for (const q of [
      "gamma=0&alpha=0&ratio=1",
      "gamma=5&alpha=1&ratio=100000&logy=1&family=1",
      "gamma=0.01&population=init",
    ]) {
      await page.goto(`./?${q}`);
      await expect(page.getByTestId("loss-budget-caption")).not.toBeEmpty();
      await expectNoBadNumbers(page);
      for (const d of await page
        .locator("figure path[d]")
        .evaluateAll((ps) => ps.map((p) => p.getAttribute("d") ?? ""))) {
        expect(d).not.toMatch(/NaN|Infinity/);
      }
    }
  });
});
