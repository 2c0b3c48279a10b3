/**
 * Offline, for real: the site's own service worker (not blocked here, unlike the rest of the
 * suite) on a server of its own that this spec stops, so "offline" means no server at all. Also
 * the update flow, and what a page does when one lazily loaded chunk cannot be fetched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { readHeadersFile } from "../scripts/headers-file.mjs";
import { serveStatic } from "../scripts/serve-static.mjs";
import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 4317) + 2;
const SITE = `http://127.0.0.1:${PORT}`;
const HEADERS = readHeadersFile("public/_headers");
/** The same headers without COOP/COEP, as a host that cannot send them (GitHub Pages). */
const WITHOUT_ISOLATION = HEADERS.map((rule) => ({
  ...rule,
  headers: rule.headers.filter(([name]) => !/^cross-origin-/i.test(name)),
}));

/** A copy of the build, so a test can "deploy" a new version by changing its files. */
function deployCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "fle-offline-"));
  cpSync("dist", dir, { recursive: true });
  return dir;
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
}

async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("offline-status")).toHaveText(
    /^Saved in this browser: .* work without a network\.$/,
    { timeout: 60_000 },
  );
}

test.describe("offline after one visit", () => {
  test.use({ serviceWorkers: "allow", otherOrigins: [SITE] });

  test("every page loads and works with the server gone: figures, Share menu, training, embeds, your own file", async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    const dir = deployCopy();
    // A host without COOP/COEP: the training page's isolation below comes from the service worker.
    const server = await serveStatic(dir, PORT, "127.0.0.1", { headers: WITHOUT_ISOLATION });
    try {
      // The footer claims nothing about offline use before the site is saved.
      await page.goto(`${SITE}/`);
      await waitUntilSaved(page);
    } finally {
      await stop(server);
      rmSync(dir, { recursive: true, force: true });
    }
    await context.setOffline(true);

    // The explainer, from a fresh navigation: typeset equations, every figure, a lazy chunk.
    await page.goto(`${SITE}/?gamma=3`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How focal loss works");
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    for (const id of [
      "loss-vs-pt",
      "alpha-balanced",
      "down-weighting",
      "gradient",
      "loss-budget",
    ]) {
      await expect(page.locator(`[data-chart="${id}"] svg`).first()).toBeVisible();
    }
    await expect(page.getByRole("textbox", { name: "gamma value" })).toHaveValue("3");
    // KaTeX's fonts come from the cache too (a missing font would fall back silently).
    expect(await page.evaluate(() => document.fonts.check("16px KaTeX_Main"))).toBe(true);
    await page.getByRole("button", { name: /^Share or export: Loss against/ }).click();
    await expect(page.getByRole("button", { name: "Download data (CSV)" }).first()).toBeVisible();

    // Training, on wasm: the worker, tfjs and the .wasm binary all come from the cache.
    await page.goto(`${SITE}/train/?backend=wasm&batch=2`);
    await expect(page.getByTestId("backend-badge")).toHaveAttribute("data-backend", "wasm", {
      timeout: 60_000,
    });
    await page.getByRole("button", { name: "Step" }).click();
    await expect(page.getByTestId("run-b-step")).toHaveText("1", { timeout: 60_000 });
    // The service worker made the page cross-origin isolated (public/coi-headers.js): wasm runs
    // its multithreaded build, from the cache.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect(page.getByTestId("backend-reason")).toContainText("multithreaded wasm");

    // Embeds (any query string is served by the one cached page), with the recorded run.
    await page.goto(`${SITE}/embed/?chart=train-loss`);
    await expect(page.getByTestId("recorded-run-label")).toContainText("Recorded run");
    // Embeds are never isolated (an LMS page iframes them).
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await page.goto(`${SITE}/embed/?chart=loss-budget&ratio=100&controls=own`);
    await expect(page.locator('[data-chart="loss-budget"] [data-bar="loss-fl"]')).toBeVisible();

    // Your own model: the example file and the reading worker.
    await page.goto(`${SITE}/yours/`);
    await page.getByRole("button", { name: /fraud/i }).first().click();
    await expect(page.locator("figure[data-chart]").first()).toBeVisible({ timeout: 30_000 });
  });

  test("a new version waits, says so, and takes over only when the reader reloads", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const dir = deployCopy();
    const server = await serveStatic(dir, PORT, "127.0.0.1", { headers: HEADERS });
    try {
      await page.goto(`${SITE}/train/?backend=cpu`);
      await waitUntilSaved(page);
      await expect(page.getByTestId("update-notice")).toHaveCount(0);
      const first = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return r?.active?.scriptURL;
      });
      expect(first).toBe(`${SITE}/sw.js`);

      // A redeploy: a new service worker (byte-different). A navigation checks for it.
      writeFileSync(join(dir, "sw.js"), `${readFileSync(join(dir, "sw.js"), "utf8")}\n// v2\n`);
      await page.reload();
      const notice = page.getByTestId("update-notice");
      await expect(notice).toContainText("A new version of this site is ready.", {
        timeout: 30_000,
      });
      // Until the reader asks, this page keeps the old worker (nothing of two versions mixed).
      await page.evaluate(() => {
        (window as unknown as { __old: boolean }).__old = true;
      });
      expect(
        await page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          return r?.waiting !== null && r?.active !== null;
        }),
      ).toBe(true);
      const reload = notice.getByRole("button", { name: "Reload (training starts again)" });
      await reload.click();
      // The page reloaded into the new version: the marker is gone, nothing waits any more.
      await expect
        .poll(() =>
          page
            .evaluate(() => (window as unknown as { __old?: boolean }).__old ?? false)
            // While the reload is under way there is no page to ask: ask again.
            .catch(() => true),
        )
        .toBe(false);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId("update-notice")).toHaveCount(0);
      expect(
        await page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          return r?.waiting === null && navigator.serviceWorker.controller !== null;
        }),
      ).toBe(true);
    } finally {
      await stop(server);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe("a lazily loaded part that cannot be fetched", () => {
  test.use({
    expectedConsoleErrors: [/Failed to load resource|Failed to fetch dynamically imported module/],
  });

  test("the Share menu and a figure show a retry, and the rest of the page stays", async ({
    page,
  }) => {
    await page.route(/\/assets\/(ChartMenuPanel|AlphaBalancedFigure)-[\w-]+\.js$/, (route) =>
      route.abort("internetdisconnected"),
    );
    await page.goto("./");
    const failed = page.getByTestId("chunk-error");
    // Figure 2 failed: a message with a retry in its place (once the reader comes near it, when
    // its code is wanted); figure 1 and the text stay.
    await page.locator('[data-figure-slot="alpha-balanced"]').scrollIntoViewIfNeeded();
    await expect(failed.filter({ hasText: "Figure 2 (α-balancing" })).toBeVisible();
    await expect(page.locator('[data-chart="loss-vs-pt"] svg').first()).toBeVisible();
    await page.getByRole("button", { name: /^Share or export: Loss against/ }).click();
    const menuError = failed.filter({ hasText: "The Share menu could not be loaded" });
    await expect(menuError).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await page.unrouteAll();
    await menuError.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("button", { name: "Download data (CSV)" }).first()).toBeVisible();
    await failed.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator('[data-chart="alpha-balanced"] svg').first()).toBeVisible();
    await expect(failed).toHaveCount(0);
  });

  test("the training engine that cannot be fetched says so and starts on retry", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.route(/\/assets\/(train\.worker|session)-[\w-]+\.js$/, (route) =>
      route.abort("internetdisconnected"),
    );
    await page.goto("./train/?backend=cpu");
    const alert = page.getByTestId("session-error").filter({ hasText: "Training could not start" });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await page.unrouteAll();
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("backend-badge")).toHaveAttribute("data-backend", "cpu", {
      timeout: 60_000,
    });
    await expect(page.getByRole("button", { name: "Step" })).toBeEnabled();
  });
});
