import { expectAccessible } from "./a11y";
import { expect, expectNoBadNumbers, test } from "./fixtures";

for (const width of [360, 1280]) {
  test(`the explainer lays out at ${width} px without horizontal scrolling`, async ({
    page,
  }, info) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("./");
    await expect(page.locator('[data-chart="loss-budget"] svg').first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Each chart as the reader sees it: a figure out of view is not laid out at all (it skips
    // rendering), and takes the page's width as it comes into view.
    for (const svg of await page.locator("figure svg[role='img']").all()) {
      await svg.scrollIntoViewIfNeeded();
      await expect
        .poll(async () => (await svg.boundingBox())?.width ?? Number.POSITIVE_INFINITY)
        .toBeLessThanOrEqual(width);
    }
    await expectNoBadNumbers(page);
    if (width === 360) await expectAccessible(page, "explainer, light, 360 px");
    // Through the CSSOM: the site's CSP refuses an injected <style>.
    await page.evaluate(() => {
      for (const f of document.querySelectorAll<HTMLElement>("figure[data-chart]")) {
        f.style.contentVisibility = "visible";
      }
    });
    await page.screenshot({ path: info.outputPath(`explainer-${width}.png`), fullPage: true });
  });
}

test("dark mode follows the system setting", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("./");
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe("rgb(11, 17, 32)");
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.locator('[data-chart="loss-budget"] svg').first()).toBeVisible();
  await expectAccessible(page, "explainer, dark, 360 px");
  await page.emulateMedia({ colorScheme: "light" });
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
    .toBe("rgb(248, 250, 252)");
});
