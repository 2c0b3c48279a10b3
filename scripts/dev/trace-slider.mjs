/** Dev aid: trace 50 γ inputs with figure 1 in view and print main-thread time per event name. */
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../chromium.mjs";
import { serveStatic } from "../serve-static.mjs";

const server = await serveStatic("dist", 4394);
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto("http://127.0.0.1:4394/");
await page.waitForTimeout(800);
await page
  .locator('[data-chart="loss-vs-pt"]')
  .evaluate((el) => el.scrollIntoView({ block: "center" }));
await page.waitForTimeout(500);
await browser.startTracing(page, {
  path: "/tmp/trace.json",
  categories: ["devtools.timeline", "blink", "cc"],
});
await page.evaluate(async () => {
  const input = document.querySelector('[data-testid="gamma-slider"] input[type="range"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  for (let i = 0; i < 50; i++) {
    setValue.call(input, String(0.5 + ((i * 37) % 400) / 100));
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
});
await browser.stopTracing();
const events = JSON.parse(readFileSync("/tmp/trace.json", "utf8")).traceEvents;
const threads = new Map();
for (const e of events) if (e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name);
const total = new Map();
for (const e of events) {
  if (e.ph !== "X" || !e.dur || threads.get(`${e.pid}:${e.tid}`) !== "CrRendererMain") continue;
  total.set(e.name, (total.get(e.name) ?? 0) + e.dur);
}
for (const [name, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 18))
  console.log(`${(us / 1000 / 50).toFixed(2)} ms/input  ${name}`);
await browser.close();
server.close();
