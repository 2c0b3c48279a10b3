/**
 * The bundle graph of a production build, and the check that the explainer's and the embed's
 * first load and everything they can ever load (static imports, dynamic imports, workers and
 * files their code points at) never contain tfjs. A Vite plugin records the graph at build time;
 * `checkBundles.ts` runs the check after `vite build` in `npm test`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, posix, relative } from "node:path";
import type { Plugin } from "vite";

export interface BundleNode {
  file: string;
  /** The HTML page (e.g. "index.html", "embed/index.html") when this chunk is a page's entry. */
  page: string | null;
  /** Source modules bundled into the chunk (paths relative to the project root). */
  modules: string[];
  /** Files this one loads: static and dynamic imports, and emitted files its code points at. */
  loads: string[];
}

export type BundleGraph = BundleNode[];

/** Where the plugin writes the graph of the last build. */
export const BUNDLE_GRAPH_PATH = "node_modules/.cache/focal-loss-explorer/bundle-graph.json";

/** The files reachable from `start`, `start` included. */
export function reachable(graph: BundleGraph, start: readonly string[]): Set<string> {
  const byFile = new Map(graph.map((n) => [n.file, n]));
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of byFile.get(file)?.loads ?? []) queue.push(next);
  }
  return seen;
}

/**
 * The JavaScript a page loads before it is interactive: its module entry script and the
 * modulepreloads in its HTML (`html`, the page's text; `page`, its path in the build, such as
 * "train/index.html"), as paths in the build.
 */
export function criticalFiles(html: string, page: string): string[] {
  const dir = page.includes("/") ? page.slice(0, page.lastIndexOf("/") + 1) : "";
  const refs = html.matchAll(
    /<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g,
  );
  return [...refs].map((m) => posix.normalize(`${dir}${m[1]}`).replace(/^\//, ""));
}

/**
 * For each page, the reachable files that are or contain something forbidden: a module whose
 * path matches `forbidden`, or a file whose own name does (a `.wasm` binary, say).
 */
export function forbiddenReachable(
  graph: BundleGraph,
  pages: readonly string[],
  forbidden: RegExp,
): Record<string, string[]> {
  const byFile = new Map(graph.map((n) => [n.file, n]));
  const out: Record<string, string[]> = {};
  for (const page of pages) {
    const entries = graph.filter((n) => n.page === page).map((n) => n.file);
    if (entries.length === 0) throw new Error(`the build has no entry for ${page}`);
    out[page] = [...reachable(graph, entries)].filter((file) => {
      const node = byFile.get(file);
      return forbidden.test(file) || (node?.modules.some((m) => forbidden.test(m)) ?? false);
    });
  }
  return out;
}

/** Records the build's chunks and what each loads into `BUNDLE_GRAPH_PATH`. */
export function bundleGraphPlugin(root: string): Plugin {
  return {
    name: "focal-loss-explorer:bundle-graph",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle);
      const graph: BundleGraph = Object.values(bundle).map((item) => {
        if (item.type === "asset") {
          const text = typeof item.source === "string" ? item.source : "";
          return {
            file: item.fileName,
            page: null,
            modules: [],
            loads: pointedAt(text, files, item.fileName),
          };
        }
        const facade = item.facadeModuleId ?? "";
        return {
          file: item.fileName,
          page: item.isEntry && facade.endsWith(".html") ? relative(root, facade) : null,
          modules: Object.keys(item.modules).map((m) => relative(root, m.replace(/^\0/, ""))),
          loads: [
            ...new Set([
              ...item.imports,
              ...item.dynamicImports,
              ...pointedAt(item.code, files, item.fileName),
            ]),
          ],
        };
      });
      const path = `${root}/${BUNDLE_GRAPH_PATH}`;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(graph, null, 1));
    },
  };
}

/** Emitted files whose base name appears in `code` (worker URLs, wasm and other asset URLs). */
function pointedAt(code: string, files: readonly string[], self: string): string[] {
  return files.filter((f) => f !== self && code.includes(f.split("/").pop() as string));
}
