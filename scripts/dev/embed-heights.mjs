/**
 * The tallest each embed gets from 320 to 1200 px wide, with and without its own controls, at
 * the default state: what the chart catalogue's `height` / `controlsHeight` must cover.
 * Usage: npm run build && node scripts/dev/embed-heights.mjs
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../chromium.mjs";
import { serveStatic } from "../serve-static.mjs";

const IDS = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [
      "loss-vs-pt",
      "alpha-balanced",
      "down-weighting",
      "gradient",
      "loss-budget",
      "train-loss",
      "train-ap",
      "train-pr",
      "train-shares",
      "train-figure4",
      "train-heatmaps",
    ];
const server = await serveStatic("dist", 4398);
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage();
for (const id of IDS) {
  const tallest = {};
  for (const controls of ["none", "own"]) {
    let max = 0;
    for (const width of [320, 360, 480, 768, 1200]) {
      await page.setViewportSize({ width, height: 400 });
      await page.goto(`http://127.0.0.1:4398/embed/?chart=${id}&controls=${controls}`);
      await page
        .locator(`figure[data-chart="${id}"] svg, figure[data-chart="${id}"] canvas`)
        .first()
        .waitFor();
      await page.waitForTimeout(200);
      max = Math.max(max, await page.evaluate(() => document.documentElement.scrollHeight));
    }
    tallest[controls] = max;
  }
  console.log(
    `${id}: ${tallest.none} px; with controls ${tallest.own} px (+${tallest.own - tallest.none})`,
  );
}
await browser.close();
server.close();
