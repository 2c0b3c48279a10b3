/** A teacher's lesson link: parts of the page hidden, and a prediction before the figure. */

import { expectAccessible } from "./a11y";
import { expect, expectNoBadNumbers, test } from "./fixtures";

const STATE =
  "gamma=2&alpha=0.25&ceAlpha=0.75&ratio=1000&population=training&family=0&logy=0&starGamma=2&starBeta=1";

test.describe("lesson links", () => {
  test("predict first: guess, reveal the figure, see how close the guess was", async ({ page }) => {
    const url = `./?${STATE}&hide=controls,text,loss-budget&predict=downweight`;
    await page.goto(url);
    const card = page.getByTestId("predict-card");
    await expect(card).toContainText(
      "With γ = 2, how many times less does a well-classified example (pₜ = 0.9) count",
    );
    // Nothing gives the answer away before the guess.
    await expect(page.locator("figure[data-chart]")).toHaveCount(0);
    await expect(page.getByText("100×")).toHaveCount(0);
    await expect(page.getByRole("slider", { name: "gamma" })).toHaveCount(0);
    await expectAccessible(page, "lesson, predict first");

    const guess = page.getByRole("textbox", { name: "your guess value" });
    // The guess starts empty (no anchoring default); Enter reveals.
    await expect(guess).toHaveValue("");
    await guess.fill("20");
    await guess.press("Enter");
    await expect(page.getByTestId("predict-result")).toHaveText(
      "A surprise? You predicted 20×; the figure shows 100×: off by a factor of 5 (too low).×",
    );
    await expect(page.locator("#down-weighting")).toBeInViewport();
    await expect(page.getByTestId("downweight-readouts")).toContainText("100× less");
    await expectAccessible(page, "lesson, figure revealed");
    // Hidden: the global sliders, the prose, figure 5. Shown: the other figures.
    await expect(page.getByRole("heading", { name: /haystacks/ })).toBeHidden();
    await expect(page.locator("#loss-budget")).toBeHidden();
    await expect(page.locator("#loss-vs-pt")).toBeVisible();
    await expect(page.getByRole("slider", { name: "gamma" })).toHaveCount(0);
    await expectNoBadNumbers(page);
    // The lesson link round-trips exactly: the page leaves it as it was.
    await page.waitForTimeout(400);
    expect(page.url()).toBe(new URL(url, page.url()).href);
  });

  test("the answer follows the lesson's state", async ({ page }) => {
    await page.goto("./?gamma=1&predict=push-back");
    await expect(page.getByTestId("predict-card")).toContainText("under α-FL (γ = 1)");
    await page.getByRole("textbox", { name: "your guess value" }).fill("10");
    await page.getByRole("button", { name: "Reveal the figure" }).click();
    await expect(page.getByTestId("predict-result")).toContainText("You predicted 10×");
    await expect(page.locator("#gradient")).toBeInViewport();
    await expect(page.getByTestId("gradient-caption")).toContainText(
      (await page.getByTestId("predict-result").locator("strong").nth(2).textContent()) ?? "?",
    );
  });

  test("hide flags: figure controls and menus, with the γ / α bar kept", async ({ page }) => {
    await page.goto("./?hide=figure-controls,menus");
    await expect(page.getByRole("slider", { name: "gamma" })).toBeVisible();
    await expect(page.locator("figure[data-chart]")).toHaveCount(6);
    await expect(page.locator("[data-chart-menu]")).toHaveCount(6);
    await expect(page.getByRole("button", { name: /Share or export/ })).toHaveCount(0);
    await expect(page.getByTestId("ratio-slider")).toBeHidden();
    await expect(page.getByRole("radio", { name: "Log" })).toBeHidden();
  });

  test("state changes keep the lesson flags, and the result reloads as the same page", async ({
    page,
  }) => {
    await page.goto("./?hide=text&gamma=1");
    const field = page.getByRole("textbox", { name: "gamma value" });
    await field.fill("0.5");
    await field.press("Enter");
    await expect(page).toHaveURL(
      /\?gamma=0\.5&alpha=0\.25&ceAlpha=0\.75&ratio=1000&population=training&family=0&logy=0&starGamma=2&starBeta=1&hide=text$/,
    );
    const url = page.url();
    await page.goto(url);
    await page.waitForTimeout(400);
    expect(page.url()).toBe(url);
    await expect(page.getByRole("heading", { name: /haystacks/ })).toBeHidden();
    await expect(field).toHaveValue("0.5");
  });

  test("an unknown flag is dropped with a notice; the rest of the lesson works", async ({
    page,
  }) => {
    await page.goto("./?hide=controls,everything&predict=nope");
    const notice = page.getByTestId("param-notice");
    await expect(notice).toContainText(
      "“hide” = “controls,everything” is not a valid value: reset to controls.",
    );
    await expect(notice).toContainText("“predict” = “nope” is not a valid value: reset to none.");
    await expect(page.getByRole("slider", { name: "gamma" })).toHaveCount(0);
    await expect(page.locator("figure[data-chart]")).toHaveCount(6);
    await notice.getByRole("button", { name: "Dismiss notice" }).click();
    await expect(notice).toHaveCount(0);
  });
});
