/**
 * `npm run bench:yours`: how fast the "Your own model" page reads 10⁷ rows, and whether the
 * page stays responsive while it does.
 *
 * 1. Node: the same reader (src/userdata) reads a 10⁷-row CSV and a 10⁷-row .npy from disk in
 *    1 MiB chunks; prints rows/s and the peak growth of the process's memory (RSS, sampled
 *    every 20 ms) over its level before the read.
 * 2. Chromium (headless, against the production build): the page reads the same two files in
 *    its Web Worker; prints rows/s from picking the file to the drawn result, and the main
 *    thread's long tasks (> 50 ms) during the read.
 *
 * BENCH_ROWS changes the row count; BENCH_SKIP_BROWSER=1 runs the Node part only.
 * Writes bench-results/yours.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { inspectFile } from "../src/userdata/inspect";
import { readPredictions } from "../src/userdata/read";
import type { ByteSource } from "../src/userdata/source";
import { browserRun } from "./yoursBrowser";
import { writeCsv, writeNpy } from "./yoursData";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);

async function fileSource(
  path: string,
  name: string,
): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(path, "r");
  const { size } = await handle.stat();
  return {
    name,
    size,
    read: async (offset, length) => {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

async function nodeRun(path: string, name: string) {
  const source = await fileSource(path, name);
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const inspection = await inspectFile(source);
  const result = await readPredictions(source, inspection, {
    label: inspection.guess.label,
    score: inspection.guess.score,
    scoreMode: "auto",
    labelRule: { kind: "binary" },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await source.close();
  return {
    rows: result.summary.rows,
    positives: result.summary.positives,
    bytes: source.size,
    seconds: +seconds.toFixed(2),
    rowsPerSecond: Math.round(result.summary.rows / seconds),
    peakRssGrowthMiB: +((peak - baseline) / 2 ** 20).toFixed(1),
  };
}

/** Each Node read runs in a fresh process, so its RSS starts from the same level. */
function nodeRunInChild(path: string, name: string): Awaited<ReturnType<typeof nodeRun>> {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, "--read", path, name],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`reading ${name} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}");
}

async function main() {
  const at = process.argv.indexOf("--read");
  if (at >= 0) {
    const [path = "", name = ""] = process.argv.slice(at + 1);
    console.log(JSON.stringify(await nodeRun(path, name)));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-yours-"));
  try {
    const csv = join(dir, "bench.csv");
    const npy = join(dir, "bench.npy");
    process.stderr.write(`writing ${ROWS.toLocaleString("en")} rows as CSV and .npy in ${dir}…\n`);
    const sizes = { csv: writeCsv(csv, ROWS), npy: writeNpy(npy, ROWS) };
    const node = { csv: nodeRunInChild(csv, "bench.csv"), npy: nodeRunInChild(npy, "bench.npy") };
    const browser =
      process.env.BENCH_SKIP_BROWSER === "1"
        ? null
        : { csv: await browserRun(csv), npy: await browserRun(npy) };
    const out = {
      date: new Date().toISOString(),
      machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
      rows: ROWS,
      sizes,
      node,
      browser,
    };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/yours.json", `${JSON.stringify(out, null, 2)}\n`);
    const mb = (b: number) => (b / 1e6).toFixed(0);
    console.log(
      `Reading ${ROWS.toLocaleString("en")} rows (${out.machine.cpus} cores, ${out.machine.cpu})`,
    );
    for (const kind of ["csv", "npy"] as const) {
      const n = node[kind];
      console.log(
        `  Node, ${kind} (${mb(sizes[kind])} MB): ${n.rowsPerSecond.toLocaleString("en")} rows/s (${n.seconds} s), peak RSS growth ${n.peakRssGrowthMiB} MiB`,
      );
      const b = browser?.[kind];
      if (b) {
        console.log(
          `  Chromium worker, ${kind}: ${b.rowsPerSecond.toLocaleString("en")} rows/s (${b.seconds} s, file chosen → figures drawn); peak RSS growth of Chromium's processes ${b.peakRssGrowthMiB} MiB; main-thread long tasks while reading: ${b.longTasks.count}${b.longTasks.count ? ` (longest ${b.longTasks.maxMs} ms)` : ""}, while drawing the result: ${b.longTasksDrawingResult.count}${b.longTasksDrawingResult.count ? ` (longest ${b.longTasksDrawingResult.maxMs} ms)` : ""}; ${b.fps} frames/s`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
