/**
 * `npm run bench`: page speed of the built site (issue 12). Builds, then prints
 *  1. for `/` and `/train/`: the JavaScript each page loads before it is interactive (its entry
 *     script and the modulepreloads in its HTML, gzip -9 and brotli), how much of it is React's
 *     own chunk and how much the site's code, whether any of it is tfjs (both from the bundle
 *     graph of the build, see build/bundleGraph.ts), all JS the page has loaded once idle (bytes
 *     on the wire from a compressing server), the HTML's size, and the DOM's element count once
 *     the page has settled (all elements; Lighthouse's dom-size counts those in <body>);
 *  2. slider → painted chart latency on `/` in headless Chromium over 200 γ inputs, with figure
 *     1 in view, unthrottled and at 4× CPU throttling (CDP Emulation.setCPUThrottlingRate):
 *     p50 / p95 of the main thread's busy time from dispatching the input event to the end of
 *     the frame that paints it (handler + React render, then the frame's style, layout and
 *     paint from its requestAnimationFrame to a task queued behind it), and, for reference, the
 *     wall time including the idle wait for the next display frame (bound to ~16.7 ms vsync);
 *  3. first paint on a slow phone, applied rather than simulated: Lighthouse's mobile settings set
 *     in this Chromium through CDP (562.5 ms per request, 1.47 Mbit/s down, CPU 4×, 412×823 at
 *     1.75×), a fresh context per load with a warm server: first contentful paint and LCP as the
 *     page reports them, and the load event; median of --runs loads (Lighthouse's simulation
 *     starts from a trace whose first paint this headless Chromium sometimes presents a second
 *     late: docs/benchmarks.md, "Fifth pass");
 *  4. Lighthouse 12.2.3 performance (its default: mobile, simulated throttling) for both pages on
 *     a static server that compresses (gzip/brotli), median of --runs runs (default 3): score,
 *     FCP, LCP, TBT, CLS, Speed Index, DOM size; and for each pass the unthrottled first paint
 *     its simulation started from and the host latency it assumed (the server's compression
 *     cache is filled first: warmCompression).
 * Usage: node scripts/bench-explainer.mjs [--no-build] [--no-lighthouse] [--runs N] [--dist DIR]
 *   --dist DIR: measure another build (implies --no-build), e.g. an older commit's, to compare
 *   side by side; the tfjs check and React's share then read this build's bundle graph, so
 *   they are only right where the files match (React's share reads 0 for an older build).
 * Port: BENCH_PORT (default 4391). Figures go to stdout and bench-results/explainer.json.
 * No assertions: this is a benchmark. The machine's load moves every timing; compare runs
 * made side by side.
 */
import { execSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium.mjs";
import { runLighthouse } from "./lighthouse.mjs";
import { serveStatic } from "./serve-static.mjs";

const args = process.argv.slice(2);
const INPUTS = 200;
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(args[args.indexOf("--runs") + 1] || 0) || 3;
const THROTTLE = 4;
const PAGES = [
  { path: "/", html: "index.html" },
  { path: "/train/", html: "train/index.html" },
];
const GRAPH = "node_modules/.cache/focal-loss-explorer/bundle-graph.json";

const DIST = args.includes("--dist") ? args[args.indexOf("--dist") + 1] : "dist";
if (!args.includes("--no-build") && DIST === "dist")
  execSync("npx vite build", { stdio: "ignore" });

const kB = (bytes) => +(bytes / 1000).toFixed(1);
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);

