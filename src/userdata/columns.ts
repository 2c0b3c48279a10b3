/**
 * Columns of a NumPy array, read element by element from a byte stream: a column is every
 * `stride`-th element from a first offset, so one reader serves a 1-D array, a column of a 2-D
 * array in C or Fortran order, and a field of a structured array.
 */
import { grouped, UserDataError } from "./errors";
import { elementReader, type NpyHeader } from "./npy";
import type { ColumnInfo, NpyColumnLayout, ZipEntryInfo } from "./types";

/** The columns an array offers, named after the array (and its column index or field name). */
export function columnsOfArray(
  header: NpyHeader,
  arrayName: string,
  entry: ZipEntryInfo | undefined,
  single: boolean,
): NpyColumnLayout[] {
  const shapeText = `(${header.shape.join(", ")}${header.shape.length === 1 ? "," : ""})`;
  const base = { arrayName, entry, dataOffset: header.dataOffset };
  const [rows = 0, width = 1] = header.shape;
  const tooMany = header.shape.length > 2 || (header.fields.length > 0 && header.shape.length > 1);
  if (header.shape.length === 0 || tooMany) {
    throw new UserDataError(
      "shape",
      `${arrayName} has shape ${shapeText}: expected one value per example, (N,), or columns, (N, k).`,
    );
  }
  if (header.fields.length > 0) {
    return header.fields.map((f) => ({
      ...base,
      name: `${single ? "" : `${arrayName}.`}${f.name}`,
      firstOffset: f.offset,
      stride: header.itemSize,
      descr: f.descr,
      elementSize: elementSize(f.descr),
      rows,
    }));
  }
  const descr = header.descr as string;
  const size = header.itemSize;
  if (header.shape.length === 1) {
    return [
      { ...base, name: arrayName, firstOffset: 0, stride: size, descr, elementSize: size, rows },
    ];
  }
  return Array.from({ length: width }, (_, j) => ({
    ...base,
    name: single ? `column ${j}` : `${arrayName}[:, ${j}]`,
    firstOffset: header.fortranOrder ? j * rows * size : j * size,
    stride: header.fortranOrder ? size : width * size,
    descr,
    elementSize: size,
    rows,
  }));
}

function elementSize(descr: string): number {
  return Number(/(\d+)$/.exec(descr)?.[1] ?? 0);
}

/**
 * Decodes a column from a stream of bytes that starts at the array's data: skips to the first
 * element, then reads one element every `stride` bytes, `rows` elements in all.
 */
export class ColumnCursor {
  private readonly read;
  private pending = new Uint8Array(0);
  private toSkip: number;
  private left: number;

  constructor(
    private readonly chunks: AsyncIterator<Uint8Array>,
    private readonly layout: Pick<
      NpyColumnLayout,
      "firstOffset" | "stride" | "descr" | "rows" | "arrayName" | "elementSize"
    >,
  ) {
    this.read = elementReader(layout.descr);
    this.toSkip = layout.firstOffset;
    this.left = layout.rows;
  }

  /** The next decoded values (possibly none), or null when the column is complete. */
  async next(): Promise<Float64Array | null> {
    if (this.left === 0) return null;
    const { value, done } = await this.chunks.next();
    if (done) {
      throw new UserDataError(
        "lengths",
        `${this.layout.arrayName} ends ${grouped(this.left)} elements short of its shape: the file is cut short.`,
      );
    }
    let data = value;
    if (this.toSkip > 0) {
      const skip = Math.min(this.toSkip, data.length);
      this.toSkip -= skip;
      data = data.subarray(skip);
    }
    if (this.pending.length > 0) {
      const joined = new Uint8Array(this.pending.length + data.length);
      joined.set(this.pending);
      joined.set(data, this.pending.length);
      data = joined;
    }
    const { stride, elementSize } = this.layout;
    const available =
      data.length >= elementSize ? Math.floor((data.length - elementSize) / stride) + 1 : 0;
    const n = Math.min(available, this.left);
    const out = new Float64Array(n);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let k = 0; k < n; k++) out[k] = this.read(view, k * stride);
    this.left -= n;
    const consumed = n * stride;
    if (consumed > data.length) {
      this.toSkip += consumed - data.length;
      this.pending = new Uint8Array(0);
    } else {
      this.pending = this.left > 0 ? data.slice(consumed) : new Uint8Array(0);
    }
    return out;
  }
}

/** What the page shows of a column: first values, distinct values, numeric and in [0, 1]. */
export function describeColumn(index: number, name: string, values: readonly string[]): ColumnInfo {
  const distinct = [...new Set(values.map((v) => v.trim()))];
  const numbers = values.map((v) => (v.trim() === "" ? Number.NaN : Number(v)));
  const numeric = values.length > 0 && numbers.every(Number.isFinite);
  return {
    index,
    name,
    sample: values.slice(0, 5),
    distinct: distinct.length <= 20 ? distinct.sort(compareValues) : null,
    numeric,
    unitInterval: numeric && numbers.every((v) => v >= 0 && v <= 1),
  };
}

function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.localeCompare(b);
}

/** The label and score columns to offer first, and whether the scores look like probabilities. */
export function guessColumns(columns: readonly ColumnInfo[]): {
  label: number;
  score: number;
  scoreKind: "probability" | "logit";
} {
  const binary = (c: ColumnInfo) =>
    c.distinct !== null &&
    c.distinct.length > 0 &&
    c.distinct.every((v) => ["0", "1", "0.0", "1.0", "true", "false", "True", "False"].includes(v));
  const labelName = /^(y|y_?true|labels?|targets?|truth|gt|ground_?truth|actual|class|is_\w+)$/i;
  const label =
    columns.find((c) => labelName.test(c.name.replace(/^.*[.[]/, "").replace(/\.npy$/, ""))) ??
    columns.find((c) => /label|target/i.test(c.name)) ??
    columns.find(binary) ??
    columns[0];
  const others = columns.filter((c) => c !== label);
  const score =
    others.find((c) => /score|logit|prob|pred|output|y_?hat|conf/i.test(c.name) && c.numeric) ??
    others.find((c) => c.numeric && !binary(c)) ??
    others.find((c) => c.numeric) ??
    others[0];
  return {
    label: label?.index ?? 0,
    score: score?.index ?? 1,
    scoreKind: score?.unitInterval ? "probability" : "logit",
  };
}
