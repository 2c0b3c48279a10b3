/**
 * `npm run bench`: build, then print
 *  1. the gzip size of the JavaScript the explainer loads before first paint (the entry script
 *     and its modulepreloads in dist/index.html), and whether tfjs is in it;
 *  2. slider → painted chart latency in headless Chromium over 200 γ inputs, with figure 1 in
 *     view: p50 / p95 of the main thread's busy time from dispatching the input event to the end
 *     of the frame that paints it (handler + React render, then the frame's style, layout and
 *     paint from its requestAnimationFrame to a task queued behind it), and, for reference, the
 *     wall time including the idle wait for the next display frame (bound to ~16.7 ms vsync).
 * Figures go to stdout and bench-results/explainer.json. No assertions: this is a benchmark.
 */
import { execSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium.mjs";
import { serveStatic } from "./serve-static.mjs";

const INPUTS = 200;
const PORT = 4391;

execSync("npx vite build", { stdio: "ignore" });

// 1. What the explainer loads before first paint.
const html = readFileSync("dist/index.html", "utf8");
const scripts = [
  ...html.matchAll(
    /<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+)"/g,
  ),
].map((m) => m[1]);
let gzipBytes = 0;
let rawBytes = 0;
let hasTfjs = false;
for (const file of scripts) {
  const buf = readFileSync(join("dist", file));
  rawBytes += buf.length;
  gzipBytes += gzipSync(buf, { level: 9 }).length;
  if (/tfjs|tensorflow|webgl2?RenderingContext.*backend/i.test(buf.toString())) hasTfjs = true;
}

// 2. Slider → paint latency.
const server = await serveStatic("dist", PORT);
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`http://127.0.0.1:${PORT}/`);
await page.locator('[data-chart="loss-budget"] svg').first().waitFor();
// Watch figure 1 while dragging γ, as a reader would (the sticky γ slider stays in view).
await page
  .locator('[data-chart="loss-vs-pt"]')
  .evaluate((el) => el.scrollIntoView({ block: "center" }));
const samples = await page.evaluate(async (n) => {
  const input = document.querySelector('[data-testid="gamma-slider"] input[type="range"]');
  const path = document.querySelector('[data-chart="loss-vs-pt"] path[data-series="fl"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  /** Resolves after the next frame's rendering: [frame start, frame painted]. */
  const nextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const frameStart = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve([frameStart, performance.now()]);
        channel.port2.postMessage(0);
      }),
    );
  const out = [];
  let unchanged = 0;
  for (let i = 0; i < n; i++) {
    await nextPaint();
    await new Promise((r) => setTimeout(r, 0));
    const before = path.getAttribute("d");
    const t0 = performance.now();
    setValue.call(input, String(0.5 + ((i * 37) % 400) / 100));
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const handled = performance.now();
    const [frameStart, painted] = await nextPaint();
    if (path.getAttribute("d") === before) unchanged += 1;
    out.push({
      busy: handled - t0 + (painted - frameStart),
      wall: painted - t0,
      handler: handled - t0,
    });
  }
  return { out, unchanged };
}, INPUTS);
await browser.close();
server.close();

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const busy = samples.out.map((s) => s.busy);
const walls = samples.out.map((s) => s.wall);
const handlers = samples.out.map((s) => s.handler);
const result = {
  date: new Date().toISOString(),
  firstLoad: {
    files: scripts,
    rawBytes,
    gzipBytes,
    gzipKB: +(gzipBytes / 1000).toFixed(1),
    hasTfjs,
  },
  sliderToPaintMs: {
    inputs: INPUTS,
    p50: +quantile(busy, 0.5).toFixed(2),
    p95: +quantile(busy, 0.95).toFixed(2),
    wallP50: +quantile(walls, 0.5).toFixed(2),
    wallP95: +quantile(walls, 0.95).toFixed(2),
    handlerP50: +quantile(handlers, 0.5).toFixed(2),
    handlerP95: +quantile(handlers, 0.95).toFixed(2),
    inputsThatDidNotChangeTheChart: samples.unchanged,
  },
};
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/explainer.json", `${JSON.stringify(result, null, 2)}\n`);
console.log("Explainer benchmark");
console.log(
  `  first-load JS (gzip -9): ${result.firstLoad.gzipKB} kB in ${scripts.length} file(s)  [goal ≤ 100 kB]  tfjs in it: ${hasTfjs ? "YES" : "no"}`,
);
console.log(
  `  slider input → painted chart (main-thread busy time), ${INPUTS} inputs: p50 ${result.sliderToPaintMs.p50} ms, p95 ${result.sliderToPaintMs.p95} ms  [goal p95 ≤ 8 ms]`,
);
console.log(
  `    of which the input handler + React render: p50 ${result.sliderToPaintMs.handlerP50} ms, p95 ${result.sliderToPaintMs.handlerP95} ms`,
);
console.log(
  `    wall time incl. the idle wait for the next vsync frame: p50 ${result.sliderToPaintMs.wallP50} ms, p95 ${result.sliderToPaintMs.wallP95} ms`,
);
console.log(`    inputs that did not change the chart: ${samples.unchanged}`);
