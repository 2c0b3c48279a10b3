/**
 * `npm run bench:ui`: the training page under load, in headless Chromium. Both runs train at
 * full speed for 20 s (backend `auto` unless BENCH_BACKEND is set) while the page records:
 *  - the main thread's long tasks (> 50 ms, PerformanceObserver "longtask"),
 *  - its frame rate (requestAnimationFrame callbacks per second),
 *  - the slider → paint latency of a chart on the same page (Figure 5's γ slider re-weights
 *    the live Figure 4), p50 / p95 of main-thread busy time as in `npm run bench`,
 *  - the steps/s each run reached.
 * Then the time to the story (bench/storyTime.ts), for each entry of BENCH_STORY_RATES (default
 * "1,4,4main"; "" skips it): a fresh page with the default pair, CPU throttling at that rate
 * (CDP Emulation.setCPUThrottlingRate), Play, and the seconds until both runs' held-out AP stay
 * within 0.02 of where they end at the default step budget (TOY_BUDGET, where Play pauses).
 * Chromium throttles pages only: its workers answer
 * "Operation is only supported for pages, not workers", so with the training worker the rate
 * slows the page, not the training; "main" (`?worker=0`) trains on the throttled page itself.
 * Prints the figures and writes bench-results/ui.json. No assertions: this is a benchmark.
 */
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { parseApCaption, timeToStory } from "../bench/storyTime.ts";
import { TOY_BUDGET } from "../src/experiment/recipes.ts";
import { TRAIN_SCHEMA } from "../src/state/train.ts";
import { CHROMIUM_ARGS, findChromium } from "./chromium.mjs";
import { readHeadersFile } from "./headers-file.mjs";
import { serveStatic } from "./serve-static.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BACKEND = process.env.BENCH_BACKEND ?? "auto";
const PORT = Number(process.env.BENCH_PORT ?? 4392);
const STORY_RATES = (process.env.BENCH_STORY_RATES ?? "1,4,4main")
  .split(",")
  .filter((r) => r.trim() !== "")
  .map((r) => ({
    rate: Number.parseFloat(r),
    main: r.endsWith("main"),
    inline: r.endsWith("inline"),
  }));
const STORY_TOLERANCE = 0.02;
/** The default step budget: where Play pauses on the training page (TOY_BUDGET). */
const BUDGET = {
  steps: Number(process.env.BENCH_BUDGET ?? TOY_BUDGET),
  from: process.env.BENCH_BUDGET ? "BENCH_BUDGET" : "TOY_BUDGET (src/experiment/recipes.ts)",
};

/** BENCH_DIST: serve an existing build (e.g. an older version's) instead of building this one. */
const DIST = process.env.BENCH_DIST ?? "dist";
if (!process.env.BENCH_DIST) execSync("npx vite build", { stdio: "ignore" });
// The deployed headers, so /train/ is cross-origin isolated as on a host that sends them.
const server = await serveStatic(DIST, PORT, "127.0.0.1", {
  headers: readHeadersFile(`${DIST}/_headers`),
});
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
await page.close();

/**
 * Throttle the page and its workers (each a CDP target of its own, reached through the page's
 * auto-attach): returns the worker URLs throttled and any error a worker answered.
 */
