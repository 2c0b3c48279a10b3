/**
 * After `vite build`: fail when anything the explainer or an embed can load contains tfjs (or a
 * wasm binary). Reads the graph `bundleGraphPlugin` wrote. Usage: npx tsx build/checkBundles.ts
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { BUNDLE_GRAPH_PATH, type BundleGraph, forbiddenReachable } from "./bundleGraph";

/** Pages that must never load the training engine. */
export const ENGINE_FREE_PAGES = ["index.html", "embed/index.html", "yours/index.html"];
export const ENGINE = /@tensorflow|\.wasm$/;

const root = resolve(import.meta.dirname, "..");
const graph = JSON.parse(readFileSync(resolve(root, BUNDLE_GRAPH_PATH), "utf8")) as BundleGraph;
const found = forbiddenReachable(graph, ENGINE_FREE_PAGES, ENGINE);
let failed = false;
for (const [page, files] of Object.entries(found)) {
  if (files.length === 0) {
    console.log(`${page}: no tfjs in anything it can load`);
  } else {
    failed = true;
    console.error(`${page} can load tfjs: ${files.join(", ")}`);
  }
}
const train = forbiddenReachable(graph, ["train/index.html"], ENGINE)["train/index.html"] ?? [];
// A check that can fail: the training page must reach tfjs, or the graph is not being read.
if (train.length === 0) {
  failed = true;
  console.error("train/index.html reaches no tfjs: the bundle graph is incomplete");
} else console.log(`train/index.html reaches tfjs in ${train.length} files (as it should)`);
process.exit(failed ? 1 : 0);
