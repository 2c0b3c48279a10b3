import { describe, expect, it } from "vitest";
import { applyUpdate, emptyView, isCurrent, seriesPoints } from "./history";

const steps = (firstStep: number, values: number[]) => ({
  firstStep,
  loss: Float32Array.from(values),
  lossPositive: Float32Array.from(values.map((v) => v / 2)),
  lossNegative: Float32Array.from(values.map((v) => v / 2)),
});

describe("applyUpdate", () => {
  it("appends step statistics in order and keeps counters and status", () => {
    let view = emptyView();
    view = applyUpdate(view, {
      status: "running",
      runs: [{ id: "a", step: 2, stepsPerSecond: 5, divergence: null, steps: steps(1, [4, 3]) }],
    });
    view = applyUpdate(view, {
      status: "running",
      runs: [{ id: "a", step: 3, stepsPerSecond: 6, divergence: null, steps: steps(3, [2]) }],
    });
    expect(view.runs.a.loss).toEqual([4, 3, 2]);
    expect(view.runs.a.lossPositive).toEqual([2, 1.5, 1]);
    expect(view.runs.a.step).toBe(3);
    expect(view.runs.b.loss).toEqual([]);
    // Every applied update is a new version: what a memoized chart keys its redraws on.
    const next = applyUpdate(view, { status: "paused", runs: [] });
    expect(next.version).toBeGreaterThan(view.version);
    expect(next).not.toBe(view);
  });

  it("collects notices and keeps the last backend report", () => {
    let view = applyUpdate(emptyView(), { status: "idle", runs: [], notice: "fell back" });
    view = applyUpdate(view, { status: "running", runs: [] });
    expect(view.notices).toEqual(["fell back"]);
    expect(view.status).toBe("running");
  });

  it("keeps each notice once, however often it is sent", () => {
    let view = emptyView();
    for (const notice of ["webgl failed", "webgl failed", "other", "webgl failed"])
      view = applyUpdate(view, { status: "idle", runs: [], notice });
    expect(view.notices).toEqual(["webgl failed", "other"]);
  });
});

describe("seriesPoints", () => {
  it("keeps every step of a short series, 1-based", () => {
    expect(seriesPoints([5, 6, 7])).toEqual([
      { x: 1, y: 5 },
      { x: 2, y: 6 },
      { x: 3, y: 7 },
    ]);
  });

  it("averages buckets beyond the point budget and drops non-finite values", () => {
    const pts = seriesPoints([1, 3, Number.NaN, 5, 7, 9], 3);
    expect(pts).toEqual([
      { x: 1.5, y: 2 },
      { x: 3.5, y: 5 },
      { x: 5.5, y: 8 },
    ]);
  });
});

describe("isCurrent", () => {
  it("accepts only updates of the page's current generation (absent counts as 0)", () => {
    expect(isCurrent({}, 0)).toBe(true);
    expect(isCurrent({ generation: 0 }, 1)).toBe(false);
    expect(isCurrent({ generation: 3 }, 3)).toBe(true);
  });
});
