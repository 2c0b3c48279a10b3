/**
 * `node scripts/make-icons.mjs`: the web app manifest's PNG icons, rasterized by Chromium from
 * public/favicon.svg (192 and 512 px), plus a maskable 512 px icon whose drawing sits inside the
 * central safe zone (80 %) on a full-bleed background. The PNGs are checked in; run this again
 * only when the favicon changes.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium.mjs";

const svg = readFileSync("public/favicon.svg", "utf8");
const inner = svg.replace(/^<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
const drawing = inner.replace(/<rect[^>]*\/>/, "");
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#4f46e5"/><g transform="translate(16 16) scale(0.7) translate(-16 -16)">${drawing}</g></svg>`;

mkdirSync("public/icons", { recursive: true });
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: CHROMIUM_ARGS,
});
for (const [name, source, size] of [
  ["icon-192.png", svg, 192],
  ["icon-512.png", svg, 512],
  ["maskable-512.png", maskable, 512],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = source.replace("<svg ", `<svg width="${size}" height="${size}" `);
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${sized}</body></html>`,
  );
  await page.locator("svg").screenshot({ path: `public/icons/${name}`, omitBackground: true });
  await page.close();
  console.log(`public/icons/${name}`);
}
await browser.close();
