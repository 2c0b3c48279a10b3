/**
 * Find a Chromium for tests and benchmarks: $CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else Playwright's own downloaded browser. Exits with instructions when there is none.
 */
import { existsSync } from "node:fs";

/** Flags for headless Chromium on locked-down machines (see shared NOTES.md). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

/** The executable path to launch, or undefined to let Playwright use its own browser. */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined;
  } catch {
    // fall through to the message below
  }
  throw new Error(
    "No Chromium found. Set CHROMIUM_PATH, or install one: on Debian/Ubuntu `apt-get install chromium`, elsewhere `npx playwright install chromium`.",
  );
}
