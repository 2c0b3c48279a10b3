/**
 * The full read of a reader's file into a `PredictionSummary`: streamed in chunks (1 MiB of
 * bytes at a time), with progress and a cancel check between chunks, so the same code serves a
 * Web Worker with a 10⁷-row file and Node in tests and benchmarks.
 */
import { CsvRowReader } from "./csv";
import { grouped, UserDataError } from "./errors";
import { openColumn } from "./inspect";
import { type ByteSource, rangeChunks } from "./source";
import { SummaryBuilder } from "./summary";
import type { Inspection, ReadOptions, ReadProgress, ReadResult } from "./types";
import {
  labelOfNumber,
  labelOfText,
  OutOfUnitInterval,
  type Place,
  ScoreConverter,
  scoreOfText,
} from "./values";

export const CHUNK_BYTES = 1 << 20;

export interface ReadHooks {
  onProgress?: (p: ReadProgress) => void;
  /** Checked between chunks; true stops the read with a "cancelled" error. */
  cancelled?: () => boolean;
  /** Awaited between chunks (a worker can let messages in, a page can let it paint). */
  pause?: () => Promise<void>;
}

export async function readPredictions(
  source: ByteSource,
  inspection: Inspection,
  options: ReadOptions,
  hooks: ReadHooks = {},
): Promise<ReadResult> {
  const started = performance.now();
  const notes = [...inspection.notices];
  // Auto: a score column whose first values already leave [0, 1] is read as logits at once.
  const column = inspection.columns[options.score];
  const sampledOutside = column?.numeric === true && !column.unitInterval;
  if (options.scoreMode === "auto" && sampledOutside) {
    const outside = column.sample.find((v) => !(Number(v) >= 0 && Number(v) <= 1)) ?? "";
    notes.push(
      `Scores read as logits: the first values of "${column.name}" include ${Number(Number(outside).toPrecision(6))}, outside [0, 1].`,
    );
  }
  const first =
    options.scoreMode === "logit" || (options.scoreMode === "auto" && sampledOutside)
      ? "logit"
      : "probability";
  let pass: Pass;
  try {
    pass = await readPass(source, inspection, options, first, hooks);
    if (options.scoreMode === "auto" && first === "probability") {
      notes.push(
        "Every score is in [0, 1], so the scores were read as probabilities (choose logits if they are logits).",
      );
    }
  } catch (error) {
    if (!(error instanceof OutOfUnitInterval) || options.scoreMode !== "auto") throw error;
    notes.push(
      `Scores read as logits: ${error.where} holds ${error.value}, outside [0, 1], so they are not probabilities.`,
    );
    pass = await readPass(source, inspection, options, "logit", hooks);
  }
  const { summary, converter } = pass;
  if (summary.rows === 0) {
    throw new UserDataError("empty", `${source.name} has a header but no data rows.`);
  }
  if (summary.positives === 0 || summary.negatives === 0) {
    const only = summary.positives === 0 ? "negatives (label 0)" : "positives (label 1)";
    throw new UserDataError(
      "classes",
      `All ${grouped(summary.rows)} examples in ${source.name} are ${only}: the loss shares and Figure 4 need both classes.${options.labelRule.kind === "positive" ? ` Is "${options.labelRule.value}" the positive class?` : ""}`,
    );
  }
  const clipped = { low: converter.clippedLow, high: converter.clippedHigh };
  if (clipped.low + clipped.high > 0) {
    notes.push(
      `${grouped(clipped.low + clipped.high)} probabilities within 1e-7 of 0 or 1 (${grouped(clipped.low)} low, ${grouped(clipped.high)} high) were clipped to [1e-7, 1 − 1e-7], as Keras does, so that their loss is finite.`,
    );
  }
  return {
    summary,
    scoreKind: converter.kind,
    clipped,
    notes,
    seconds: (performance.now() - started) / 1000,
  };
}

interface Pass {
  summary: ReturnType<SummaryBuilder["build"]>;
  converter: ScoreConverter;
}

async function readPass(
  source: ByteSource,
  inspection: Inspection,
  options: ReadOptions,
  kind: "probability" | "logit",
  hooks: ReadHooks,
): Promise<Pass> {
  const builder = new SummaryBuilder();
  const converter = new ScoreConverter(kind);
  if (inspection.csv) await readCsv(source, inspection, options, builder, converter, hooks);
  else await readNumpy(source, inspection, options, builder, converter, hooks);
  return { summary: builder.build(), converter };
}

async function between(hooks: ReadHooks, progress: ReadProgress): Promise<void> {
  hooks.onProgress?.(progress);
  if (hooks.pause) await hooks.pause();
  if (hooks.cancelled?.()) throw new UserDataError("cancelled", "Reading was cancelled.");
}

