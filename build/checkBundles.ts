/**
 * After `vite build`: fail when anything the explainer or an embed can load contains tfjs (or a
 * wasm binary), or when the explainer's JavaScript before it is interactive holds what it loads
 * later by design (the article's own code, the code panel: issue 12), or when a page's styles
 * and its `<meta>` policy disagree (build/inlineStyles.ts). Reads the graph `bundleGraphPlugin`
 * wrote. Usage: npx tsx build/checkBundles.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import {
  BUNDLE_GRAPH_PATH,
  type BundleGraph,
  criticalFiles,
  forbiddenReachable,
} from "./bundleGraph";
import { INLINE_STYLE_PAGES, stylePolicyProblems, stylesheetLinks } from "./inlineStyles";

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

/** What the explainer loads after it is interactive, never before (ArticleBody.tsx, ExplainerPage.tsx). */
export const EXPLAINER_LATE = /^src\/(content\/article\.mdx|components\/CodePanel\.tsx)$/;
const critical = criticalFiles(
  readFileSync(resolve(root, "dist/index.html"), "utf8"),
  "index.html",
);
const early = graph
  .filter((n) => critical.includes(n.file))
  .flatMap((n) => n.modules.filter((m) => EXPLAINER_LATE.test(m)));
const late = graph.some((n) => n.modules.some((m) => EXPLAINER_LATE.test(m)));
if (critical.length === 0 || !late) {
  failed = true;
  console.error(
    "index.html: no entry script, or no article chunk: the check is not reading the build",
  );
} else if (early.length > 0) {
  failed = true;
  console.error(
    `index.html loads before it is interactive what should come later: ${early.join(", ")}`,
  );
} else
  console.log(
    `index.html: ${critical.length} files before interactive, the article not among them`,
  );

const dist = resolve(root, "dist");
const pages = (readdirSync(dist, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".html"))
  .map((f) => f.split(sep).join("/"));
const scripts = readdirSync(resolve(dist, "assets"))
  .filter((f) => f.endsWith(".js"))
  .map((f) => readFileSync(resolve(dist, "assets", f), "utf8"));
// The stylesheet pages without inline styles link: inline elsewhere, no script may fetch it again
// (the article's CSS, also inline, stays a dependency of the article's chunk on purpose).
const linkedElsewhere = new Set(
  pages
    .filter((p) => !INLINE_STYLE_PAGES.includes(p))
    .flatMap((p) => stylesheetLinks(readFileSync(resolve(dist, p), "utf8")).map((l) => l.file)),
);
if (pages.length < 4 || !INLINE_STYLE_PAGES.every((p) => pages.includes(p))) {
  failed = true;
  console.error(`the build's pages are not all here: ${pages.join(", ")}`);
}
for (const page of pages) {
  const html = readFileSync(resolve(dist, page), "utf8");
  const problems = stylePolicyProblems(html, INLINE_STYLE_PAGES.includes(page));
  for (const [, file] of html.matchAll(/<style data-href="(?:\.\.?\/)+(assets\/[^"]+)"/g)) {
    if (!file || !linkedElsewhere.has(file)) continue;
    const name = file.slice("assets/".length);
    if (scripts.some((code) => code.includes(name)))
      problems.push(`a script fetches ${file} again`);
  }
  if (problems.length > 0) {
    failed = true;
    console.error(`${page}: ${problems.join("; ")}`);
  } else console.log(`${page}: styles as its own <meta> policy allows`);
}
process.exit(failed ? 1 : 0);
