/// <reference types="node" />
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeLabelScoreRecords, encodeNpy, encodeNpz } from "./npyWrite";
import { readAll } from "./testing";

const examples = join(import.meta.dirname, "../../public/examples");
const load = (name: string) => new Uint8Array(readFileSync(join(examples, name)));

describe("the example files of the page", () => {
  it("detector-ce.npz: the held-out set, 128 positives among 131,072 locations, as logits", async () => {
    const r = await readAll(load("detector-ce.npz"), "detector-ce.npz");
    expect(r.summary).toMatchObject({ rows: 131_072, positives: 128 });
    expect(r.scoreKind).toBe("logit");
  });

  it("detector-fl.npy: the same locations under α-FL, as a structured array", async () => {
    const r = await readAll(load("detector-fl.npy"), "detector-fl.npy");
    expect(r.summary).toMatchObject({ rows: 131_072, positives: 128 });
    expect(r.scoreKind).toBe("logit");
  });

  it("fraud.csv: 60 frauds among 60,000 rows, as probabilities", async () => {
    const r = await readAll(load("fraud.csv"), "fraud.csv");
    expect(r.summary).toMatchObject({ rows: 60_000, positives: 60 });
    expect(r.scoreKind).toBe("probability");
  });
});

describe("npyWrite", () => {
  it("writes files the reader reads back: 1-D arrays in an .npz, stored and compressed", async () => {
    const labels = Uint8Array.from([0, 1, 0, 1]);
    const logits = Float64Array.from([-2, 3, -0.5, 0.25]);
    for (const compress of [false, true]) {
      const r = await readAll(encodeNpz({ labels, logits }, compress), "w.npz");
      expect(r.summary).toMatchObject({ rows: 4, positives: 2 });
      expect(r.summary.logitRange).toEqual([-2, 3]);
    }
  });

  it("pads the header so the data starts on a 64-byte boundary", () => {
    const bytes = encodeNpy(Float32Array.from([1, 2, 3]));
    expect((bytes.length - 12) % 64).toBe(0);
    const records = encodeLabelScoreRecords(Uint8Array.from([1]), Float32Array.from([0.5]));
    expect((records.length - 5) % 64).toBe(0);
  });
});
