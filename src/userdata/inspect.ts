/**
 * A first look at a file: what it is, its columns with their first values, and the guesses the
 * page offers (label column, score column, probabilities or logits). Reads at most the first
 * 64 kB (and, for an .npz, its directory and the head of each array).
 */
import { ColumnCursor, columnsOfArray, describeColumn, guessColumns } from "./columns";
import { readCsvHead } from "./csv";
import { UserDataError } from "./errors";
import { parseNpyHeader } from "./npy";
import { SNIFF_BYTES, sniffKind } from "./sniff";
import { type ByteSource, rangeChunks } from "./source";
import type { ColumnInfo, Inspection, NpyColumnLayout } from "./types";
import { entryChunks, entryHead, zipEntries } from "./zip";

/** Values sampled per column for previews and guesses. */
const SAMPLE_ROWS = 1000;

export async function inspectFile(source: ByteSource): Promise<Inspection> {
  const head = await source.read(0, Math.min(source.size, SNIFF_BYTES));
  const sniffed = sniffKind(head, source.name, source.size);
  const notices = sniffed.notice ? [sniffed.notice] : [];
  const base = { name: source.name, size: source.size, kind: sniffed.kind, notices };
  if (sniffed.kind === "csv") {
    const csv = readCsvHead(head, source.name, head.length === source.size);
    const columns = csv.columns.map((name, index) =>
      describeColumn(
        index,
        name,
        csv.rows.slice(0, SAMPLE_ROWS).map((r) => r[index] ?? ""),
      ),
    );
    if (head.length === source.size && csv.rows.length === 0) {
      throw new UserDataError("empty", `${source.name} has a header but no data rows.`);
    }
    return {
      ...base,
      columns,
      rows: null,
      guess: guessColumns(columns),
      csv: { delimiter: csv.delimiter, dataStart: csv.dataStart },
    };
  }
  const layouts = sniffed.kind === "npy" ? npyLayouts(head, source.name) : await npzLayouts(source);
  const columns: ColumnInfo[] = [];
  for (const [index, layout] of layouts.entries()) {
    columns.push(describeColumn(index, layout.name, await sampleColumn(source, layout)));
  }
  const lengths = new Set(layouts.map((l) => l.rows));
  if (lengths.size > 1) {
    base.notices.push(
      `The arrays differ in length (${layouts.map((l) => `${l.name}: ${l.rows}`).join(", ")}): choose two of the same length.`,
    );
  }
  return {
    ...base,
    columns,
    rows: layouts[0]?.rows ?? 0,
    guess: guessColumns(columns),
    npy: layouts,
  };
}

type NamedLayout = NpyColumnLayout;

function npyLayouts(head: Uint8Array, name: string): NamedLayout[] {
  const header = parseNpyHeader(head, name);
  const layouts = columnsOfArray(header, name, undefined, true) as NamedLayout[];
  if (layouts.length < 2) {
    throw new UserDataError(
      "shape",
      `${name} holds one array of shape (${header.shape[0]},): a single .npy needs labels and scores together, as columns of an (N, 2) array (np.stack([labels, scores], axis=1)) or fields of a structured array; or save both in an .npz (np.savez("preds.npz", labels=labels, scores=scores)).`,
    );
  }
  return layouts;
}

async function npzLayouts(source: ByteSource): Promise<NamedLayout[]> {
  const entries = await zipEntries(source);
  const arrays = entries.filter((e) => e.name.endsWith(".npy"));
  if (arrays.length === 0) {
    const names = entries
      .slice(0, 4)
      .map((e) => e.name)
      .join(", ");
    throw new UserDataError(
      "not-npz",
      `${source.name} is a zip archive without NumPy arrays (${entries.length === 0 ? "it is empty" : `it holds ${names}${entries.length > 4 ? ", …" : ""}`}): not an .npz.`,
    );
  }
  const layouts: NamedLayout[] = [];
  for (const entry of arrays) {
    const arrayName = entry.name.replace(/\.npy$/, "");
    const header = parseNpyHeader(
      await entryHead(source, entry, 64 * 1024),
      `${arrayName} in ${source.name}`,
    );
    const single = arrays.length === 1;
    layouts.push(...(columnsOfArray(header, arrayName, entry, single) as NamedLayout[]));
  }
  if (layouts.length < 2) {
    throw new UserDataError(
      "shape",
      `${source.name} holds one array with one value per example: it needs labels and scores (np.savez("preds.npz", labels=labels, scores=scores)).`,
    );
  }
  return layouts;
}

/**
 * A cursor over a column: in an .npy file, reads start at the column's first element; in an
 * .npz entry, the content before it is decompressed and skipped.
 */
export function openColumn(
  source: ByteSource,
  layout: NpyColumnLayout,
  chunkSize: number,
  rows = layout.rows,
): ColumnCursor {
  const span = layout.firstOffset + rows * layout.stride;
  if (!layout.entry) {
    const start = layout.dataOffset + layout.firstOffset;
    const chunks = rangeChunks(source, start, span - layout.firstOffset, chunkSize);
    return new ColumnCursor(chunks, { ...layout, firstOffset: 0, rows });
  }
  const content = skipBytes(entryChunks(source, layout.entry, chunkSize), layout.dataOffset);
  return new ColumnCursor(content, { ...layout, rows });
}

async function* skipBytes(chunks: AsyncIterable<Uint8Array>, count: number) {
  let left = count;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield chunk.subarray(left);
    left = 0;
  }
}

async function sampleColumn(source: ByteSource, layout: NpyColumnLayout): Promise<string[]> {
  const rows = Math.min(layout.rows, SAMPLE_ROWS);
  const cursor = openColumn(source, layout, 64 * 1024, rows);
  const values: string[] = [];
  for (let part = await cursor.next(); part; part = await cursor.next()) {
    for (const v of part) values.push(String(v));
  }
  return values;
}
