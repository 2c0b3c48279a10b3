/**
 * Dev only (issue 12): a sampled CPU profile of loading `/` of one build at N× CPU throttling
 * (412×823): the page's long tasks, then the functions with the most self time and the time per
 * script. Build with `npx vite build --minify false --outDir DIR` for readable names.
 * Usage: node scripts/dev/profile-load.mjs DIST_DIR [RATE=4]   (port 4799)
 */
import { chromium } from "@playwright/test";
import { findChromium } from "../chromium.mjs";
import { serveStatic } from "../serve-static.mjs";

const dir = process.argv[2],
  rate = Number(process.argv[3] ?? 4);
const server = await serveStatic(dir, 4799);
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: ["--no-sandbox"],
});
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate });
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries())
      window.__long.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: "longtask", buffered: true });
});
await cdp.send("Profiler.start");
await page.goto("http://127.0.0.1:4799/");
await page.waitForTimeout(8000);
const { profile } = await cdp.send("Profiler.stop");
console.log("long tasks", JSON.stringify(await page.evaluate(() => window.__long)));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, t] of counts) {
  const n = byId.get(id);
  const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + t / 1000);
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
for (const [k, v] of top) console.log(v.toFixed(1).padStart(8), k);
// inclusive by top-level function of interest: total per url
const perUrl = new Map();
for (const [id, t] of counts) {
  const u = byId.get(id).callFrame.url.split("/").pop() || "(native)";
  perUrl.set(u, (perUrl.get(u) ?? 0) + t / 1000);
}
console.log(
  [...perUrl]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([u, v]) => `${u} ${v.toFixed(0)}`)
    .join("\n"),
);
await browser.close();
server.close?.();
process.exit(0);
