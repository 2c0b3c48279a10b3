import { describe, expect, it } from "vitest";
import { inspectFile } from "./inspect";
import { halfToNumber, parseNpyHeader, parsePython } from "./npy";
import { bytesSource } from "./source";
import { fixture, messageOf, readAll } from "./testing";

/** The values of make_fixtures.py. */
const LABELS = [0, 1, 0, 0, 1, 0];
const SCORES = [0.1, 0.8, 0.35, 0.02, 0.6, 0.9];

describe("parsePython", () => {
  it("reads the dict literal NumPy writes", () => {
    expect(
      parsePython(
        "{'descr': [('label', '|b1'), ('score', '<f4')], 'fortran_order': False, 'shape': (6,), }",
      ),
    ).toEqual({
      descr: [
        ["label", "|b1"],
        ["score", "<f4"],
      ],
      fortran_order: false,
      shape: [6],
    });
  });
});

describe("parseNpyHeader", () => {
  it("finds dtype, order, shape and where the data starts", () => {
    const h = parseNpyHeader(fixture("fortran_f8.npy"), "f.npy");
    expect(h).toMatchObject({ descr: "<f8", fortranOrder: true, shape: [6, 2], itemSize: 8 });
    expect(h.dataOffset % 64).toBe(0); // NumPy aligns the data to 64 bytes
  });

  it("refuses a file without the magic string", () => {
    expect(() => parseNpyHeader(new TextEncoder().encode("label,score\n"), "x.npy")).toThrow(
      /does not start with NumPy's magic/,
    );
  });
});

describe("halfToNumber", () => {
  it("decodes binary16 exactly", () => {
    expect(halfToNumber(0x3c00)).toBe(1);
    expect(halfToNumber(0xc000)).toBe(-2);
    expect(halfToNumber(0x3555)).toBe(0.333251953125);
    expect(halfToNumber(0x0001)).toBe(2 ** -24);
    expect(halfToNumber(0x7c00)).toBe(Number.POSITIVE_INFINITY);
    expect(halfToNumber(0x7e00)).toBeNaN();
  });
});

describe("reading NumPy's own files", () => {
  const cases: [string, string[], number][] = [
    ["c_order_f8.npy", ["column 0", "column 1"], 1e-15],
    ["fortran_f8.npy", ["column 0", "column 1"], 1e-15],
    ["structured.npy", ["label", "score"], 1e-7],
    ["big_endian_f4.npy", ["column 0", "column 1"], 1e-7],
    ["half.npy", ["column 0", "column 1"], 1e-3],
    ["stored.npz", ["labels", "scores"], 1e-7],
  ];
  for (const [file, names, tolerance] of cases) {
    it(`reads ${file}: columns ${names.join(", ")} with NumPy's values`, async () => {
      const source = bytesSource(fixture(file), file);
      const inspection = await inspectFile(source);
      expect(inspection.columns.map((c) => c.name)).toEqual(names);
      expect(inspection.rows).toBe(6);
      const [label, score] = inspection.columns;
      expect(label?.sample.map(Number)).toEqual(LABELS.slice(0, 5));
      label?.sample.forEach((_, i) => {
        expect(Math.abs(Number(score?.sample[i]) - (SCORES[i] as number))).toBeLessThan(tolerance);
      });
      expect(inspection.guess).toEqual({ label: 0, score: 1, scoreKind: "probability" });
      const result = await readAll(fixture(file), file);
      expect(result.summary).toMatchObject({ rows: 6, positives: 2, negatives: 4 });
      expect(result.scoreKind).toBe("probability");
    });
  }

  it("reads a DEFLATE-compressed .npz and guesses y_true and logits", async () => {
    const inspection = await inspectFile(bytesSource(fixture("compressed.npz"), "c.npz"));
    expect(inspection.columns.map((c) => c.name)).toEqual(["y_true", "logits"]);
    expect(inspection.guess).toEqual({ label: 0, score: 1, scoreKind: "logit" });
    expect(Number(inspection.columns[1]?.sample[1])).toBeCloseTo(Math.log(0.8 / 0.2), 12);
    const result = await readAll(fixture("compressed.npz"), "c.npz");
    expect(result.scoreKind).toBe("logit");
    expect(result.summary.positives).toBe(2);
  });
});

describe("NumPy files that cannot be read say why", () => {
  const cases: [string, RegExp][] = [
    ["one_column.npy", /one array of shape \(6,\): a single \.npy needs labels and scores/],
    ["text.npy", /dtype '<U1': it holds text \(unicode strings\)/],
    ["objects.npy", /dtype '\|O': it holds Python objects, which need pickle/],
    ["three_d.npy", /shape \(2, 2, 2\): expected one value per example/],
  ];
  for (const [file, message] of cases) {
    it(file, async () => {
      expect(await messageOf(readAll(fixture(file), file))).toMatch(message);
    });
  }

  it("lengths.npz: labels and scores of different lengths", async () => {
    const message = await messageOf(readAll(fixture("lengths.npz"), "lengths.npz"));
    expect(message).toMatch(/labels has 6 entries but scores has 5/);
  });

  it("labels_two.npy: a label other than 0 or 1, with its index", async () => {
    const message = await messageOf(readAll(fixture("labels_two.npy"), "l.npy"));
    expect(message).toMatch(/column 0\[1\]: the label 2 is not 0 or 1/);
  });

  it("labels_two.npy read one-vs-rest with class 2 as the positive class", async () => {
    const result = await readAll(fixture("labels_two.npy"), "l.npy", {
      labelRule: { kind: "positive", value: "2" },
    });
    expect(result.summary).toMatchObject({ positives: 2, negatives: 4 });
  });

  it("a file cut short says how many elements are missing", async () => {
    const bytes = fixture("c_order_f8.npy");
    const message = await messageOf(readAll(bytes.subarray(0, bytes.length - 20), "cut.npy"));
    expect(message).toMatch(/ends \d elements short of its shape: the file is cut short/);
  });
});
