/**
 * Dev only (issue 12): a sampled CPU profile of loading one page (`/` unless PATH) of one build at N× CPU throttling
 * (412×823): the page's long tasks, then the functions with the most self time and the time per
 * script. Build with `npx vite build --minify false --outDir DIR` for readable names.
 * Also the inclusive time of the page's own functions and components (React's chunk left out), the
 * native calls with the most self time and their callers, and with UNDER=name what the function
 * `name` spends its time in.
 * ALL=1 counts React's chunk as the page's own; CALLERS=fn prints what calls `fn` and which
 * components render inside it.
 * Usage: [UNDER=fn] [CALLERS=fn] [ALL=1] node scripts/dev/profile-load.mjs DIST_DIR [RATE=4] [PATH=/]
 *   (port 4799)
 */
import { chromium } from "@playwright/test";
import { findChromium } from "../chromium.mjs";
import { serveStatic } from "../serve-static.mjs";

const dir = process.argv[2],
  rate = Number(process.argv[3] ?? 4),
  path = process.argv[4] ?? "/";
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
await page.goto(`http://127.0.0.1:4799${path}`);
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
// Inclusive time of the page's own functions (each counted once per sample, however deep).
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const own = (n) =>
  process.env.ALL
    ? Boolean(n.callFrame.url)
    : n.callFrame.url && !/\/react-[\w-]+\.js$|node_modules/.test(n.callFrame.url);
const inclusive = new Map();
for (const [id, t] of counts) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const n = byId.get(at);
    if (!n.callFrame.functionName || !own(n)) continue;
    const k = `${n.callFrame.functionName} ${n.callFrame.url.split("/").pop()}`;
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + t / 1000);
  }
}
console.log("inclusive, components (capitalised names):");
for (const [k, v] of [...inclusive]
  .filter(([k]) => /^[A-Z]/.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 25))
  console.log(v.toFixed(1).padStart(8), k);
const under = process.env.UNDER;
if (under) {
  const kids = new Map();
  for (const [id, t] of counts) {
    let child;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at).callFrame.functionName === under) {
        const f = child
          ? byId.get(child).callFrame
          : { functionName: "(self)", url: "", lineNumber: 0 };
        const k = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
        kids.set(k, (kids.get(k) ?? 0) + t / 1000);
        break;
      }
      child = at;
    }
  }
  console.log(`under ${under}:`);
  for (const [k, v] of [...kids].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(v.toFixed(1).padStart(8), k);
}
const callersOf = process.env.CALLERS;
if (callersOf) {
  const chains = new Map();
  for (const [id, t] of counts) {
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at).callFrame);
    const i = stack.findIndex((f) => f.functionName === callersOf);
    if (i < 0) continue;
    const k = stack
      .slice(i + 1, i + 7)
      .map((f) => f.functionName || "(anon)")
      .join(" < ");
    chains.set(k, (chains.get(k) ?? 0) + t / 1000);
  }
  const inside = new Map();
  for (const [id, t] of counts) {
    const names = [];
    let found = false;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame;
      if (f.functionName === callersOf) {
        found = true;
        break;
      }
      if (/^[A-Z]/.test(f.functionName)) names.push(f.functionName);
    }
    if (!found) continue;
    for (const n of new Set(names)) inside.set(n, (inside.get(n) ?? 0) + t / 1000);
  }
  console.log(`components rendered inside ${callersOf}:`);
  for (const [k, v] of [...inside].sort((a, b) => b[1] - a[1]).slice(0, 10))
    console.log(v.toFixed(1).padStart(8), k);
  console.log(`callers of ${callersOf}:`);
  for (const [k, v] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(v.toFixed(1).padStart(8), k);
}
console.log("inclusive, the page's own functions:");
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(v.toFixed(1).padStart(8), k);
// Who calls the native functions with the most self time.
const callers = new Map();
for (const [id, t] of counts) {
  const n = byId.get(id);
  if (n.callFrame.url || /^\(/.test(n.callFrame.functionName)) continue;
  const chain = [];
  for (let at = parent.get(id); at !== undefined && chain.length < 4; at = parent.get(at)) {
    const f = byId.get(at).callFrame;
    chain.push(`${f.functionName || "(anon)"}@${f.url.split("/").pop()}:${f.lineNumber}`);
  }
  const k = `${n.callFrame.functionName} <- ${chain.join(" <- ")}`;
  callers.set(k, (callers.get(k) ?? 0) + t / 1000);
}
console.log("native callees by caller:");
for (const [k, v] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(v.toFixed(1).padStart(8), k);
// Total per url
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
