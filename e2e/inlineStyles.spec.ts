/**
 * The prerendered pages carry the stylesheet inline, allowed only by each page's own `<meta>`
 * policy (build/inlineStyles.ts, docs/deploy.md). Checked here in the browser: the rules apply
 * and are not fetched a second time, a style the page did not ship is refused, and under the
 * older header (`style-src 'self'`) the page loads the same rules from the file instead.
 */
import { expect, test } from "./fixtures";

// The refused styles below are reported as console errors, on purpose.
test.use({ expectedConsoleErrors: [/Content Security Policy/] });

/** Whether the site's stylesheet applies: its colours (`--panel`) and Tailwind's layout. */
const styled = (page: import("@playwright/test").Page) =>
  page.evaluate(
    () =>
      getComputedStyle(document.documentElement).getPropertyValue("--panel").trim() !== "" &&
      getComputedStyle(document.querySelector(".sr-only") ?? document.body).position === "absolute",
  );

for (const path of ["./", "./train/"]) {
  test(`${path}: the inline rules apply, are not fetched again, and no other inline style is allowed`, async ({
    page,
  }) => {
    const cssRequests: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.endsWith(".css")) cssRequests.push(r.url());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.__csp.push(e.effectiveDirective),
      );
    });
    await page.goto(path);
    const inline = page.locator("style[data-href]");
    await expect(inline).toHaveCount(1);
    const href = await inline.getAttribute("data-href");
    expect(await inline.evaluate((s) => (s as HTMLStyleElement).sheet !== null)).toBe(true);
    expect(await styled(page)).toBe(true);
    // KaTeX's fonts resolve from the page's own place (their URLs were rebased).
    // (load() rejects if a face fails; a wrong URL would also be a 404 in the console.)
    expect(
      await page.evaluate(() => document.fonts.load("16px KaTeX_Main").then((f) => f.length)),
    ).toBeGreaterThan(0);

    // All lazy parts loaded (the figures scrolled through): the inlined file is never asked for.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(500);
    expect(cssRequests.filter((u) => href && u.endsWith(href.replace(/^(\.\.?\/)+/, "")))).toEqual(
      [],
    );
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);

    // A style the page did not ship is refused by the page's own policy, though the header
    // allows inline styles.
    const applied = await page.evaluate(async () => {
      const s = document.createElement("style");
      s.textContent = "body { outline: 7px solid red }";
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return getComputedStyle(document.body).outlineWidth;
    });
    expect(applied).not.toBe("7px");
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toContain(
      "style-src-elem",
    );
  });
}

test("under the older header (style-src 'self'), the page loads its rules from the file", async ({
  page,
}) => {
  await page.route(
    (url) => url.pathname === "/" || url.pathname === "/index.html",
    async (route) => {
      const response = await route.fetch();
      const csp = response.headers()["content-security-policy"] ?? "";
      expect(csp).toContain("style-src 'self' 'unsafe-inline';");
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          "content-security-policy": csp.replace(
            "style-src 'self' 'unsafe-inline';",
            "style-src 'self';",
          ),
        },
      });
    },
  );
  await page.goto("./");
  const inline = page.locator("style[data-href]");
  // Refused: no stylesheet from it.
  expect(await inline.evaluate((s) => (s as HTMLStyleElement).sheet)).toBeNull();
  // The same rules, from the file, next to it.
  const href = await inline.getAttribute("data-href");
  await expect(page.locator(`link[rel="stylesheet"][href="${href}"]`)).toHaveCount(1);
  await expect.poll(() => styled(page)).toBe(true);
});
