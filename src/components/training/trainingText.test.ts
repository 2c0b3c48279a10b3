/** The training figures' caption numbers and tables, from small hand-made histories. */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../experiment/config";
import type { Evaluation, ImageReport } from "../../experiment/evaluation";
import { figure4Table, hardestShare, ohemKeptOnCdf } from "./figure4Text";
import { heatmapProbe, heatmapsTable } from "./heatmapsText";
import { lossHistoryCaption, lossHistoryTable, tableSteps } from "./lossHistoryText";
import {
  methodRows,
  methodsCaption,
  methodsDataRows,
  methodsTable,
  panelMethods,
} from "./methodsText";
import { metricsCaption, metricsTable } from "./metricsText";
import { prTable, thinPr } from "./prText";
import { shareBars, sharesCaption } from "./sharesText";

describe("Figure 7 (training loss)", () => {
  it("tabulates about ten steps, always ending at the last", () => {
    expect(tableSteps(0)).toEqual([]);
    expect(tableSteps(4)).toEqual([1, 2, 3, 4]);
    const many = tableSteps(1234);
    expect(many.at(-1)).toBe(1234);
    expect(many.length).toBeLessThanOrEqual(11);
    expect(many.every((s, i) => i === 0 || s > (many[i - 1] as number))).toBe(true);
  });

  it("states each run's latest loss and its parts", () => {
    const runs = {
      a: { loss: [3, 2], lossPositive: [1, 0.5], lossNegative: [2, 1.5] },
      b: { loss: [1], lossPositive: [0.25], lossNegative: [0.75] },
    };
    expect(lossHistoryCaption(runs)).toEqual({
      steps: "2",
      a: { loss: "2", positives: "0.5", negatives: "1.5" },
      b: { loss: "1", positives: "0.25", negatives: "0.75" },
    });
    expect(lossHistoryTable(runs).rows.at(-1)).toEqual(["2", "2", "0.5", "1.5", "–", "–", "–"]);
    const empty = { loss: [], lossPositive: [], lossNegative: [] };
    expect(lossHistoryCaption({ a: empty, b: empty })).toBeNull();
  });
});

describe("Figure 8 (held-out AP)", () => {
  it("pairs A and B by step, not by position", () => {
    const m = (step: number, ap: number) => ({ step, ap, recallAtP50: ap / 2 });
    const runs = { a: { metrics: [m(0, 0.1), m(25, 0.5)] }, b: { metrics: [m(25, 0.8)] } };
    expect(metricsTable(runs).rows).toEqual([
      ["0", "0.1", "0.05", "–", "–"],
      ["25", "0.5", "0.25", "0.8", "0.4"],
    ]);
    expect(metricsCaption(runs)?.b).toEqual({ ap: "0.8", recall: "0.4" });
    expect(metricsCaption({ a: { metrics: [] }, b: runs.b })).toBeNull();
  });
});

describe("Figure 9 (precision–recall)", () => {
  it("thins a long curve, keeping its first and last points", () => {
    const n = 1001;
    const pr = {
      recall: Float64Array.from({ length: n }, (_, i) => i / (n - 1)),
      precision: Float64Array.from({ length: n }, (_, i) => 1 - i / (n - 1)),
    };
    const points = thinPr(pr, 100);
    expect(points.length).toBeLessThanOrEqual(101);
    expect(points[0]).toEqual({ x: 0, y: 1 });
    expect(points.at(-1)).toEqual({ x: 1, y: 0 });
    const rows = prTable({ a: points, b: [] }).rows;
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual(["A", "0", "1"]);
    expect(rows.at(-1)).toEqual(["A", "1", "0"]);
  });
});

