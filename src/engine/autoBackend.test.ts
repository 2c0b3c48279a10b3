import { describe, expect, it } from "vitest";
import { candidatesFor, MIN_CORES_FOR_WASM_THREADS } from "./autoBackend";

const NAMES = ["wasm", "webgl", "webgpu", "cpu"] as const;

describe("what auto times", () => {
  it("times both wasm builds where threads can run on enough cores", () => {
    const { candidates, skipped } = candidatesFor(NAMES, true, MIN_CORES_FOR_WASM_THREADS);
    expect(candidates).toEqual([
      { name: "wasm", wasmThreads: true },
      { name: "wasm", wasmThreads: false },
      { name: "webgl" },
      { name: "webgpu" },
      { name: "cpu" },
    ]);
    expect(skipped).toEqual([]);
  });

  it("on fewer cores times only the single-threaded build, and says why the other is left out", () => {
    for (const cores of [1, 2, 3]) {
      const { candidates, skipped } = candidatesFor(NAMES, true, cores);
      // wasmThreads: false is explicit, so the winner starts the single-threaded build again.
      expect(candidates[0]).toEqual({ name: "wasm", wasmThreads: false });
      expect(candidates.filter((c) => c.name === "wasm")).toHaveLength(1);
      expect(skipped).toHaveLength(1);
      expect(skipped[0]).toMatchObject({ name: "wasm", wasmThreads: true, msPerStep: null });
      expect(skipped[0]?.notTimed).toBe(
        `${cores} logical core${cores === 1 ? "" : "s"} would give it one XNNPACK thread`,
      );
    }
  });

  it("leaves wasm as it is where the page cannot run threads at all", () => {
    const { candidates, skipped } = candidatesFor(NAMES, false, 16);
    expect(candidates[0]).toEqual({ name: "wasm" });
    expect(skipped).toEqual([]);
    expect(candidatesFor(["webgl", "cpu"], true, 2)).toEqual({
      candidates: [{ name: "webgl" }, { name: "cpu" }],
      skipped: [],
    });
  });
});
