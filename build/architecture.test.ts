import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ENGINE_DOOR,
  folderCycles,
  type ImportEdge,
  importsOf,
  repoPath,
  violationOf,
} from "./architecture";

const ROOT = resolve(import.meta.dirname, "..");
const EXTENSIONS = ["", ".ts", ".tsx", ".mdx", "/index.ts", "/index.tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mdx)$/.test(name) ? [path] : [];
  });
}

function resolveFile(candidate: string): string | null {
  for (const ext of EXTENSIONS) {
    const path = join(ROOT, candidate + ext);
    if (existsSync(path) && statSync(path).isFile()) return candidate + ext;
  }
  return null;
}

const edges: ImportEdge[] = sourceFiles(join(ROOT, "src")).flatMap((abs) =>
  importsOf(repoPath(ROOT, abs), readFileSync(abs, "utf8"), resolveFile),
);

const edge = (from: string, to: string | null, specifier = to ?? ""): ImportEdge => ({
  from,
  to,
  specifier,
  kind: "static",
});

describe("the house rules of src/", () => {
  it("reads every kind of import, and resolves every relative one to a file", () => {
    const kinds = new Set(edges.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["dynamic", "static", "type", "worker"]);
    const unresolved = edges.filter((e) => e.specifier.startsWith(".") && e.to === null);
    expect(unresolved.map((e) => `${e.from}: ${e.specifier}`)).toEqual([]);
  });

  it("has no import outside the allow-matrix (layers, the engine door, tfjs, React)", () => {
    const violations = edges.map(violationOf).filter((v): v is string => v !== null);
    expect(violations).toEqual([]);
  });

  it("has no import cycle between folders, type-only imports included", () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it("opens the engine through its one door, which exists", () => {
    const into = edges.filter(
      (e) => e.to?.startsWith("src/engine/") && !e.from.startsWith("src/engine/"),
    );
    expect(into.length).toBeGreaterThan(0);
    expect(new Set(into.map((e) => e.from))).toEqual(new Set([ENGINE_DOOR]));
  });
});

describe("the checks catch what they are for", () => {
  it("flags a layer importing upwards or sideways", () => {
    expect(violationOf(edge("src/math/focal.ts", "src/experiment/config.ts"))).toMatch(
      /may import nothing/,
    );
    expect(violationOf(edge("src/components/Figure.tsx", "src/export/csv.ts"))).toMatch(
      /components/,
    );
    expect(violationOf(edge("src/state/train.ts", "src/content/presets.ts"))).toMatch(/state/);
    expect(violationOf(edge("src/components/Figure.tsx", "src/state/charts.ts"))).toBeNull();
  });

  it("flags the engine opened from anywhere but its door, and the URL hook in components", () => {
    expect(violationOf(edge("src/pages/train/TrainPage.tsx", "src/engine/session.ts"))).toMatch(
      /door/,
    );
    expect(violationOf(edge(ENGINE_DOOR, "src/engine/session.ts"))).toBeNull();
    expect(violationOf(edge("src/components/Figure.tsx", "src/state/useUrlState.ts"))).toMatch(
      /hook/,
    );
  });

  it("flags tfjs, comlink and React where they do not belong", () => {
    expect(violationOf(edge("src/experiment/scene.ts", null, "@tensorflow/tfjs"))).toMatch(/tfjs/);
    expect(violationOf(edge("src/pages/train/useJob.ts", null, "comlink"))).toMatch(/worker/);
    expect(violationOf(edge("src/math/focal.ts", null, "react"))).toMatch(/React/);
    expect(violationOf(edge("src/engine/model.ts", null, "@tensorflow/tfjs"))).toBeNull();
  });

  it("reads type-only, dynamic and worker imports, so none slips past", () => {
    const source = [
      'import type { A } from "../engine/trainer";',
      'import { type B } from "./b";',
      'const w = new Worker(new URL("../engine/train.worker.ts", import.meta.url));',
      'const m = await import("../engine/session");',
    ].join("\n");
    const found = importsOf("src/pages/x.ts", source, (c) => c);
    expect(found.map((e) => [e.kind, e.to])).toEqual([
      ["type", "src/engine/trainer"],
      ["static", "src/pages/b"],
      ["dynamic", "src/engine/session"],
      ["worker", "src/engine/train.worker.ts"],
    ]);
  });

  it("finds a cycle between two folders", () => {
    const cycle = [
      edge("src/components/a.ts", "src/components/charts/b.ts"),
      edge("src/components/charts/b.ts", "src/components/c.ts"),
    ];
    expect(folderCycles(cycle)).toEqual([["src/components", "src/components/charts"]]);
  });
});