async function throttle(target, rate) {
  const cdp = await target.context().newCDPSession(target);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const workers = [];
  const answers = [];
  cdp.on("Target.receivedMessageFromTarget", ({ message }) => answers.push(JSON.parse(message)));
  cdp.on("Target.attachedToTarget", ({ sessionId, targetInfo }) => {
    if (targetInfo.type !== "worker") return;
    workers.push(targetInfo.url);
    const message = { id: 1, method: "Emulation.setCPUThrottlingRate", params: { rate } };
    void cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify(message) });
  });
  await cdp.send("Target.setAutoAttach", {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  await target.waitForTimeout(500);
  return { workers, errors: answers.filter((a) => a.error).map((a) => a.error.message) };
}

/**
 * One story run at `rate`× CPU throttling, training in the worker or (`main`) on the page, with
 * held-out evaluations in a second worker where the session can, or (`inline`) always on the
 * training thread.
 */
async function storyAt({ rate, main, inline }) {
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await p.goto(
    `http://127.0.0.1:${PORT}/train/?backend=${BACKEND}${main ? "&worker=0" : ""}${inline ? "&evalworker=0" : ""}`,
  );
  await p.getByRole("button", { name: "Play" }).waitFor();
  await p.locator('[data-backend]:not([data-backend=""])').waitFor({ timeout: 300_000 });
  const storyReason = await p.getByTestId("backend-reason").textContent();
  const evaluations = await p.getByTestId("backend-reason").getAttribute("data-evaluations");
  const throttled = await throttle(p, rate);
  await p.evaluate(() => {
    const w = window;
    w.__seen = [];
    w.__steps = [];
    const caption = document.querySelector('[data-testid="train-ap-caption"]');
    new MutationObserver(() =>
      w.__seen.push({ ms: performance.now() - w.__t0, text: caption.textContent }),
    ).observe(caption, { subtree: true, childList: true, characterData: true });
    const counter = document.querySelector('[data-testid="run-a-step"]');
    new MutationObserver(() =>
      w.__steps.push({
        ms: performance.now() - w.__t0,
        step: Number(counter.textContent.replace(/,/g, "")),
      }),
    ).observe(counter, { subtree: true, childList: true, characterData: true });
    w.__t0 = performance.now();
    [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Play").click();
  });
  const started = Date.now();
  let last = null;
  while (Date.now() - started < 1_800_000) {
    await p.waitForTimeout(1000);
    const texts = await p.evaluate(() => window.__seen.slice(-1));
    last = texts[0] ? parseApCaption(texts[0].text) : null;
    if (last && last.step >= BUDGET.steps) break;
  }
  // Play pauses by itself at the budget; pause here only if it is still running.
  const pause = p.getByRole("button", { name: "Pause" });
  if (await pause.isVisible()) await pause.click();
  const seen = (await p.evaluate(() => window.__seen))
    .map((r) => ({ ms: r.ms, ...parseApCaption(r.text) }))
    .filter((r) => Number.isFinite(r.step));
  // Several renders can show one evaluation: keep the first time each step was shown.
  const firstSeen = [...new Map(seen.reverse().map((r) => [r.step, r])).values()];
  const atBudget = firstSeen.find((r) => r.step === BUDGET.steps);
  const steps = await p.evaluate(() => window.__steps);
  await p.close();
  return {
    rate,
    thread: main ? "page" : "worker",
    workersThrottled: throttled.workers.length,
    throttleErrors: throttled.errors,
    reason: storyReason,
    budgetSeconds: atBudget ? +(atBudget.ms / 1000).toFixed(1) : null,
    evaluations: evaluations || "training thread",
    stepTimes: stepTimesOf(steps, BUDGET.steps),
    story: timeToStory(firstSeen, BUDGET.steps, STORY_TOLERANCE),
    evaluationsSeen: firstSeen.length,
  };
}

/**
 * From the step counter of run A as the page showed it: the milliseconds per step from Play to
 * the budget step, and the median milliseconds per step over the intervals between two shown counts
 * (the session posts every 5 steps; an interval holding an evaluation on the training thread
 * is one of the longest, so the median is the pace of training between evaluations).
 */
function stepTimesOf(steps, budget) {
  const firstAt = new Map();
  for (const s of steps) if (!firstAt.has(s.step)) firstAt.set(s.step, s.ms);
  const points = [...firstAt.entries()].sort((a, b) => a[0] - b[0]);
  const perStep = [];
  for (let i = 1; i < points.length; i++) {
    const [s0, t0] = points[i - 1];
    const [s1, t1] = points[i];
    if (s1 > s0 && s1 <= budget) perStep.push((t1 - t0) / (s1 - s0));
  }
  perStep.sort((a, b) => a - b);
  const median = perStep.length ? perStep[Math.floor(perStep.length / 2)] : null;
  const atBudget = firstAt.get(budget) ?? null;
  return {
    intervals: perStep.length,
    medianMsPerStep: median === null ? null : +median.toFixed(1),
    msPerStepToBudget: atBudget === null ? null : +(atBudget / budget).toFixed(1),
  };
}

const stories = [];
for (const entry of STORY_RATES) stories.push(await storyAt(entry));
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
  timeToStory: {
    budget: BUDGET,
    tolerance: STORY_TOLERANCE,
    pair: {
      a: `${TRAIN_SCHEMA.aLoss.default} (α ${TRAIN_SCHEMA.aAlpha.default})`,
      b: `${TRAIN_SCHEMA.bLoss.default} (γ ${TRAIN_SCHEMA.bGamma.default}, α ${TRAIN_SCHEMA.bAlpha.default})`,
      imbalance: TRAIN_SCHEMA.imbalance.default,
    },
    runs: stories,
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
const t = out.timeToStory;
if (stories.length > 0)
  console.log(
    `Time to the story: default pair A ${t.pair.a} vs B ${t.pair.b} at 1:${t.pair.imbalance}, budget ${BUDGET.steps} steps (from ${BUDGET.from}), AP within ${STORY_TOLERANCE} of its value at the budget`,
  );
for (const r of stories) {
  const s = r.story;
  console.log(
    `  CPU ${r.rate}×, training on the ${r.thread}, evaluations on the ${r.evaluations}${r.thread === "worker" && r.rate !== 1 ? ` (not throttled: ${r.throttleErrors[0] ?? "no error"})` : ""}: ${s ? `${s.seconds.toFixed(1)} s after Play (step ${s.step}; AP at the budget A ${s.finalA}, B ${s.finalB})` : "no evaluation at the budget seen"}; budget reached after ${r.budgetSeconds ?? "?"} s; ${r.stepTimes.msPerStepToBudget ?? "?"} ms per step of both runs to the budget, median ${r.stepTimes.medianMsPerStep ?? "?"} ms between shown counts (${r.stepTimes.intervals} intervals)`,
  );
}