// 1a. What each page's HTML makes the browser load before the page can run.
const graph = JSON.parse(readFileSync(GRAPH, "utf8"));
const REACT = /^node_modules\/(react|react-dom|scheduler)\//;
function critical({ html }) {
  const text = readFileSync(join(DIST, html), "utf8");
  const dir = html.includes("/") ? html.slice(0, html.lastIndexOf("/") + 1) : "";
  const files = [
    ...text.matchAll(
      /<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g,
    ),
  ].map((m) => join(dir, m[1]).replace(/^\//, ""));
  let gzip = 0;
  let brotli = 0;
  let raw = 0;
  let reactGzip = 0;
  const tfjsModules = [];
  for (const file of files) {
    const buf = readFileSync(join(DIST, file));
    const fileGzip = gzipSync(buf, { level: 9 }).length;
    raw += buf.length;
    gzip += fileGzip;
    brotli += brotliCompressSync(buf).length;
    const node = graph.find((n) => n.file === file);
    for (const m of node?.modules ?? []) if (/@tensorflow/.test(m)) tfjsModules.push(m);
    // React's own chunk (vite.config.ts): nothing in it is the site's code.
    if (node?.modules.length && node.modules.every((m) => REACT.test(m))) reactGzip += fileGzip;
  }
  return {
    files,
    rawKB: kB(raw),
    gzipKB: kB(gzip),
    reactGzipKB: kB(reactGzip),
    ownGzipKB: kB(gzip - reactGzip),
    brotliKB: kB(brotli),
    tfjs: tfjsModules.length > 0,
    htmlKB: kB(Buffer.byteLength(text)),
    htmlGzipKB: kB(gzipSync(text, { level: 9 }).length),
  };
}

const server = await serveStatic(DIST, PORT, "127.0.0.1", { compress: true });
const executablePath = await findChromium();
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

// 1b. On a real load: DOM elements once settled, and every script fetched by then.
async function loaded({ path }) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  await page.goto(`${BASE}${path}`, { waitUntil: "load" });
  // Figures below the fold load just after first paint; give them time to hydrate.
  await page.waitForTimeout(3000);
  const out = await page.evaluate(() => {
    const scripts = performance
      .getEntriesByType("resource")
      .filter((r) => r.initiatorType === "script" || /\.m?js(\?|$)/.test(r.name));
    return {
      domElements: document.querySelectorAll("*").length,
      scripts: scripts.length,
      scriptWireKB: +(scripts.reduce((s, r) => s + r.encodedBodySize, 0) / 1000).toFixed(1),
      tfjsLoaded: scripts.some((r) => /tfjs|session-|train\.worker/.test(r.name)),
    };
  });
  await page.close();
  return out;
}

// 3. First paint under applied throttling (Lighthouse's mobile settings, applied by CDP).
const SLOW_PHONE = {
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
  cpu: 4,
};
async function appliedFirstPaint({ path }) {
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
      serviceWorkers: "block",
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: SLOW_PHONE.latency,
      downloadThroughput: SLOW_PHONE.downloadThroughput,
      uploadThroughput: SLOW_PHONE.uploadThroughput,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOW_PHONE.cpu });
    await page.addInitScript(() => {
      window.__lcp = -1;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__lcp = e.startTime;
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await page.goto(`${BASE}${path}`, { waitUntil: "load" });
    await page.waitForTimeout(1500);
    loads.push(
      await page.evaluate(() => ({
        fcpMs: Math.round(
          performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1,
        ),
        lcpMs: Math.round(window.__lcp),
        loadMs: Math.round(performance.getEntriesByType("navigation")[0].loadEventEnd),
      })),
    );
    await context.close();
  }
  const med = (k) => median(loads.map((l) => l[k]));
  return { loads, median: { fcpMs: med("fcpMs"), lcpMs: med("lcpMs"), loadMs: med("loadMs") } };
}

// 2. Slider → paint latency, at a CPU throttling rate.
async function sliderToPaint(rate) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${BASE}/`);
  await page.locator('[data-chart="loss-budget"] svg').first().waitFor();
  await page.waitForTimeout(1000);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
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
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await page.close();
  const pick = (k) => samples.out.map((s) => s[k]);
  const r2 = (x) => +x.toFixed(2);
  return {
    cpuThrottling: rate,
    inputs: INPUTS,
    p50: r2(quantile(pick("busy"), 0.5)),
    p95: r2(quantile(pick("busy"), 0.95)),
    handlerP50: r2(quantile(pick("handler"), 0.5)),
    handlerP95: r2(quantile(pick("handler"), 0.95)),
    wallP50: r2(quantile(pick("wall"), 0.5)),
    wallP95: r2(quantile(pick("wall"), 0.95)),
    inputsThatDidNotChangeTheChart: samples.unchanged,
  };
}

/**
 * Asks once for every file of the build, brotli-compressed, so that the server's compression
 * cache is full before Lighthouse runs. A file compressed on request, at brotli's highest level,
 * can hold its answer up to ~450 ms (the HTML of `/`), which Lighthouse reads as the host's
 * latency and adds to every simulated request: 77-87 ms per request in passes against a fresh
 * server, 1-13 ms warm. The page loads measured above already warm most of what Lighthouse
 * fetches; this makes sure of the rest. Real hosts compress ahead of time or cache.
 */
async function warmCompression(dir) {
  const files = (d) =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)],
    );
  for (const file of files(dir)) {
    const url = `${BASE}/${relative(dir, file).split(sep).map(encodeURIComponent).join("/")}`;
    const response = await fetch(url, { headers: { "accept-encoding": "br" } });
    if (!response.ok) throw new Error(`warming the server's cache: ${url} gave ${response.status}`);
    await response.arrayBuffer();
  }
}