async function readCsv(
  source: ByteSource,
  inspection: Inspection,
  options: ReadOptions,
  builder: SummaryBuilder,
  converter: ScoreConverter,
  hooks: ReadHooks,
): Promise<void> {
  const { delimiter, dataStart } = inspection.csv as NonNullable<Inspection["csv"]>;
  const columns = inspection.columns;
  const labelName = columns[options.label]?.name ?? "";
  const scoreName = columns[options.score]?.name ?? "";
  const need = Math.max(options.label, options.score) + 1;
  const at = { line: 0 };
  const placeOf = (column: number, name: string): Place => ({
    toString: () => `line ${grouped(at.line)}, column ${column + 1} (${name})`,
  });
  const labelPlace = placeOf(options.label, labelName);
  const scorePlace = placeOf(options.score, scoreName);
  const rows = new CsvRowReader(delimiter, 2);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const onRow = (fields: string[], line: number) => {
    at.line = line;
    if (fields.length < need) {
      throw new UserDataError(
        "columns",
        `line ${grouped(line)} has ${fields.length} field${fields.length === 1 ? "" : "s"}, the header has ${columns.length}: "${scoreName}" or "${labelName}" is missing.`,
      );
    }
    const y = labelOfText(fields[options.label] as string, options.labelRule, labelPlace);
    const x = converter.toLogit(
      scoreOfText(fields[options.score] as string, scorePlace),
      scorePlace,
    );
    builder.add(y, x, converter.p);
  };
  let bytesRead = dataStart;
  for await (const chunk of rangeChunks(source, dataStart, source.size, CHUNK_BYTES)) {
    bytesRead += chunk.length;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new UserDataError(
        "not-text",
        `${source.name} is not UTF-8 text after line ${grouped(at.line)} (between bytes ${grouped(bytesRead - chunk.length)} and ${grouped(bytesRead)}).`,
      );
    }
    rows.push(text, false, onRow);
    await between(hooks, { bytesRead, totalBytes: source.size, rows: builder.rows });
  }
  rows.push(decoder.decode(), true, onRow);
  hooks.onProgress?.({ bytesRead: source.size, totalBytes: source.size, rows: builder.rows });
}

async function readNumpy(
  source: ByteSource,
  inspection: Inspection,
  options: ReadOptions,
  builder: SummaryBuilder,
  converter: ScoreConverter,
  hooks: ReadHooks,
): Promise<void> {
  const layouts = inspection.npy ?? [];
  const labelLayout = layouts[options.label];
  const scoreLayout = layouts[options.score];
  if (!labelLayout || !scoreLayout)
    throw new UserDataError("columns", "Choose a label and a score column.");
  const labelName = inspection.columns[options.label]?.name ?? "";
  const scoreName = inspection.columns[options.score]?.name ?? "";
  if (labelLayout.rows !== scoreLayout.rows) {
    throw new UserDataError(
      "lengths",
      `${labelName} has ${grouped(labelLayout.rows)} entries but ${scoreName} has ${grouped(scoreLayout.rows)}: labels and scores must have one entry per example.`,
    );
  }
  const total = labelLayout.rows;
  const counted = countingSource(source);
  const labels = openColumn(counted, labelLayout, CHUNK_BYTES);
  const scores = openColumn(counted, scoreLayout, CHUNK_BYTES);
  const at = { row: 0 };
  const placeOf = (name: string): Place => ({ toString: () => `${name}[${at.row}]` });
  const labelPlace = placeOf(labelName);
  const scorePlace = placeOf(scoreName);
  // Bytes that the two columns will read in all (each column's span, compressed or not).
  const span = (l: typeof labelLayout) => (l.entry ? l.entry.compressedSize : l.rows * l.stride);
  const totalBytes = span(labelLayout) + (labelLayout === scoreLayout ? 0 : span(scoreLayout));
  let ys: Float64Array = new Float64Array(0);
  let xs: Float64Array = new Float64Array(0);
  let iy = 0;
  let ix = 0;
  let row = 0;
  while (row < total) {
    if (iy === ys.length) {
      ys = (await labels.next()) ?? new Float64Array(0);
      iy = 0;
    }
    if (ix === xs.length) {
      xs = (await scores.next()) ?? new Float64Array(0);
      ix = 0;
    }
    const n = Math.min(ys.length - iy, xs.length - ix);
    for (let k = 0; k < n; k++) {
      at.row = row + k;
      const y = labelOfNumber(ys[iy + k] as number, options.labelRule, labelPlace);
      const v = xs[ix + k] as number;
      if (!Number.isFinite(v)) {
        throw new UserDataError("score", `${String(scorePlace)}: the score ${v} is not finite.`);
      }
      builder.add(y, converter.toLogit(v, scorePlace), converter.p);
    }
    iy += n;
    ix += n;
    row += n;
    await between(hooks, {
      bytesRead: Math.min(counted.bytesRead, totalBytes),
      totalBytes,
      rows: row,
    });
  }
}

/** A source that counts the bytes read through it. */
function countingSource(source: ByteSource): ByteSource & { bytesRead: number } {
  const counted = {
    name: source.name,
    size: source.size,
    bytesRead: 0,
    read: async (offset: number, length: number) => {
      const bytes = await source.read(offset, length);
      counted.bytesRead += bytes.length;
      return bytes;
    },
  };
  return counted;
}
