import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/chromium.mjs";

/** E2E_PORT lets two checkouts run their e2e suites side by side. */
const PORT = Number(process.env.E2E_PORT ?? 4317);
const executablePath = await findChromium();

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  // Two cores and a software GPU: run specs one at a time.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Each test starts from a fresh network state: the site's service worker would otherwise
    // precache the whole site in the background of every test. e2e/offline.spec.ts allows it.
    serviceWorkers: "block",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  webServer: {
    // The deployed headers (public/_headers): every journey runs under the site's strict CSP.
    command: `node scripts/serve-static.mjs dist ${PORT} --headers public/_headers`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
  },
});
