import { describe, expect, it } from "vitest";
import { sigmoidFocalLoss } from "../math/focal";
import {
  kerasBinaryFocalCrossentropy,
  optaxSigmoidFocalLoss,
  torchvisionSigmoidFocalLoss,
} from "./libraryModels";
import { fillTemplate, pyNumber, snippetsFor, WORKED_EXAMPLE, workedValue } from "./snippets";

const { logits, labels } = WORKED_EXAMPLE;
const positives = labels.filter((y) => y === 1).length;
const SETTINGS: [number, number | null][] = [
  [2, 0.25],
  [0, null],
  [0, 0.75],
  [0.5, 0.5],
  [5, 0.9],
  [1.37, null],
];
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("the worked example", () => {
  it("is the sum of src/math's sigmoidFocalLoss over the locations ÷ the positives", () => {
    const direct =
      sum(
        logits.map((x, i) => sigmoidFocalLoss(x, labels[i] as 0 | 1, { gamma: 2, alpha: 0.25 })),
      ) / 2;
    expect(workedValue(2, 0.25)).toBe(direct);
  });

  it("is the number every snippet prints, for every setting", () => {
    for (const [gamma, alpha] of SETTINGS) {
      const printed = workedValue(gamma, alpha).toFixed(4);
      for (const s of snippetsFor(gamma, alpha)) {
        expect(
          s.code.trimEnd().endsWith(`# ${printed}`) || s.code.trimEnd().endsWith(`// ${printed}`),
        ).toBe(true);
      }
    }
  });
});

describe("torchvision.ops.sigmoid_focal_loss, as its source computes it", () => {
  it("gives the worked value with the snippet's arguments (reduction sum ÷ positives)", () => {
    for (const [gamma, alpha] of SETTINGS) {
      const total = torchvisionSigmoidFocalLoss(
        [...logits],
        [...labels],
        alpha ?? -1,
        gamma,
        "sum",
      );
      expect((total as number) / positives).toBeCloseTo(workedValue(gamma, alpha), 12);
    }
  });

  it("weights positives by alpha: alpha = 1 leaves only the positives' loss", () => {
    const each = torchvisionSigmoidFocalLoss([...logits], [...labels], 1, 2) as number[];
    each.forEach((l, i) => {
      if (labels[i] === 0) expect(l).toBe(0);
      else expect(l).toBeGreaterThan(0);
    });
  });

  it('averages over every location with reduction "mean"', () => {
    const mean = torchvisionSigmoidFocalLoss([...logits], [...labels], 0.25, 2, "mean") as number;
    expect(mean).toBeCloseTo((workedValue(2, 0.25) * positives) / logits.length, 12);
  });

  it("passes the snippet's alpha and gamma (alpha=-1 when α is off)", () => {
    const [torch] = snippetsFor(2, null);
    expect(torch?.code).toContain('alpha=-1, gamma=2.0, reduction="sum"');
    expect(snippetsFor(1.5, 0.25)[0]?.code).toContain("alpha=0.25, gamma=1.5,");
  });
});