describe("Figure 10 (loss shares)", () => {
  const shares = (easy: number) => ({
    loss: { positives: 0.1, hardNegatives: 0.9 - easy, easyNegatives: easy },
    gradient: { positives: Number.NaN, hardNegatives: 0.5, easyNegatives: 0.5 },
    counts: { positives: 1, hardNegatives: 1, easyNegatives: 1 },
  });
  const runs = {
    a: { initial: { step: 0, shares: shares(0.7) }, latest: { step: 50, shares: shares(0.05) } },
    b: { initial: { step: 0, shares: shares(0.7) }, latest: { step: 0, shares: shares(0.7) } },
  };

  it("draws a bar at init and one now (once trained), undefined shares as 0", () => {
    expect(shareBars(runs, "loss").map((b) => b.label)).toEqual([
      "A at init",
      "A step 50",
      "B at init",
    ]);
    expect(shareBars(runs, "gradient")[0]?.shares.positives).toBe(0);
    expect(sharesCaption(runs).a).toEqual({ initial: "70%", latest: "5%", kept: null });
  });

  it("states what an OHEM run keeps of the held-out set", () => {
    const ohem = {
      ...runs,
      b: {
        ...runs.b,
        latest: {
          step: 50,
          shares: shares(0),
          trained: { positives: 120, hardNegatives: 48, easyNegatives: 0 },
        },
      },
    };
    expect(sharesCaption(ohem).b.kept).toEqual({
      total: "168",
      positives: "120",
      hardNegatives: "48",
      easyNegatives: "0",
    });
  });
});

describe("Figure 11 (the paper's Figure 4)", () => {
  it("reads the hardest fraction's share off the cumulative loss", () => {
    const cdf = {
      fraction: Float64Array.from([0, 0.25, 0.5, 0.75, 1]),
      cumulativeLoss: Float64Array.from([0, 0.1, 0.2, 0.3, 1]),
    };
    // The hardest 25%: everything above the 75% mark, 1 − 0.3.
    expect(hardestShare(cdf, 0.25)).toBe("70%");
    expect(
      hardestShare({ fraction: new Float64Array(0), cumulativeLoss: new Float64Array(0) }, 0.2),
    ).toBe("–");
    const table = figure4Table({
      pos: cdf,
      neg: { fraction: Float64Array.from([0, 1]), cumulativeLoss: Float64Array.from([0, 1]) },
    });
    expect(table.rows.at(-1)).toEqual(["1", "1", "1"]);
    expect(table.rows[0]).toEqual(["0", "0", "0"]);
  });

  it("marks where an OHEM run's kept set starts on each class's curve, and what it carries", () => {
    // Negatives ranked by CE (ascending): softplus(x) at x = −4, −2, 0, 1; γ = 0.
    const ranked = {
      positives: Float32Array.from([0, -1]),
      negatives: Float32Array.from([-4, -2, 0, 1]),
    };
    const measured = { positives: 2, negatives: 4, ratio: 2 };
    const trained = { positives: 1, hardNegatives: 1, easyNegatives: 0 };
    const sp = (x: number) => Math.log1p(Math.exp(x));
    // The hardest negative (x = 1): 1.313 of 0.018 + 0.127 + 0.693 + 1.313 = 61.0%; the
    // hardest positive (x = −1, CE softplus(1)): 1.313 of 0.693 + 1.313 = 65.5%.
    expect(sp(1) / (sp(-4) + sp(-2) + sp(0) + sp(1))).toBeCloseTo(0.61, 2);
    expect(ohemKeptOnCdf(ranked, 0, trained, measured)).toEqual({
      negativesFrom: 0.75,
      positivesFrom: 0.5,
      negatives: "25%",
      positives: "50%",
      negativesLoss: "61%",
      positivesLoss: "65.5%",
    });
    expect(ohemKeptOnCdf(ranked, 0, undefined, measured)).toBeNull();
  });
});

