/**
 * Screenshot a page of the built site: node scripts/dev/screenshot.mjs PATH OUT.png [WIDTH] [light|dark]
 * (serves dist/ itself, also writes 1200 px tall slices OUT-N.png; prints console errors so a glance also catches breakage).
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../chromium.mjs";
import { serveStatic } from "../serve-static.mjs";

const [path = "/", out = "screenshot.png", width = "1280", scheme = "light"] =
  process.argv.slice(2);
const server = await serveStatic("dist", 4399);
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  colorScheme: scheme === "dark" ? "dark" : "light",
  // The style injected below is one the page's own <meta> policy refuses (build/inlineStyles.ts).
  bypassCSP: true,
});
page.on("console", (m) => m.type() === "error" && console.log("console error:", m.text()));
page.on("pageerror", (e) => console.log("page error:", e.message));
await page.goto(`http://127.0.0.1:4399${path}`);
// Off-screen figures and paragraphs skip rendering (content-visibility: auto); a full-page capture needs them.
await page.addStyleTag({
  content: "* { content-visibility: visible !important; }",
});
await page.waitForTimeout(1000);
await page.screenshot({ path: out, fullPage: true });
// Also in viewport-tall slices (OUT-0.png, OUT-1.png, …), easier to look at than one long image.
const height = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0, i = 0; y < height; y += 1200, i++) {
  const clip = { x: 0, y, width: Number(width), height: Math.min(1200, height - y) };
  await page.screenshot({ path: out.replace(/\.png$/, `-${i}.png`), fullPage: true, clip });
}
await browser.close();
server.close();
