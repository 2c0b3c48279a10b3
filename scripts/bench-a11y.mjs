/**
 * `npm run bench:a11y`: accessibility figures of a built site, for docs/accessibility.md.
 *  1. axe-core (WCAG 2.1 A/AA tags) over a fixed list of page states (light and dark, 360 and
 *     1280 px, data tables and menus open, a lesson, embeds, /train/ before and while training,
 *     /yours/ with an example read): violations per state and rule.
 *  2. Lighthouse 12.2.3 (`npx -y lighthouse@12.2.3`, not a devDependency, so that `npm ci` does
 *     not install it; 13.x needs Node 22) on each page: accessibility, best-practices and SEO.
 * Usage: node scripts/bench-a11y.mjs [DIR=dist] [--no-lighthouse] [--no-axe]
 * Builds nothing: run `npx vite build` first. Writes bench-results/a11y-<DIR>.json.
 * No assertions (the gate is the e2e suite); this prints figures.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium.mjs";
import { runLighthouse } from "./lighthouse.mjs";
import { serveStatic } from "./serve-static.mjs";

const args = process.argv.slice(2);
const DIR = args.find((a) => !a.startsWith("--")) ?? "dist";
const LABEL = basename(DIR);
const PORT = Number(process.env.BENCH_PORT ?? 4396);
const BASE = `http://127.0.0.1:${PORT}`;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Open every figure's data table (closed <details> in figures). */
async function openTables(page) {
  const closed = page.locator("figure details:not([open]) > summary");
  for (let n = await closed.count(); n > 0; n = await closed.count()) {
    await closed.first().scrollIntoViewIfNeeded();
    await closed.first().click();
  }
}

async function waitForFigures(page) {
  await page.locator("figure[data-chart] svg").first().waitFor();
  // Figures below the fold load just after first paint.
  await page.waitForTimeout(500);
}

/** Every state: [name, path, { scheme, width, act }]. */
const STATES = [
  ["explainer light 1280", "/", { width: 1280 }],
  ["explainer dark 1280", "/", { width: 1280, scheme: "dark" }],
  ["explainer light 360", "/", { width: 360 }],
  ["explainer dark 360", "/", { width: 360, scheme: "dark" }],
  ["explainer data tables open", "/", { width: 1280, act: openTables }],
  [
    "explainer Share menu open (dark)",
    "/",
    {
      width: 1280,
      scheme: "dark",
      act: async (page) => {
        await page
          .getByRole("button", { name: /^Share or export/ })
          .first()
          .click();
        await page.locator('[id$="-menu"]').first().waitFor();
      },
    },
  ],
  ["lesson: predict first", "/?predict=downweight", { width: 1280 }],
  ["lesson: figures only", "/?hide=text,controls", { width: 360 }],
  ["train before training", "/train/?backend=wasm&batch=2", { width: 1280 }],
  ["train dark 360", "/train/?backend=wasm&batch=2", { width: 360, scheme: "dark" }],
  [
    "train while training (dark)",
    "/train/?backend=wasm&batch=2",
    {
      width: 1280,
      scheme: "dark",
      act: async (page) => {
        const play = page.getByRole("button", { name: "Play" });
        await play.waitFor();
        await page.waitForFunction(
          () => !document.querySelector("button[disabled]")?.textContent?.includes("Play"),
          null,
          { timeout: 60_000 },
        );
        await play.click();
        await page.waitForTimeout(3000);
      },
    },
  ],
  ["train data tables open", "/train/?backend=wasm&batch=2", { width: 1280, act: openTables }],
  ["embed loss-vs-pt", "/embed/?chart=loss-vs-pt&controls=own", { width: 700 }],
  ["embed loss-budget dark", "/embed/?chart=loss-budget&theme=dark&controls=own", { width: 360 }],
  ["embed train-heatmaps", "/embed/?chart=train-heatmaps", { width: 700 }],
  ["embed unknown chart", "/embed/?chart=nope", { width: 700 }],
  ["yours light", "/yours/", { width: 1280 }],
  [
    "yours example read (dark 360)",
    "/yours/",
    {
      width: 360,
      scheme: "dark",
      act: async (page) => {
        await page.getByRole("button", { name: /fraud/i }).first().click();
        await page.locator("figure[data-chart]").first().waitFor({ timeout: 30_000 });
        await page.waitForTimeout(500);
      },
    },
  ],
];

async function axeAll(browser) {
  const results = [];
  for (const [name, path, opts] of STATES) {
    const context = await browser.newContext({
      viewport: { width: opts.width, height: 900 },
      colorScheme: opts.scheme ?? "light",
      serviceWorkers: "block",
    });
    const page = await context.newPage();
    try {
      await page.goto(`${BASE}${path}`);
      if (path.startsWith("/embed/")) await page.locator("#root > *").first().waitFor();
      else if (!path.startsWith("/yours/") && !path.includes("predict="))
        await waitForFigures(page);
      if (opts.act) await opts.act(page);
      const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const rules = r.violations.map((v) => `${v.id} (${v.nodes.length})`);
      results.push({ name, path, violations: r.violations.length, rules });
      console.log(
        `${r.violations.length === 0 ? "pass" : "FAIL"}  ${name}: ${rules.join(", ") || "no violations"}`,
      );
    } catch (e) {
      results.push({ name, path, error: String(e).split("\n")[0] });
      console.log(`ERROR ${name}: ${String(e).split("\n")[0]}`);
    }
    await context.close();
  }
  const failing = results.filter((r) => r.violations !== 0).length;
  console.log(`axe: ${failing} of ${results.length} states fail`);
  return results;
}

async function lighthouseAll(executablePath) {
  const pages = ["/", "/train/", "/yours/", "/embed/?chart=loss-vs-pt"];
  const out = [];
  for (const path of pages) {
    const file = `bench-results/lighthouse/${LABEL}${path.replace(/[^a-z]+/g, "_")}.json`;
    const report = await runLighthouse({
      url: `${BASE}${path}`,
      file,
      executablePath,
      stdout: "inherit",
      args: [
        "--only-categories=accessibility,best-practices,seo",
        // The screenshot of the whole long explainer feeds no score of these three categories.
        "--disable-full-page-screenshot",
        "--max-wait-for-load=30000",
      ],
    });
    if (report === null) {
      out.push({ path, error: "lighthouse failed" });
      continue;
    }
    const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
    const failed = Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
      .map((a) => a.id);
    const row = {
      path,
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      failedAudits: failed,
    };
    out.push(row);
    console.log(
      `lighthouse ${path}: accessibility ${row.accessibility}, best-practices ${row.bestPractices}, SEO ${row.seo}${failed.length ? ` (failed: ${failed.join(", ")})` : ""}`,
    );
  }
  return out;
}

const executablePath = await findChromium();
const server = await serveStatic(DIR, PORT);
const report = { dir: DIR, date: new Date().toISOString() };
if (!args.includes("--no-axe")) {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  report.axe = await axeAll(browser);
  await browser.close();
}
if (!args.includes("--no-lighthouse")) report.lighthouse = await lighthouseAll(executablePath);
server.close();
mkdirSync("bench-results", { recursive: true });
writeFileSync(`bench-results/a11y-${LABEL}.json`, JSON.stringify(report, null, 2));
