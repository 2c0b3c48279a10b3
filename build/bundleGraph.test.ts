import { describe, expect, it } from "vitest";
import { type BundleGraph, criticalFiles, forbiddenReachable, reachable } from "./bundleGraph";

const graph: BundleGraph = [
  {
    file: "a.js",
    page: "index.html",
    modules: ["src/explainer.tsx"],
    loads: ["shared.js", "menu.js"],
  },
  { file: "menu.js", page: null, modules: ["src/export/ChartMenuPanel.tsx"], loads: [] },
  { file: "shared.js", page: null, modules: ["node_modules/react/index.js"], loads: [] },
  {
    file: "t.js",
    page: "train/index.html",
    modules: ["src/train.tsx"],
    loads: ["shared.js", "door.js"],
  },
  { file: "door.js", page: null, modules: ["src/pages/train/engineDoor.ts"], loads: ["worker.js"] },
  { file: "worker.js", page: null, modules: [], loads: ["tf.wasm"] },
  { file: "tf.wasm", page: null, modules: [], loads: [] },
];
const ENGINE = /@tensorflow|\.wasm$/;

describe("the bundle check", () => {
  it("follows static, dynamic and pointed-at files", () => {
    expect([...reachable(graph, ["t.js"])].sort()).toEqual([
      "door.js",
      "shared.js",
      "t.js",
      "tf.wasm",
      "worker.js",
    ]);
  });

  it("passes a page that reaches no engine, and fails one that does through a dynamic import", () => {
    expect(forbiddenReachable(graph, ["index.html"], ENGINE)).toEqual({ "index.html": [] });
    const bad: BundleGraph = graph.map((n) =>
      n.file === "menu.js" ? { ...n, loads: ["door.js"] } : n,
    );
    expect(forbiddenReachable(bad, ["index.html"], ENGINE)["index.html"]).toEqual(["tf.wasm"]);
    const inlined: BundleGraph = graph.map((n) =>
      n.file === "shared.js"
        ? { ...n, modules: [...n.modules, "node_modules/@tensorflow/tfjs-core/x.js"] }
        : n,
    );
    expect(forbiddenReachable(inlined, ["index.html"], ENGINE)["index.html"]).toEqual([
      "shared.js",
    ]);
  });

  it("refuses a page the build does not have", () => {
    expect(() => forbiddenReachable(graph, ["nope.html"], ENGINE)).toThrow(/no entry/);
  });
});

describe("criticalFiles", () => {
  it("lists a page's module entry and its modulepreloads, relative to the build", () => {
    const html = `<head><script type="module" crossorigin src="../assets/train-1.js"></script>
      <link rel="modulepreload" crossorigin href="../assets/react-2.js">
      <link rel="stylesheet" href="../assets/x.css"><script src="../sw.js"></script></head>`;
    expect(criticalFiles(html, "train/index.html")).toEqual([
      "assets/train-1.js",
      "assets/react-2.js",
    ]);
    expect(criticalFiles(html.replaceAll("../", "./"), "index.html")).toEqual([
      "assets/train-1.js",
      "assets/react-2.js",
    ]);
  });
});
