/**
 * Dev only (issue 12): the long tasks (> 50 ms) of loading one page of one build at N× CPU
 * throttling (412×823), each with what it spent its time on (style, layout, parse, script by
 * file), from a Chromium trace of the main thread.
 * Usage: node scripts/dev/trace-tasks.mjs DIST_DIR [PATH=/] [RATE=4] [WAIT_MS=8000]  (port 4798)
 */
import { chromium } from "@playwright/test";
import { findChromium } from "../chromium.mjs";
import { serveStatic } from "../serve-static.mjs";

const [dir, path = "/", rateArg = "4", waitArg = "8000"] = process.argv.slice(2);
const server = await serveStatic(dir, 4798);
const browser = await chromium.launch({ executablePath: await findChromium() });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(rateArg) });
await browser.startTracing(page, {
  categories: [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "loading",
    "toplevel",
    "v8",
  ],
});
await page.goto(`http://127.0.0.1:4798${path}`);
await page.waitForTimeout(Number(waitArg));
const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
await browser.close();
server.close();

// The page's renderer main thread: the CrRendererMain with the most task time.
const busy = new Map();
for (const e of traceEvents)
  if (e.name === "RunTask" && e.dur)
    busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
const main = traceEvents
  .filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")
  .sort((a, b) => (busy.get(`${b.pid}:${b.tid}`) ?? 0) - (busy.get(`${a.pid}:${a.tid}`) ?? 0))[0];
const onMain = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
// Times from the first task on the page's main thread (about when navigation committed).
const nav = { ts: Math.min(...onMain.map((e) => e.ts)) };
const tasks = onMain.filter((e) => e.name === "RunTask" && e.dur > 50_000);
// Blocking time as Lighthouse counts it (each task's time beyond 50 ms), here throttled by CDP.
const blocking = tasks.reduce((sum, t) => sum + Math.max(0, t.dur / 1000 - 50), 0);
const total = (name) => onMain.filter((e) => e.name === name).reduce((s, e) => s + e.dur / 1000, 0);
console.log(
  `in ${waitArg} ms: layout ${total("Layout").toFixed(0)} ms (${onMain.filter((e) => e.name === "Layout").length}×), style ${total("UpdateLayoutTree").toFixed(0)} ms, paint ${total("Paint").toFixed(0)} ms; long tasks (blocking ${blocking.toFixed(0)} ms):`,
);
const kinds = {
  UpdateLayoutTree: "style",
  Layout: "layout",
  ParseHTML: "parse",
  Paint: "paint",
  PrePaint: "paint",
  MajorGC: "gc",
  MinorGC: "gc",
  EvaluateScript: "script",
  FunctionCall: "script",
  "v8.compile": "compile",
  "v8.compileModule": "compile",
  "v8.evaluateModule": "script",
  TimerFire: "script",
  FireAnimationFrame: "script",
  EventDispatch: "script",
};
for (const t of tasks) {
  const end = t.ts + t.dur;
  const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= end);
  // Top-level children of known kinds only (nested ones are counted in their parent).
  const sums = {};
  let covered = [];
  for (const e of inside.sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const kind = kinds[e.name];
    if (!kind) continue;
    if (covered.some(([s, f]) => e.ts >= s && e.ts + e.dur <= f)) continue;
    covered.push([e.ts, e.ts + e.dur]);
    const url = e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? "";
    const key = kind === "script" ? `script ${url.split("/").pop() || e.name}` : kind;
    sums[key] = (sums[key] ?? 0) + e.dur / 1000;
  }
  const top = Object.entries(sums)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(", ");
  console.log(
    `${((t.ts - nav.ts) / 1000).toFixed(0).padStart(6)} ms +${(t.dur / 1000).toFixed(0).padStart(4)} ms  ${top}`,
  );
}
if (tasks.length === 0)
  console.log(
    "no long tasks;",
    onMain.filter((e) => e.name === "RunTask").length,
    "tasks on",
    main?.args?.name,
    main?.pid,
    main?.tid,
  );
