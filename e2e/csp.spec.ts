/**
 * The strict Content-Security-Policy the site ships (public/_headers, docs/deploy.md). The test
 * server sends it with every response, so every journey of the suite runs under it (a violation
 * is a console error, which fails any test); this spec checks that it really is sent, and walks
 * the parts most likely to need more: figures and equations, a PNG export, training on wasm in a
 * worker, an embed drawing the recorded run, and a file read in a worker.
 */
import { headersFor, readHeadersFile } from "../scripts/headers-file.mjs";
import { expect, test } from "./fixtures";

const POLICY = headersFor(readHeadersFile("public/_headers"), "/")["content-security-policy"];

test("under the shipped CSP, figures, exports, wasm training, embeds and workers report no violation", async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(POLICY).toMatch(
    /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' blob:; style-src 'self' 'unsafe-inline';/,
  );
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const violations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

  // The policy is sent with pages and with scripts (workers take their policy from their own
  // response).
  const responses: Record<string, string | undefined> = {};
  page.on("response", (r) => {
    const path = new URL(r.url()).pathname;
    if (path === "/" || path.endsWith(".js") || path.endsWith(".wasm")) {
      responses[path] = r.headers()["content-security-policy"];
    }
  });

  await page.goto("./?gamma=3");
  await expect(page.locator('[data-chart="loss-budget"] svg').first()).toBeVisible();
  // KaTeX laid out from classes, not inline styles: a fraction has real height.
  expect(
    await page
      .locator(".katex-display")
      .first()
      .evaluate((e) => e.getBoundingClientRect().height),
  ).toBeGreaterThan(20);
  await page.getByRole("button", { name: /^Share or export: Loss against/ }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PNG (2×, for slides)" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);
  expect(await violations()).toEqual([]);

  await page.goto("./train/?backend=wasm&batch=2");
  await expect(page.getByTestId("backend-badge")).toHaveAttribute("data-backend", "wasm", {
    timeout: 60_000,
  });
  await page.getByRole("button", { name: "Step" }).click();
  await expect(page.getByTestId("run-a-step")).toHaveText("1", { timeout: 60_000 });
  expect(await violations()).toEqual([]);

  await page.goto("./embed/?chart=train-loss&fit=1");
  await expect(page.getByTestId("recorded-run-label")).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.goto("./yours/");
  await page.getByRole("button", { name: /fraud/i }).first().click();
  await expect(page.locator("figure[data-chart]").first()).toBeVisible({ timeout: 30_000 });
  expect(await violations()).toEqual([]);

  const sent = Object.entries(responses);
  expect(sent.some(([p]) => p.includes("train.worker"))).toBe(true);
  for (const [path, header] of sent) expect(header, path).toBe(POLICY);
});
