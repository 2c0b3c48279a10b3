/**
 * `npm run bench:threads`: the multithreaded wasm build against the single-threaded one, side by
 * side in one run, on the built training page. The same dist/ is served twice: with the
 * deployed headers (port P: /train/ cross-origin isolated, so wasm runs its multithreaded build)
 * and without COOP/COEP (port P+1: single-threaded). Rounds alternate the two, a fresh page
 * each, backend `wasm`, both runs training for BENCH_SECONDS (default 15) after a 3 s warm-up;
 * prints the steps/s per run of each round and the medians, and writes
 * bench-results/threads.json. BENCH_ROUNDS (default 3). No assertions: a benchmark.
 */
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium.mjs";
import { readHeadersFile } from "./headers-file.mjs";
import { serveStatic } from "./serve-static.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4394);
const DIST = process.env.BENCH_DIST ?? "dist";
if (!process.env.BENCH_DIST) execSync("npx vite build", { stdio: "ignore" });

const deployed = readHeadersFile(`${DIST}/_headers`);
const isolation = /^cross-origin-(opener|embedder)-policy$/i;
const withoutIsolation = deployed.map((r) => ({
  ...r,
  headers: r.headers.filter(([name]) => !isolation.test(name)),
}));
const servers = [
  await serveStatic(DIST, PORT, "127.0.0.1", { headers: deployed }),
  await serveStatic(DIST, PORT + 1, "127.0.0.1", { headers: withoutIsolation }),
];
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: CHROMIUM_ARGS,
});

const stepsOf = (page) =>
  page.evaluate(() =>
    ["a", "b"].map((id) =>
      Number(
        document.querySelector(`[data-testid="run-${id}-step"]`)?.textContent?.replace(/,/g, "") ??
          0,
      ),
    ),
  );

async function round(port) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/train/?backend=wasm`);
  await page.locator('[data-backend]:not([data-backend=""])').waitFor({ timeout: 120_000 });
  const isolated = await page.evaluate(() => crossOriginIsolated);
  const reason = await page.getByTestId("backend-reason").textContent();
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForTimeout(3000);
  const before = await stepsOf(page);
  const t0 = Date.now();
  await page.waitForTimeout(SECONDS * 1000);
  const after = await stepsOf(page);
  const seconds = (Date.now() - t0) / 1000;
  await context.close();
  return {
    isolated,
    threads: /multithreaded wasm, (\d+)/.exec(reason ?? "")?.[1] ?? null,
    stepsPerSecond: after.map((s, i) => +((s - (before[i] ?? 0)) / seconds).toFixed(2)),
  };
}

const rounds = [];
for (let i = 0; i < ROUNDS; i++) {
  for (const [build, port] of [
    ["multithreaded", PORT],
    ["single-threaded", PORT + 1],
  ]) {
    const r = { round: i + 1, build, ...(await round(port)) };
    rounds.push(r);
    console.log(
      `round ${r.round} ${build.padEnd(15)} isolated ${r.isolated}, XNNPACK threads ${r.threads ?? "–"}: steps/s A ${r.stepsPerSecond[0]}, B ${r.stepsPerSecond[1]}`,
    );
  }
}
await browser.close();
for (const s of servers) s.close();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};
const summary = Object.fromEntries(
  ["multithreaded", "single-threaded"].map((b) => [
    b,
    median(
      rounds
        .filter((r) => r.build === b)
        .map((r) => (r.stepsPerSecond[0] + r.stepsPerSecond[1]) / 2),
    ),
  ]),
);
mkdirSync("bench-results", { recursive: true });
writeFileSync(
  "bench-results/threads.json",
  `${JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, rounds, medianStepsPerSecondPerRun: summary }, null, 2)}\n`,
);
console.log(
  `median steps/s per run: multithreaded ${summary.multithreaded}, single-threaded ${summary["single-threaded"]} (${ROUNDS} rounds, alternating, ${SECONDS} s each)`,
);
