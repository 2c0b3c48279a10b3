import { describe, expect, it } from "vitest";
import { buildCsv, csvCell, curvesTable } from "./csv";

describe("CSV cells", () => {
  it("writes numbers in plain notation with ten significant digits", () => {
    expect(csvCell(0.1 + 0.2)).toBe("0.3");
    expect(csvCell(100000)).toBe("100000");
    expect(csvCell(1.23456789012345e-7)).toBe("1.23456789e-7");
    expect(csvCell(-2.5)).toBe("-2.5");
  });

  it("spells out non-finite numbers and leaves missing values empty", () => {
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(csvCell(Number.NaN)).toBe("NaN");
    expect(csvCell(null)).toBe("");
  });

  it("quotes text with commas, quotes, newlines or a leading #", () => {
    expect(csvCell("α-FL")).toBe("α-FL");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("#1")).toBe('"#1"');
  });
});

describe("building a CSV", () => {
  it("puts the comments, the column descriptions and the header above the rows", () => {
    const csv = buildCsv(
      {
        columns: [
          { key: "p_t", description: "probability of the true class" },
          { key: "ce", description: "CE" },
        ],
        rows: [
          [0.5, Math.LN2],
          [1, 0],
        ],
      },
      ["settings: gamma=2", "multi\nline"],
    );
    expect(csv).toBe(
      [
        "# settings: gamma=2",
        "# multi line",
        "# column p_t: probability of the true class",
        "# column ce: CE",
        "p_t,ce",
        "0.5,0.6931471806",
        "1,0",
        "",
      ].join("\n"),
    );
  });

  it("merges curves on different grids by x, leaving gaps empty", () => {
    const table = curvesTable({ key: "x", description: "x" }, [
      {
        id: "a",
        label: "A",
        points: [
          { x: 0, y: 1 },
          { x: 1, y: 2 },
        ],
      },
      {
        id: "b",
        label: "B",
        points: [
          { x: 1, y: 3 },
          { x: 0.5, y: 4 },
        ],
      },
    ]);
    expect(table.columns.map((c) => c.key)).toEqual(["x", "a", "b"]);
    expect(table.rows).toEqual([
      [0, 1, null],
      [0.5, null, 4],
      [1, 2, 3],
    ]);
  });
});