describe("keras.losses.BinaryFocalCrossentropy, as its source computes it", () => {
  // The examples in its docstring (keras/src/losses/losses.py), to the digits it prints.
  const one = { yTrue: [[0, 1, 0, 0]], yPred: [[-18.6, 0.51, 2.94, -12.8]] };
  const two = {
    yTrue: [
      [0, 1],
      [0, 0],
    ],
    yPred: [
      [-18.6, 0.51],
      [2.94, -12.8],
    ],
  };

  it("reproduces the documented values", () => {
    const k = kerasBinaryFocalCrossentropy;
    expect(k(one.yTrue, one.yPred, { gamma: 2, fromLogits: true })).toBeCloseTo(0.691, 3);
    expect(
      k(one.yTrue, one.yPred, { applyClassBalancing: true, gamma: 2, fromLogits: true }),
    ).toBeCloseTo(0.51, 2);
    expect(k(two.yTrue, two.yPred, { gamma: 3, fromLogits: true })).toBeCloseTo(0.647, 3);
    expect(
      k(two.yTrue, two.yPred, { applyClassBalancing: true, gamma: 3, fromLogits: true }),
    ).toBeCloseTo(0.482, 3);
    expect(k(two.yTrue, two.yPred, { gamma: 4, fromLogits: true, reduction: "sum" })).toBeCloseTo(
      1.222,
      3,
    );
    expect(
      k(two.yTrue, two.yPred, {
        applyClassBalancing: true,
        gamma: 4,
        fromLogits: true,
        reduction: "sum",
      }),
    ).toBeCloseTo(0.914, 3);
    const none = k(two.yTrue, two.yPred, {
      gamma: 5,
      fromLogits: true,
      reduction: null,
    }) as number[];
    expect(none[0]).toBeCloseTo(0.0017, 4);
    expect(none[1]).toBeCloseTo(1.1561, 4);
  });

  it("gives the worked value with the snippet's arguments: shape (N, 1), sum ÷ positives", () => {
    for (const [gamma, alpha] of SETTINGS) {
      const total = kerasBinaryFocalCrossentropy(
        labels.map((y) => [y]),
        logits.map((x) => [x]),
        {
          applyClassBalancing: alpha !== null,
          alpha: alpha ?? 0.25,
          gamma,
          fromLogits: true,
          reduction: "sum",
        },
      );
      expect((total as number) / positives).toBeCloseTo(workedValue(gamma, alpha), 12);
    }
  });

  it("would average all locations into one sample with a 1-D batch", () => {
    const flat = kerasBinaryFocalCrossentropy([[...labels]], [[...logits]], {
      applyClassBalancing: true,
      gamma: 2,
      fromLogits: true,
      reduction: "sum",
    }) as number;
    expect(flat).toBeCloseTo((workedValue(2, 0.25) * positives) / logits.length, 12);
  });

  it("ignores alpha unless apply_class_balancing is on", () => {
    const base = { gamma: 2, fromLogits: true, reduction: "sum" as const };
    const a = kerasBinaryFocalCrossentropy([[1], [0]], [[0.3], [-0.4]], { ...base, alpha: 0.9 });
    const b = kerasBinaryFocalCrossentropy([[1], [0]], [[0.3], [-0.4]], { ...base, alpha: 0.1 });
    expect(a).toBe(b);
    const keras = snippetsFor(2, null)[1]?.code ?? "";
    expect(keras).toContain("apply_class_balancing=False");
    expect(keras).not.toContain("alpha=");
    expect(snippetsFor(2, 0.25)[1]?.code).toContain("apply_class_balancing=True,\n    alpha=0.25,");
  });
});

describe("optax.losses.sigmoid_focal_loss, as its source computes it", () => {
  it("gives the worked value with the snippet's arguments (per location, sum ÷ positives)", () => {
    for (const [gamma, alpha] of SETTINGS) {
      const each = optaxSigmoidFocalLoss([...logits], [...labels], alpha, gamma);
      expect(each).toHaveLength(logits.length);
      expect(sum(each) / positives).toBeCloseTo(workedValue(gamma, alpha), 12);
    }
  });

  it("weights nothing by default (alpha=None) and leaves alpha out of the call then", () => {
    const each = optaxSigmoidFocalLoss([...logits], [...labels]);
    each.forEach((l, i) => {
      expect(l).toBeCloseTo(
        sigmoidFocalLoss(logits[i] as number, labels[i] as 0 | 1, { gamma: 2, alpha: null }),
        12,
      );
    });
    expect(snippetsFor(2, null)[2]?.code).toContain("logits, labels, gamma=2.0");
    expect(snippetsFor(2, 0.25)[2]?.code).toContain("logits, labels, alpha=0.25, gamma=2.0");
  });
});

describe("pyNumber", () => {
  it("writes numbers as Python floats", () => {
    expect(pyNumber(2)).toBe("2.0");
    expect(pyNumber(0.25)).toBe("0.25");
    expect(pyNumber(-1)).toBe("-1.0");
    expect(pyNumber(0.1 + 0.2)).toBe("0.3");
  });
});

describe("the TensorFlow.js snippet", () => {
  it("is its template file filled with the worked example (the file src/engine runs)", async () => {
    const { default: template } = await import("./tfjsFocalLoss.js.txt?raw");
    const code = snippetsFor(2, 0.25).find((s) => s.library === "tfjs")?.code;
    expect(code).toBe(
      fillTemplate(template, {
        logits: "2.5, -1.0, 0.3, -3.0, 0.8, -0.2",
        labels: "1.0, 0.0, 0.0, 0.0, 1.0, 0.0",
        gamma: "2.0",
        alpha: "0.25",
        printed: workedValue(2, 0.25).toFixed(4),
      }),
    );
    expect(snippetsFor(2, null).find((s) => s.library === "tfjs")?.code).toContain(
      "sigmoidFocalLoss(logits, labels, 2.0, null)",
    );
  });

  it("refuses a template placeholder without a value", () => {
    expect(() => fillTemplate("{{x}} {{y}}", { x: "1" })).toThrow("no value for {{y}}");
  });
});
