/**
 * The house rules of `src/`, as data and pure checks: which folder (layer) may import which,
 * which files may touch tfjs or the worker library, and that folders never import each other in
 * a cycle (type-only imports included). `architecture.test.ts` runs them over every import.
 */
import { dirname, join, normalize, relative } from "node:path";

export type Layer =
  | "math"
  | "experiment"
  | "engine"
  | "state"
  | "content"
  | "components"
  | "export"
  | "pages"
  | "userdata"
  | "entry";

/** Who may import whom (besides itself). Pages reach the engine through one door only. */
export const ALLOWED: Readonly<Record<Layer, readonly Layer[]>> = {
  math: [],
  experiment: ["math"],
  engine: ["experiment", "math"],
  state: ["experiment", "math"],
  userdata: ["math"],
  content: ["state", "experiment", "math"],
  components: ["content", "state", "experiment", "math"],
  export: ["components", "content", "state", "experiment", "math"],
  pages: ["components", "export", "content", "state", "experiment", "math", "userdata"],
  entry: ["pages", "components", "export", "content", "state", "experiment", "math"],
};

/** The one page file that opens the engine (the worker URL and the main-thread fallback). */
export const ENGINE_DOOR = "src/pages/train/engineDoor.ts";
/** State's only React file: components may import schemas and types, never the hook. */
export const STATE_HOOK = "src/state/useUrlState.ts";

/** Packages that only some layers (or files) may import. */
export const PACKAGE_RULES: readonly {
  pattern: RegExp;
  allowed: (file: string) => boolean;
  why: string;
}[] = [
  {
    pattern: /^@tensorflow\//,
    allowed: (file) => layerOf(file) === "engine",
    why: "tfjs is imported by src/engine only",
  },
  {
    pattern: /^comlink$/,
    allowed: (file) => layerOf(file) === "engine" || file === ENGINE_DOOR,
    why: "the worker protocol library belongs to the engine and its door",
  },
  {
    pattern: /^react(-dom)?(\/|$)/,
    allowed: (file) =>
      !["math", "experiment", "engine", "userdata"].includes(layerOf(file) ?? "") &&
      (layerOf(file) !== "state" || file === STATE_HOOK),
    why: "pure layers (math, experiment, engine, userdata, state schemas) have no React",
  },
];

export interface ImportEdge {
  /** Importing file, relative to the repository root (src/…). */
  from: string;
  /** The import as written. */
  specifier: string;
  /** Resolved target file for relative imports (src/…), else null (a package). */
  to: string | null;
  kind: "static" | "type" | "dynamic" | "worker";
}

/** The layer of a file under src/, or null outside src/. */
export function layerOf(file: string): Layer | null {
  const parts = file.split("/");
  if (parts[0] !== "src") return null;
  if (parts.length === 2) return "entry";
  const folder = parts[1] as Layer;
  return folder in ALLOWED ? folder : null;
}

const IMPORT_PATTERNS: readonly { re: RegExp; kind: ImportEdge["kind"] }[] = [
  { re: /^\s*import\s+type\s[^;]*?from\s*["']([^"']+)["']/gms, kind: "type" },
  { re: /^\s*export\s+type\s[^;]*?from\s*["']([^"']+)["']/gms, kind: "type" },
  { re: /^\s*import\s+(?!type\s)[^;"']*?from\s*["']([^"']+)["']/gms, kind: "static" },
  { re: /^\s*import\s*["']([^"']+)["']/gm, kind: "static" },
  { re: /^\s*export\s+(?!type\s)[^;"']*?from\s*["']([^"']+)["']/gms, kind: "static" },
  { re: /\bimport\(\s*["']([^"']+)["']\s*\)/g, kind: "dynamic" },
  { re: /new\s+URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g, kind: "worker" },
];

/** Every import of one source file (static, type-only, dynamic and `new URL(…)` workers). */
export function importsOf(
  file: string,
  source: string,
  resolveFile: (candidate: string) => string | null,
): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const { re, kind } of IMPORT_PATTERNS) {
    for (const match of source.matchAll(re)) {
      const specifier = match[1] as string;
      const bare = specifier.split("?")[0] as string;
      const to = bare.startsWith(".") ? resolveFile(normalize(join(dirname(file), bare))) : null;
      edges.push({ from: file, specifier, to, kind });
    }
  }
  return edges;
}

/** What is wrong with one edge, or null when the house allows it. */
export function violationOf(edge: ImportEdge): string | null {
  const from = layerOf(edge.from);
  if (from === null) return null;
  if (edge.to === null) {
    const rule = PACKAGE_RULES.find((r) => r.pattern.test(edge.specifier));
    return rule && !rule.allowed(edge.from)
      ? `${edge.from} imports ${edge.specifier}: ${rule.why}`
      : null;
  }
  const to = layerOf(edge.to);
  if (to === null) {
    // Outside src/ only public/ data (the recorded run, read raw by tests) may be reached.
    return edge.to.startsWith("public/") ? null : `${edge.from} imports ${edge.to}, outside src/`;
  }
  if (to === from) return null;
  if (to === "engine" && from === "pages")
    return edge.from === ENGINE_DOOR
      ? null
      : `${edge.from} opens the engine: only its door, ${ENGINE_DOOR}, may`;
  if (to === "state" && edge.to === STATE_HOOK && from === "components")
    return `${edge.from} uses the URL hook: components take state as props`;
  return ALLOWED[from].includes(to)
    ? null
    : `${edge.from} (${from}) imports ${edge.to} (${to}): ${from} may import ${ALLOWED[from].join(", ") || "nothing"}`;
}

/** Import cycles between folders (type-only imports included), each as a list of folders. */
export function folderCycles(edges: readonly ImportEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.to === null || layerOf(e.to) === null) continue;
    const a = dirname(e.from);
    const b = dirname(e.to);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)?.add(b);
    if (!graph.has(b)) graph.set(b, new Set());
  }
  // Tarjan's strongly connected components: any component of two or more folders is a cycle.
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w))
        low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return cycles;
}

/** A path relative to the repository root, with forward slashes. */
export function repoPath(root: string, absolute: string): string {
  return relative(root, absolute).split("\\").join("/");
}
