/**
 * `npm test`: the type check, the linter/formatter check, the unit tests, a production build
 * and the end-to-end tests in a real Chromium against that build, in this order. Every step
 * runs even when an earlier one fails, so one run shows everything; the last line is the plain
 * summary `Summary: N passed, N failed`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { findChromium } from "./chromium.mjs";

const RESULTS = "test-results";
mkdirSync(RESULTS, { recursive: true });
let passed = 0;
let failed = 0;

function run(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  return result.status === 0;
}

/** A check that is one pass or one fail (type check, lint, build). */
function check(title, command, args) {
  const ok = run(title, command, args);
  if (ok) passed += 1;
  else failed += 1;
  return ok;
}

/** A test run whose JSON report gives the counts; a crash without a report is one failure. */
function suite(title, command, args, report, count) {
  rmSync(report, { force: true });
  const ok = run(title, command, args);
  if (!existsSync(report)) {
    console.log(`${title}: no report was written`);
    failed += 1;
    return;
  }
  const [p, f] = count(JSON.parse(readFileSync(report, "utf8")));
  passed += p;
  failed += f;
  if (!ok && f === 0) failed += 1;
}

check("type check", "npx", ["tsc", "-b"]);
check("lint and format", "npx", ["biome", "check", "."]);
suite(
  "unit tests",
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${RESULTS}/unit.json`],
  `${RESULTS}/unit.json`,
  (r) => [
    r.numPassedTests,
    r.numFailedTests +
      (r.numTotalTests - r.numPassedTests - r.numFailedTests - r.numPendingTests - r.numTodoTests),
  ],
);
const built = check("build", "npx", ["vite", "build"]);
if (built)
  check("bundle check: no tfjs reachable from /, /embed/ or /yours/", "npx", [
    "tsx",
    "build/checkBundles.ts",
  ]);
let chromiumOk = true;
try {
  await findChromium();
} catch (e) {
  console.error(`\n${e.message}`);
  chromiumOk = false;
  failed += 1;
}
if (built && chromiumOk) {
  suite("end-to-end tests", "npx", ["playwright", "test"], `${RESULTS}/e2e.json`, (r) => [
    r.stats.expected + r.stats.flaky,
    r.stats.unexpected,
  ]);
} else if (!built) {
  console.log("end-to-end tests skipped: the build failed (counted as a failure)");
  failed += 1;
}

console.log(`\nSummary: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
