import { describe, expect, it } from "vitest";
import recordedText from "../../public/recorded-run.json?raw";
import {
  MAX_RANKED_RECORDED,
  parseRecordedRun,
  RECORDED_RUN_FORMAT,
  viewOfRecordedRun,
} from "../experiment/recordedRunView";
import { defaultsOf, serializeState } from "./schema";
import { configOf, TRAIN_SCHEMA, trainStateOf } from "./train";

const defaults = defaultsOf(TRAIN_SCHEMA);
const config = { a: configOf(defaults, "a"), b: configOf(defaults, "b") };

describe("trainStateOf", () => {
  it("is the page state that trains the same pair (configOf's inverse)", () => {
    expect(serializeState(TRAIN_SCHEMA, trainStateOf(config, 2))).toBe(
      serializeState(TRAIN_SCHEMA, defaults),
    );
    expect(trainStateOf(config, 0.5).f4gamma).toBe(0.5);
    const other = { a: { ...config.a, loss: "alpha-ce" as const, alpha: 0.75 }, b: config.b };
    const state = trainStateOf(other, 2);
    expect({ a: configOf(state, "a"), b: configOf(state, "b") }).toEqual(other);
  });

  it("round-trips an OHEM run, whose ratio and batch only an OHEM run's config carries", () => {
    const ohem = {
      a: { ...config.a, loss: "ohem" as const, ohemRatio: "1:3" as const, ohemBatch: 256 },
      b: config.b,
    };
    const state = trainStateOf(ohem, 2);
    expect({ a: configOf(state, "a"), b: configOf(state, "b") }).toEqual(ohem);
    expect(serializeState(TRAIN_SCHEMA, state)).toContain("aLoss=ohem");
    expect(serializeState(TRAIN_SCHEMA, state)).toContain("aOhem=1:3&aOhemBatch=256");
    expect(config.b).not.toHaveProperty("ohemRatio");
  });
});

describe("the checked-in recorded run (public/recorded-run.json)", () => {
  const run = parseRecordedRun(JSON.parse(recordedText));

  it("is small, and records the training page's default pair (the paper's recipe) and how it was made", () => {
    expect(new TextEncoder().encode(recordedText).length).toBeLessThan(300_000);
    expect(run.format).toBe(RECORDED_RUN_FORMAT);
    expect(run.config).toEqual(config);
    for (const c of [run.config.a, run.config.b]) {
      expect(c).toMatchObject({ optimizer: "sgd", lr: 0.01, momentum: 0.9, weightDecay: 0.0001 });
      expect(c).toMatchObject({ batchSize: 16, priorInit: true, prior: 0.01 });
    }
    expect(run.produced.by).toContain("record:run");
    expect(Number.isNaN(Date.parse(run.produced.date))).toBe(false);
  });

  it("converts into a view every training chart can draw", () => {
    const view = viewOfRecordedRun(run);
    for (const id of ["a", "b"] as const) {
      const r = view.runs[id];
      expect(r.loss).toHaveLength(run.steps);
      expect(r.loss.every(Number.isFinite)).toBe(true);
      expect(r.metrics.at(-1)?.step).toBe(run.steps);
      expect(r.metrics).toHaveLength(run.steps / run.evalEvery + 1);
      expect(r.latest?.images.length).toBeGreaterThan(0);
      expect(r.latest?.pr.recall.length).toBeGreaterThan(1);
      expect(r.ranked?.positives.length).toBe(run.measured.positives);
      expect(r.ranked?.negatives.length).toBe(MAX_RANKED_RECORDED);
    }
    // No story is asserted here: what the recorded run shows is whatever the recipe gave.
  });
});
