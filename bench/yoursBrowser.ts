/**
 * The browser half of bench/yours.ts: headless Chromium reads a file on the "Your own model"
 * page of the production build, in the page's Web Worker, while this script records
 *  - the time from choosing the file to the drawn result (rows/s),
 *  - the main thread's long tasks (> 50 ms, PerformanceObserver "longtask") and frames per
 *    second (requestAnimationFrame) during the read,
 *  - the peak growth of the summed RSS of Chromium's processes (sampled every 200 ms from /proc).
 */
import { execSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../scripts/chromium.mjs";
import { serveStatic } from "../scripts/serve-static.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 4396);
let built = false;

/** RSS in bytes of the process tree under the process whose command line contains `marker`. */
function treeRss(marker: string): number {
  const procs = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  const info = new Map<number, { ppid: number; rss: number; cmd: string }>();
  for (const pid of procs) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      info.set(Number(pid), { ppid: Number(fields[1]), rss: Number(fields[21]) * 4096, cmd });
    } catch {
      // the process ended while we looked
    }
  }
  const roots = [...info].filter(
    ([, p]) => p.cmd.includes(marker) && !info.get(p.ppid)?.cmd.includes(marker),
  );
  let total = 0;
  const stack = roots.map(([pid]) => pid);
  while (stack.length) {
    const pid = stack.pop() as number;
    total += info.get(pid)?.rss ?? 0;
    for (const [child, p] of info) if (p.ppid === pid) stack.push(child);
  }
  return total;
}

export async function browserRun(path: string) {
  if (!built) {
    execSync("npx vite build", { stdio: "ignore" });
    built = true;
  }
  const server = await serveStatic("dist", PORT);
  const profile = mkdtempSync(join(tmpdir(), "bench-yours-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: await findChromium(),
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${PORT}/yours/`);
    await page.getByTestId("imbalance").waitFor({ timeout: 60_000 });
    // A string, not a function: tsx's name helpers do not exist in the page.
    await page.evaluate(`(() => {
      window.__long = [];
      window.__frames = 0;
      window.__counting = true;
      window.__longAt = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) { window.__long.push(e.duration); window.__longAt.push(Math.round(e.startTime - window.__t0)); }
      }).observe({ type: "longtask" });
      window.__t0 = performance.now();
      new MutationObserver(() => { const h = document.querySelector('[data-testid="data-summary"] h2'); if (h && !window.__doneAt && h.textContent.startsWith("bench")) window.__doneAt = Math.round(performance.now() - window.__t0); }).observe(document.body, { subtree: true, childList: true, characterData: true });
      const tick = () => {
        window.__frames++;
        if (window.__counting) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const baseline = treeRss(profile);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeRss(profile));
    }, 200);
    const name = path.split("/").pop() ?? "";
    const started = Date.now();
    await page.locator('input[type="file"]').setInputFiles(path);
    await page
      .locator('[data-testid="data-summary"] h2', { hasText: name })
      .waitFor({ timeout: 600_000 });
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const result = (await page.evaluate(`(() => {
      window.__counting = false;
      return {
        longTasks: window.__long.slice(),
        debug: { at: window.__longAt, done: window.__doneAt },
        frames: window.__frames,
        imbalance: document.querySelector('[data-testid="imbalance"]')?.textContent ?? "",
      };
    })()`)) as {
      longTasks: number[];
      frames: number;
      imbalance: string;
      debug: { at: number[]; done: number };
    };
    if (process.env.BENCH_DEBUG) console.error(JSON.stringify(result.debug), result.longTasks);
    // Tasks that end before the result is drawn happened while reading; the rest drew it.
    const ends = result.longTasks.map((d, i) => (result.debug.at[i] ?? 0) + d);
    const whileReading = result.longTasks.filter((_, i) => (ends[i] ?? 0) < result.debug.done - 5);
    const drawing = result.longTasks.filter((_, i) => (ends[i] ?? 0) >= result.debug.done - 5);
    const rows = Number(result.imbalance.match(/^([\d,]+) examples/)?.[1]?.replace(/,/g, "") ?? 0);
    return {
      rows,
      seconds: +seconds.toFixed(2),
      rowsPerSecond: Math.round(rows / seconds),
      longTasks: {
        count: whileReading.length,
        maxMs: whileReading.length ? Math.round(Math.max(...whileReading)) : 0,
      },
      longTasksDrawingResult: {
        count: drawing.length,
        maxMs: drawing.length ? Math.round(Math.max(...drawing)) : 0,
      },
      fps: +(result.frames / seconds).toFixed(1),
      peakRssGrowthMiB: +((peak - baseline) / 2 ** 20).toFixed(0),
    };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
