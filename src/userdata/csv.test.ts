import { describe, expect, it } from "vitest";
import { CsvRowReader, completeLinesEnd, detectDelimiter, readCsvHead } from "./csv";
import { text } from "./testing";

describe("detectDelimiter", () => {
  it("prefers tab, then semicolon without commas, then comma", () => {
    expect(detectDelimiter("label\tscore")).toBe("\t");
    expect(detectDelimiter("label;score")).toBe(";");
    expect(detectDelimiter("label,score;x")).toBe(",");
  });
});

describe("readCsvHead", () => {
  it("reads the header, skips a BOM and finds where data starts in bytes", () => {
    const bytes = text("\ufefflabel,score é\n1,0.5\n0,0.25\n");
    const head = readCsvHead(bytes, "a.csv", true);
    expect(head.columns).toEqual(["label", "score é"]);
    expect(head.rows).toEqual([
      ["1", "0.5"],
      ["0", "0.25"],
    ]);
    expect(new TextDecoder().decode(bytes.subarray(head.dataStart))).toBe("1,0.5\n0,0.25\n");
  });

  it("keeps only complete lines of a cut sample", () => {
    const head = readCsvHead(text("y,p\n1,0.5\n0,0.2"), "a.csv", false);
    expect(head.rows).toEqual([["1", "0.5"]]);
  });

  it("says when the first line is data, not a header", () => {
    expect(() => readCsvHead(text("0,0.93\n1,0.2\n"), "a.csv", true)).toThrow(
      /line 1, "0,0.93", looks like data, not a header/,
    );
  });

  it("says when the header has a single column", () => {
    expect(() => readCsvHead(text("score\n0.5\n"), "a.csv", true)).toThrow(/has one column/);
  });
});

describe("completeLinesEnd", () => {
  it("ends after the last line break outside quotes", () => {
    expect(completeLinesEnd("a,b\nc,d\ne")).toBe(8);
    expect(completeLinesEnd('a,"x\ny"\nc,"p\nq')).toBe(8);
    expect(completeLinesEnd("no break")).toBe(0);
  });
});

describe("CsvRowReader", () => {
  const body = '1,0.5\r\n0,"0.25"\n\n1,"multi\nline"\n0,0.75\n';

  function rowsOf(chunks: string[]): [string[], number][] {
    const reader = new CsvRowReader(",", 2);
    const out: [string[], number][] = [];
    chunks.forEach((c, i) => {
      reader.push(c, i === chunks.length - 1, (fields, line) => out.push([fields, line]));
    });
    return out;
  }

  it("gives each row with the line it starts on, skipping blank lines", () => {
    expect(rowsOf([body])).toEqual([
      [["1", "0.5"], 2],
      [["0", "0.25"], 3],
      [["1", "multi\nline"], 5],
      [["0", "0.75"], 7],
    ]);
  });

  it("gives the same rows however the text is cut into chunks", () => {
    const whole = rowsOf([body]);
    for (let cut = 0; cut <= body.length; cut++) {
      expect(rowsOf([body.slice(0, cut), body.slice(cut), ""])).toEqual(whole);
    }
  });
});
