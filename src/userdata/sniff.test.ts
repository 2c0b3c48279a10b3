import { describe, expect, it } from "vitest";
import { UserDataError } from "./errors";
import { kindOfName, sniffKind } from "./sniff";
import { fixture, text } from "./testing";

function problemOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (error instanceof UserDataError) return `${error.problem}: ${error.message}`;
    throw error;
  }
  return "none";
}

describe("sniffKind", () => {
  it("knows NumPy arrays, zip archives and text by their first bytes", () => {
    expect(sniffKind(fixture("c_order_f8.npy"), "a.npy", 224).kind).toBe("npy");
    expect(sniffKind(fixture("stored.npz"), "a.npz", 582).kind).toBe("npz");
    expect(sniffKind(text("label,score\n1,0.5\n"), "a.csv", 18)).toEqual({ kind: "csv" });
  });

  it("reads by content and says so when the name promises another kind", () => {
    const s = sniffKind(text("label,score\n1,0.5\n"), "preds.npy", 18);
    expect(s.kind).toBe("csv");
    expect(s.notice).toMatch(/named like a NumPy \.npy array but its content is CSV\/TSV text/);
    expect(sniffKind(fixture("c_order_f8.npy"), "preds.csv", 224).notice).toMatch(
      /named like CSV\/TSV text but its content is a NumPy \.npy array/,
    );
  });

  it("refuses empty files, images, NUL bytes and invalid UTF-8 with the reason", () => {
    expect(problemOf(() => sniffKind(new Uint8Array(0), "a.csv", 0))).toMatch(/^empty: .*0 bytes/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
    expect(problemOf(() => sniffKind(png, "a.csv", 6))).toMatch(/not-text: .*a PNG image/);
    expect(problemOf(() => sniffKind(Uint8Array.from([65, 66, 0, 67]), "a.csv", 4))).toMatch(
      /byte 3 is a NUL/,
    );
    expect(problemOf(() => sniffKind(Uint8Array.from([65, 0xc3, 0x28, 66]), "a.csv", 4))).toMatch(
      /not UTF-8 text/,
    );
  });

  it("accepts a multi-byte character cut at the end of the sample", () => {
    const cut = text("label,score\n1,0.5 é").subarray(0, -1);
    expect(sniffKind(cut, "a.csv", 1000).kind).toBe("csv");
  });
});

describe("kindOfName", () => {
  it("maps extensions, ignoring case", () => {
    expect(kindOfName("X.CSV")).toBe("csv");
    expect(kindOfName("x.tsv")).toBe("csv");
    expect(kindOfName("x.npz")).toBe("npz");
    expect(kindOfName("x.parquet")).toBeNull();
  });
});