describe("Figure 13 (score maps)", () => {
  const image: ImageReport = {
    index: 0,
    pixels: new Float32Array(64 * 64),
    probabilities: new Float32Array(32 * 32).fill(0.5),
    targets: [{ row: 3, col: 4 }],
    distractors: [],
    detections: [{ row: 3, col: 4, score: 0.5 }],
  };
  const latest = {
    step: 10,
    images: [image],
    predictions: {
      logits: new Float32Array(32 * 32),
      labels: new Uint8Array(0),
      distractorMask: new Uint8Array(0),
    },
  } satisfies Pick<Evaluation, "step" | "images" | "predictions">;
  const runs = { a: { latest }, b: { latest: null } };

  it("reads a hovered target's p_t and its loss under its run's α-FL", () => {
    const configs = {
      a: { ...DEFAULT_CONFIG, loss: "alpha-fl" as const, gamma: 2, alpha: 0.25 },
      b: DEFAULT_CONFIG,
    };
    const probe = heatmapProbe(runs, configs, { run: "a", image: 0, row: 3, col: 4 });
    expect(probe?.positive).toBe(true);
    expect(probe?.pt).toBeCloseTo(0.5, 12);
    // α (1 − p_t)^γ (−ln p_t) at logit 0: 0.25 · 0.25 · ln 2.
    expect(probe?.loss).toBeCloseTo(0.25 * 0.25 * Math.LN2, 12);
    expect(heatmapProbe(runs, configs, { run: "b", image: 0, row: 0, col: 0 })).toBeNull();
    expect(heatmapsTable(runs).rows).toEqual([["1", "1", "1", "–"]]);
  });
});

describe("Figure 12 (where each method spends the gradient)", () => {
  // One positive at x = 2 and negatives at −5 (easy) and 0 (hard), each sample standing for 2 examples.
  const input = {
    ranked: { positives: Float32Array.from([2]), negatives: Float32Array.from([-5, 0]) },
    positives: 2,
    negatives: 4,
  };

  it("compares the paper's settings of CE, α-CE, α-FL, FL* and both OHEM ratios", () => {
    expect(panelMethods(128).map((m) => m.label)).toEqual([
      "CE",
      "α-CE α = 0.75",
      "α-FL γ = 2, α = 0.25",
      "FL* γ = 2, β = 1, α = 0.25",
      "OHEM, batch 128",
      "OHEM 1:3, batch 128",
    ]);
    // 128 held-out images × 128 × 1,024 / 100,000 = 167.8 → 168 kept.
    expect(panelMethods(128)[4]?.method).toEqual({ kind: "ohem", ratio: "none", keep: 168 });
  });

  it("weighs thinned samples by class size, and lets OHEM train on its kept set only", () => {
    const rows = methodRows(input);
    const ce = rows.find((r) => r.id === "ce");
    // CE: 2·softplus(−2) + 2·softplus(−5) + 2·softplus(0); gradients 2σ(−2), 2σ(−5), 2σ(0).
    const [pos, easy, hard] = [Math.log1p(Math.exp(-2)), Math.log1p(Math.exp(-5)), Math.LN2];
    expect(ce?.shares.loss.positives).toBeCloseTo(pos / (pos + easy + hard), 12);
    expect(ce?.shares.trained).toEqual({ positives: 2, hardNegatives: 2, easyNegatives: 2 });
    // 6 locations < one image: OHEM keeps at least 4 — the hardest: 2 hard negatives (ln 2 each),
    // 2 positives (0.127 each), no easy negative.
    const ohem = rows.find((r) => r.id === "ohem");
    expect(ohem?.shares.trained).toEqual({ positives: 2, hardNegatives: 2, easyNegatives: 0 });
    expect(ohem?.shares.loss.easyNegatives).toBe(0);
    const c = methodsCaption(rows);
    expect(c.ohem).toEqual({ total: "4", positives: "2", hardNegatives: "2", easyNegatives: "0" });
    expect(c.ohem13?.total).toBe("4");
    expect(c.locations).toBe("6");
    // Easy negative at x = −5: CE's gradient σ(−5) against a hard one's σ(0); FL and FL* shrink it.
    expect(c.focalTurnsDown).toBe(true);
  });

  it("tabulates and exports one row per method and group", () => {
    const rows = methodRows(input);
    expect(methodsTable(rows).rows).toHaveLength(18);
    const data = methodsDataRows("run B", rows);
    expect(data).toHaveLength(18);
    expect(data[0]?.slice(0, 4)).toEqual(["run B", "CE", "positives", 2]);
  });
});
