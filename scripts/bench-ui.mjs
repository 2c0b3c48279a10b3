/**
 * `npm run bench:ui`: the training page under load, in headless Chromium. Both runs train at
 * full speed for 20 s (backend `auto` unless BENCH_BACKEND is set) while the page records:
 *  - the main thread's long tasks (> 50 ms, PerformanceObserver "longtask"),
 *  - its frame rate (requestAnimationFrame callbacks per second),
 *  - the slider → paint latency of a chart on the same page (Figure 5's γ slider re-weights
 *    the live Figure 4), p50 / p95 of main-thread busy time as in `npm run bench`,
 *  - the steps/s each run reached.
 * Prints the figures and writes bench-results/ui.json. No assertions: this is a benchmark.
 */
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium.mjs";
import { serveStatic } from "./serve-static.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BACKEND = process.env.BENCH_BACKEND ?? "auto";
const PORT = 4392;

execSync("npx vite build", { stdio: "ignore" });
const server = await serveStatic("dist", PORT);
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`http://127.0.0.1:${PORT}/train/?backend=${BACKEND}`);
await page.getByRole("button", { name: "Play" }).waitFor();
await page.locator('[data-backend]:not([data-backend=""])').waitFor({ timeout: 120_000 });
await page
  .locator('[data-chart="train-figure4"]')
  .evaluate((el) => el.scrollIntoView({ block: "center" }));
const backend = await page.getByTestId("backend-badge").textContent();
const reason = await page.getByTestId("backend-reason").textContent();
const stepsAt = () =>
  page.evaluate(() =>
    ["a", "b"].map((id) =>
      Number(
        document.querySelector(`[data-testid="run-${id}-step"]`)?.textContent?.replace(/,/g, "") ??
          0,
      ),
    ),
  );

await page.evaluate(() => {
  const w = window;
  w.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push(e.duration);
  }).observe({ type: "longtask" });
});
await page.getByRole("button", { name: "Play" }).click();
await page.waitForTimeout(3000); // let the first evaluations land
const before = await stepsAt();
const result = await page.evaluate(async (seconds) => {
  const w = window;
  w.__long = [];
  const input = document.querySelector('[data-chart="train-figure4"] input[type="range"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  const nextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const start = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve([start, performance.now()]);
        channel.port2.postMessage(0);
      }),
    );
  let frames = 0;
  let counting = true;
  const tick = () => {
    frames += 1;
    if (counting) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const latencies = [];
  const t0 = performance.now();
  let i = 0;
  while (performance.now() - t0 < seconds * 1000) {
    await new Promise((r) => setTimeout(r, 200));
    const start = performance.now();
    setValue.call(input, String(((i++ * 7) % 50) / 10));
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const handled = performance.now();
    const [frameStart, painted] = await nextPaint();
    latencies.push(handled - start + (painted - frameStart));
  }
  counting = false;
  const elapsed = (performance.now() - t0) / 1000;
  return { fps: frames / elapsed, longTasks: w.__long.slice(), latencies, elapsed };
}, SECONDS);
const after = await stepsAt();
await browser.close();
server.close();

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : null;
};
const out = {
  date: new Date().toISOString(),
  seconds: +result.elapsed.toFixed(1),
  backend,
  reason,
  stepsPerSecond: {
    a: +((after[0] - before[0]) / result.elapsed).toFixed(2),
    b: +((after[1] - before[1]) / result.elapsed).toFixed(2),
  },
  longTasks: {
    count: result.longTasks.length,
    maxMs: result.longTasks.length ? Math.max(...result.longTasks) : 0,
  },
  fps: +result.fps.toFixed(1),
  sliderToPaintMs: {
    inputs: result.latencies.length,
    p50: +quantile(result.latencies, 0.5).toFixed(2),
    p95: +quantile(result.latencies, 0.95).toFixed(2),
  },
};
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/ui.json", `${JSON.stringify(out, null, 2)}\n`);
console.log(`Training page under load (${out.seconds} s, backend ${backend})`);
console.log(`  ${reason}`);
console.log(`  steps/s: A ${out.stepsPerSecond.a}, B ${out.stepsPerSecond.b}`);
console.log(
  `  main-thread long tasks (> 50 ms): ${out.longTasks.count}${out.longTasks.count ? ` (longest ${out.longTasks.maxMs.toFixed(0)} ms)` : ""}  [goal: none]`,
);
console.log(`  frame rate: ${out.fps} fps  [goal ≥ 55]`);
console.log(
  `  Figure 4 γ slider → painted chart (busy time), ${out.sliderToPaintMs.inputs} inputs: p50 ${out.sliderToPaintMs.p50} ms, p95 ${out.sliderToPaintMs.p95} ms`,
);
