import { describe, expect, it } from "vitest";
import { expectedCalibrationError, reliabilityBins } from "../math/calibration";
import { normalizedLossCdf } from "../math/figure4";
import { sigmoid } from "../math/numeric";
import { lossShares } from "../math/shares";
import { inspectFile } from "./inspect";
import { readPredictions } from "./read";
import { bytesSource } from "./source";
import { messageOf, readAll, text } from "./testing";

const csv = (body: string, header = "label,score") => text(`${header}\n${body}`);

describe("reading CSV predictions", () => {
  it("counts the examples and reads probabilities when every score is in [0, 1]", async () => {
    const result = await readAll(csv("1,0.9\n0,0.2\n0,0.4\n"), "p.csv");
    expect(result.summary).toMatchObject({ rows: 3, positives: 1, negatives: 2 });
    expect(result.scoreKind).toBe("probability");
    expect(result.notes.join(" ")).toMatch(/Every score is in \[0, 1\]/);
  });

  it("reads logits at once when the first values leave [0, 1]", async () => {
    const result = await readAll(csv("1,0.9\n0,0.2\n0,-3.5\n"), "p.csv");
    expect(result.scoreKind).toBe("logit");
    expect(result.notes.join(" ")).toMatch(
      /the first values of "score" include -3.5, outside \[0, 1\]/,
    );
    expect(result.summary.logitRange).toEqual([-3.5, 0.9]);
  });

  it("switches to logits when a score outside [0, 1] turns up after the sample, and says where", async () => {
    const body = `${"0,0.25\n".repeat(1500)}1,0.75\n0,-3.5\n`;
    const result = await readAll(csv(body), "p.csv");
    expect(result.scoreKind).toBe("logit");
    expect(result.notes.join(" ")).toMatch(
      /line 1,503, column 2 \(score\) holds -3.5, outside \[0, 1\], so they are not probabilities/,
    );
    expect(result.summary.rows).toBe(1502);
  });

  it("refuses probabilities outside [0, 1] when the reader chose probabilities", async () => {
    const message = await messageOf(
      readAll(csv("1,0.9\n0,1.5\n"), "p.csv", { scoreMode: "probability" }),
    );
    expect(message).toMatch(/line 3, column 2 \(score\): the score 1.5 is outside \[0, 1\]/);
  });

  it("clips probabilities of exactly 0 or 1 and says how many", async () => {
    const result = await readAll(csv("1,1\n0,0\n0,0\n1,0.7\n"), "p.csv");
    expect(result.clipped).toEqual({ low: 2, high: 1 });
    expect(result.notes.join(" ")).toMatch(
      /3 probabilities within 1e-7 of 0 or 1 \(2 low, 1 high\)/,
    );
    expect(result.summary.logitRange[0]).toBeCloseTo(Math.log(1e-7 / (1 - 1e-7)), 9);
  });

  it("reads tab-separated files with the columns in any order and extra columns", async () => {
    const bytes = text("id\tlogit\tis_fraud\na\t-2\t0\nb\t3\t1\n");
    const result = await readAll(bytes, "p.tsv");
    expect(result.summary).toMatchObject({ rows: 2, positives: 1 });
    expect(result.scoreKind).toBe("logit");
  });

  it("reads labels one-vs-rest when the reader names the positive class", async () => {
    const bytes = text("class,score\ncat,0.9\ndog,0.2\nbird,0.1\ncat,0.6\n");
    const result = await readAll(bytes, "p.csv", {
      label: 0,
      score: 1,
      labelRule: { kind: "positive", value: "cat" },
    });
    expect(result.summary).toMatchObject({ positives: 2, negatives: 2 });
  });
});