// 4. Lighthouse performance, mobile, simulated throttling (its defaults).
async function lighthouse({ path }) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const file = `bench-results/lighthouse/perf${path.replace(/[^a-z]+/g, "_")}${i}.json`;
    const report = await runLighthouse({
      url: `${BASE}${path}`,
      file,
      executablePath,
      args: ["--only-categories=performance", "--max-wait-for-load=60000"],
    });
    if (report === null) {
      runs.push({ error: "lighthouse failed" });
      continue;
    }
    const value = (id) => report.audits[id]?.numericValue ?? null;
    const observed = report.audits.metrics?.details?.items?.[0] ?? {};
    runs.push({
      // What the page did unthrottled, which the simulation starts from: see docs/benchmarks.md
      // ("Lighthouse's own first paint") for why this moves between runs of one build.
      observedFcpMs: Math.round(observed.observedFirstContentfulPaint ?? -1),
      serverLatencyMs: Math.round(
        report.audits["network-server-latency"]?.details?.items?.[0]?.serverResponseTime ?? -1,
      ),
      score: Math.round((report.categories.performance?.score ?? 0) * 100),
      fcpMs: Math.round(value("first-contentful-paint")),
      lcpMs: Math.round(value("largest-contentful-paint")),
      tbtMs: Math.round(value("total-blocking-time")),
      cls: +(value("cumulative-layout-shift") ?? 0).toFixed(3),
      speedIndexMs: Math.round(value("speed-index")),
      domElements: value("dom-size"),
    });
  }
  const ok = runs.filter((r) => !r.error);
  const med = (k) => (ok.length ? median(ok.map((r) => r[k])) : null);
  return {
    runs,
    median: {
      score: med("score"),
      fcpMs: med("fcpMs"),
      lcpMs: med("lcpMs"),
      tbtMs: med("tbtMs"),
      cls: med("cls"),
      speedIndexMs: med("speedIndexMs"),
      domElements: med("domElements"),
    },
  };
}

const result = { date: new Date().toISOString(), pages: {}, sliderToPaintMs: [] };
for (const page of PAGES)
  result.pages[page.path] = { firstLoad: critical(page), loaded: await loaded(page) };
for (const rate of [1, THROTTLE]) result.sliderToPaintMs.push(await sliderToPaint(rate));
for (const page of PAGES) result.pages[page.path].slowPhone = await appliedFirstPaint(page);
await browser.close();
if (!args.includes("--no-lighthouse")) {
  await warmCompression(DIST);
  for (const page of PAGES) result.pages[page.path].lighthouse = await lighthouse(page);
}
server.close();

mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/explainer.json", `${JSON.stringify(result, null, 2)}\n`);

console.log("Page-speed benchmark (issue 12)");
for (const { path } of PAGES) {
  const { firstLoad: f, loaded: l, lighthouse: lh } = result.pages[path];
  console.log(`  ${path}`);
  console.log(
    `    JS before interactive (entry + modulepreloads, ${f.files.length} files): ${f.gzipKB} kB gzip -9, ${f.brotliKB} kB brotli  [goal ≤ 80 kB gzip]  tfjs in it: ${f.tfjs ? "YES" : "no"}`,
  );
  console.log(
    `      of which React's chunk (react, react-dom, scheduler) ${f.reactGzipKB} kB, the site's own code ${f.ownGzipKB} kB`,
  );
  console.log(
    `    all JS loaded once idle (412×823, compressing server): ${l.scripts} files, ${l.scriptWireKB} kB on the wire  tfjs loaded: ${l.tfjsLoaded ? "yes" : "no"}`,
  );
  console.log(
    `    HTML: ${f.htmlKB} kB (${f.htmlGzipKB} kB gzip)   DOM elements once settled: ${l.domElements}  [Lighthouse's dom-size passes at ≤ 818 in <body>; its own count is below]`,
  );
  const sp = result.pages[path].slowPhone;
  console.log(
    `    slow phone, applied (562.5 ms per request, 1.47 Mbit/s, CPU 4×), median of ${sp.loads.length}: first contentful paint ${sp.median.fcpMs} ms  LCP ${sp.median.lcpMs} ms  load ${sp.median.loadMs} ms  (loads: ${sp.loads.map((l) => `${l.fcpMs}/${l.lcpMs}/${l.loadMs}`).join("  ")})`,
  );
  if (lh) {
    const m = lh.median;
    console.log(
      `    Lighthouse 12.2.3 mobile (simulated), median of ${lh.runs.filter((r) => !r.error).length}/${RUNS}: performance ${m.score}  FCP ${m.fcpMs} ms  LCP ${m.lcpMs} ms  TBT ${m.tbtMs} ms  CLS ${m.cls}  SI ${m.speedIndexMs} ms  DOM ${m.domElements}  [goals: ≥ 95, LCP ≤ 2500, TBT ≤ 200]`,
    );
    console.log(
      `      runs (score/FCP/LCP/TBT ms, then the observed unthrottled FCP and the host latency Lighthouse assumed): ${lh.runs.map((r) => (r.error ? r.error : `${r.score}/${r.fcpMs}/${r.lcpMs}/${r.tbtMs} (${r.observedFcpMs}, ${r.serverLatencyMs})`)).join("  ")}`,
    );
  }
}
for (const s of result.sliderToPaintMs) {
  console.log(
    `  slider input → painted chart on /, ${s.cpuThrottling}× CPU, ${s.inputs} inputs (main-thread busy): p50 ${s.p50} ms, p95 ${s.p95} ms  [goal p95 ≤ ${s.cpuThrottling === 1 ? "8" : "16.7"} ms]`,
  );
  console.log(
    `    handler + React render: p50 ${s.handlerP50} ms, p95 ${s.handlerP95} ms; wall incl. vsync wait: p50 ${s.wallP50} ms, p95 ${s.wallP95} ms; inputs that did not change the chart: ${s.inputsThatDidNotChangeTheChart}`,
  );
}
