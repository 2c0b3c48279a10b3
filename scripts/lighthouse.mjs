/**
 * Lighthouse 12.2.3 (run with `npx -y`, not installed: 13.x needs Node 22, and every `npm ci`
 * would install it) against one URL in our headless Chromium, without blocking this process
 * (whose static server must keep answering). Returns the parsed JSON report, or null when
 * Lighthouse failed. Used by the page-speed and accessibility benchmarks.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { CHROMIUM_ARGS } from "./chromium.mjs";

export function runLighthouse({ url, file, executablePath, args = [], stdout = "ignore" }) {
  mkdirSync(dirname(file), { recursive: true });
  const flags = ["--headless=new", ...CHROMIUM_ARGS].join(" ");
  const argv = [
    "-y",
    "lighthouse@12.2.3",
    url,
    ...args,
    "--output=json",
    `--output-path=${file}`,
    `--chrome-flags=${flags}`,
    "--quiet",
  ];
  return new Promise((done) => {
    const child = spawn("npx", argv, {
      stdio: ["ignore", stdout, "inherit"],
      env: { ...process.env, CHROME_PATH: executablePath },
    });
    child.on("close", (status) =>
      done(status === 0 ? JSON.parse(readFileSync(file, "utf8")) : null),
    );
  });
}