describe("bad CSV input gets a message that says where and what", () => {
  const cases: [string, string, RegExp][] = [
    [
      "a score that is not a number",
      "1,0.9\n0,abc\n",
      /line 3, column 2 \(score\): the score "abc" is not a number/,
    ],
    [
      "a decimal comma",
      '1,0.9\n0,"0,5"\n',
      /line 3, column 2 \(score\): the score "0,5" is not a number \(a decimal comma/,
    ],
    ["an empty score", "1,0.9\n0,\n", /line 3, column 2 \(score\): the score is empty/],
    [
      "a label other than 0/1",
      "1,0.9\n2,0.5\n",
      /line 3, column 1 \(label\): the label "2" is not 0 or 1/,
    ],
    ["a missing field", "1,0.9\n0\n", /line 3 has 1 field, the header has 2/],
    ["a single class", "0,0.1\n0,0.3\n", /All 2 examples in x.csv are negatives \(label 0\)/],
    ["a header without rows", "", /has a header but no data rows/],
    [
      "infinite logits",
      "1,2\n0,-Infinity\n",
      /line 3, column 2 \(score\): the score "-Infinity" is not finite/,
    ],
  ];
  for (const [what, body, message] of cases) {
    it(what, async () => {
      expect(await messageOf(readAll(csv(body), "x.csv"))).toMatch(message);
    });
  }

  it("a blank file", async () => {
    expect(await messageOf(readAll(text("  \n\n"), "x.csv"))).toMatch(/holds no data: it is blank/);
  });

  it("stops with 'cancelled' when asked between chunks", async () => {
    const body = "1,0.9\n0,0.1\n".repeat(200_000);
    const source = bytesSource(csv(body), "big.csv");
    const inspection = await inspectFile(source);
    let calls = 0;
    const message = await messageOf(
      readPredictions(
        source,
        inspection,
        { label: 0, score: 1, scoreMode: "auto", labelRule: { kind: "binary" } },
        { cancelled: () => ++calls >= 2 },
      ),
    );
    expect(message).toMatch(/cancelled/);
  });
});

describe("the summary stands for the examples", () => {
  // A detector-like mix: few positives, a bulk of easy negatives and a tail of hard ones.
  const n = 40_000;
  const logits = Array.from({ length: n }, (_, i) => {
    const u = ((i * 0.754877666) % 1) * 0.999 + 0.0005;
    return i % 100 === 0 ? 3 * Math.log(u / (1 - u)) + 1 : 1.5 * Math.log(u / (1 - u)) - 5;
  });
  const labels = logits.map((_, i) => (i % 100 === 0 ? 1 : 0));
  const body = logits.map((x, i) => `${labels[i]},${x}`).join("\n");

  it("gives loss and gradient shares within 1e-4 of the exact sums over every example", async () => {
    const { summary } = await readAll(csv(body), "mix.csv");
    for (const opts of [
      { gamma: 0, alpha: null },
      { gamma: 2, alpha: 0.25 },
      { gamma: 5, alpha: 0.75 },
    ]) {
      const exact = lossShares(logits, labels, opts);
      const binned = lossShares(
        summary.samples.logits,
        summary.samples.labels,
        opts,
        summary.samples.counts,
      );
      expect(binned.counts).toEqual(exact.counts);
      for (const m of ["loss", "gradient"] as const) {
        for (const g of ["positives", "hardNegatives", "easyNegatives"] as const) {
          expect(Math.abs(binned[m][g] - exact[m][g])).toBeLessThan(1e-4);
        }
      }
    }
  });

  it("gives Figure 4 curves within 1e-3 of the exact ones", async () => {
    const { summary } = await readAll(csv(body), "mix.csv");
    const s = summary.samples;
    for (const y of [0, 1] as const) {
      const exact = normalizedLossCdf(logits, labels, y, 2, 51);
      const binned = normalizedLossCdf(s.logits, s.labels, y, 2, 51, s.counts);
      exact.cumulativeLoss.forEach((v, j) => {
        expect(Math.abs((binned.cumulativeLoss[j] as number) - v)).toBeLessThan(1e-3);
      });
    }
  });

  it("gives the exact reliability bins and ECE", async () => {
    const { summary } = await readAll(csv(body), "mix.csv");
    const exact = reliabilityBins(logits.map(sigmoid), labels, 120);
    summary.reliability.forEach((b, i) => {
      expect(b.count).toBe(exact[i]?.count);
      expect(b.positives).toBe(exact[i]?.positives);
    });
    expect(expectedCalibrationError(summary.reliability)).toBeCloseTo(
      expectedCalibrationError(exact),
      12,
    );
  });
});
