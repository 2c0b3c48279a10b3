/**
 * The prerendered pages carry the stylesheet inline, allowed only by each page's own `<meta>`
 * policy (build/inlineStyles.ts, docs/deploy.md). Checked here in the browser: the rules apply
 * and are not fetched a second time, a style the page did not ship is refused, and under the
 * older header (`style-src 'self'`) the page loads the same rules from the file instead.
 */
import { expect, test } from "./fixtures";

// The refused styles below are reported as console errors, on purpose.
test.use({ expectedConsoleErrors: [/Content Security Policy/] });

/**
 * KaTeX's layout classes (build/katexStyles.ts) used by the page's equations that no stylesheet
 * of the page has a rule for: without them, every sub- and superscript sits at the baseline.
 */
const katexClassesWithoutRule = (page: import("@playwright/test").Page) =>
  page.evaluate(() => {
    const used = new Set(
      [...document.querySelectorAll('[class*="kx-"]')].flatMap((e) =>
        [...e.classList].filter((c) => c.startsWith("kx-")),
      ),
    );
    const selectors = [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .map((r) => (r as CSSStyleRule).selectorText ?? "")
      .join(" ");
    return { used: used.size, missing: [...used].filter((c) => !selectors.includes(`.${c}.${c}`)) };
  });

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
    // The site's stylesheet, then the article's (KaTeX's layout classes).
    const inline = page.locator("style[data-href]");
    await expect(inline).toHaveCount(2);
    const href = await inline.first().getAttribute("data-href");
    for (const s of await inline.all())
      expect(await s.evaluate((e) => (e as HTMLStyleElement).sheet !== null)).toBe(true);
    expect(await styled(page)).toBe(true);
    if (path === "./") {
      const katex = await katexClassesWithoutRule(page);
      // (56 distinct classes today; any equation uses several.)
      expect(katex.used).toBeGreaterThan(10);
      expect(katex.missing).toEqual([]);
    }
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
    // Nor a style attribute in markup (a hash never allows one).
    const attribute = await page.evaluate(async () => {
      const box = document.createElement("div");
      box.innerHTML = '<p id="injected" style="margin-left: 77px">x</p>';
      document.body.append(box);
      await new Promise((r) => setTimeout(r, 50));
      return getComputedStyle(document.getElementById("injected") as Element).marginLeft;
    });
    expect(attribute).not.toBe("77px");
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toContain(
      "style-src-attr",
    );
  });
}

for (const path of ["./", "./train/"]) {
  test(`${path}: under the older header (style-src 'self'), the page loads its rules from the files`, async ({
    page,
    baseURL,
  }) => {
    const document = new URL(path, baseURL).pathname;
    await page.route(
      (url) => url.pathname === document,
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
    await page.goto(path);
    const inline = page.locator("style[data-href]");
    await expect(inline).toHaveCount(2);
    for (const s of await inline.all()) {
      // Refused: no stylesheet from it; the same rules, from the file, next to it.
      expect(await s.evaluate((e) => (e as HTMLStyleElement).sheet)).toBeNull();
      const href = await s.getAttribute("data-href");
      await expect(page.locator(`link[rel="stylesheet"][href="${href}"]`)).toHaveCount(1);
    }
    await expect.poll(() => styled(page)).toBe(true);
    if (path === "./")
      await expect.poll(async () => (await katexClassesWithoutRule(page)).missing).toEqual([]);
  });
}
