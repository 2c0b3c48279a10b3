/**
 * Dev only (issue 12): where the main thread's time goes from navigation to first contentful
 * paint, per build. Loads `/` of each build directory twice (412×823, unthrottled) with a
 * Chromium trace and sums ParseHTML, style (UpdateLayoutTree), Layout, Paint… before FCP.
 * Usage: node scripts/dev/trace-load.mjs DIST_DIR [DIST_DIR…]   (ports 4780 and up)
 */
import { chromium } from "@playwright/test";
import { findChromium } from "../chromium.mjs";
import { serveStatic } from "../serve-static.mjs";

const dirs = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: await findChromium() });
let port = 4780;
for (const d of dirs) serveStatic(d, port++);
for (let round = 0; round < 2; round++)
  for (const [i, d] of dirs.entries()) {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "blink.user_timing", "loading"],
    });
    await page.goto(`http://127.0.0.1:${4780 + i}/`);
    await page.waitForTimeout(2500);
    const buf = await browser.stopTracing();
    const { traceEvents } = JSON.parse(buf.toString());
    const nav = traceEvents.find(
      (e) => e.name === "navigationStart" || e.name === "NavigationStart",
    );
    const fcp = traceEvents.find((e) => e.name === "firstContentfulPaint");
    const t0 = nav?.ts ?? 0,
      tf = fcp?.ts ?? Infinity;
    const sums = {};
    for (const e of traceEvents) {
      if (e.ph !== "X" || !e.dur || e.ts < t0 || e.ts > tf) continue;
      if (
        ![
          "ParseHTML",
          "UpdateLayoutTree",
          "Layout",
          "Paint",
          "PrePaint",
          "Layerize",
          "EvaluateScript",
          "v8.compile",
          "FunctionCall",
          "ParseAuthorStyleSheet",
          "ScheduleStyleRecalculation",
          "RunTask",
          "HitTest",
          "PaintImage",
          "Commit",
        ].includes(e.name)
      )
        continue;
      sums[e.name] = (sums[e.name] ?? 0) + e.dur / 1000;
    }
    console.log(
      d,
      "FCP",
      fcp ? ((tf - t0) / 1000).toFixed(0) : "?",
      "ms",
      Object.entries(sums)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(", "),
    );
    await page.close();
  }
await browser.close();
process.exit(0);
