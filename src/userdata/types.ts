/** The plain data that passes between the page, the reading worker and Node. */
import type { ReliabilityBin } from "../math/calibration";
import type { WeightedLogits } from "../math/logitGrid";
import type { FileKind } from "./sniff";

/** How scores are read: as probabilities p ∈ [0, 1], as logits x ∈ ℝ, or decided by the data. */
export type ScoreMode = "auto" | "probability" | "logit";

/** How labels are read: 0/1 (also true/false), or one value is the positive class (one-vs-rest). */
export type LabelRule = { kind: "binary" } | { kind: "positive"; value: string };

/** A column of a CSV file, of a 2-D array, a field of a structured array, or an array of an .npz. */
export interface ColumnInfo {
  index: number;
  name: string;
  /** The first values, as text. */
  sample: string[];
  /** Distinct values among the first rows (at most 20); null when there are more. */
  distinct: string[] | null;
  /** Whether every sampled value is a finite number, and whether all lie in [0, 1]. */
  numeric: boolean;
  unitInterval: boolean;
}

/** Where a NumPy column's elements are: a byte range, a stride and a dtype. */
export interface NpyColumnLayout {
  /** The column's name as the page shows it ("scores", "column 1", "preds.score"). */
  name: string;
  /** Name of the array, for messages ("scores.npy", "predictions.npy"). */
  arrayName: string;
  /** The zip entry that holds the array (.npz only); else the .npy file itself. */
  entry?: ZipEntryInfo;
  /** Byte offset of the array's data in the file (.npy) or in the entry's content (.npz). */
  dataOffset: number;
  /** Byte offset of this column's first element from `dataOffset`. */
  firstOffset: number;
  /** Bytes from one element of the column to the next. */
  stride: number;
  /** The element's NumPy type string, e.g. "<f4", "|b1", and its size in bytes. */
  descr: string;
  elementSize: number;
  /** Elements in the column. */
  rows: number;
}

/** A file entry of a zip archive as read from its central directory. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** What a first look at a file found, and what the page offers the reader to choose. */
export interface Inspection {
  name: string;
  size: number;
  kind: FileKind;
  notices: string[];
  columns: ColumnInfo[];
  /** Rows when the file says so (.npy / .npz); null for text. */
  rows: number | null;
  guess: { label: number; score: number; scoreKind: "probability" | "logit" };
  /** CSV: the delimiter and the byte where data rows start. */
  csv?: { delimiter: string; dataStart: number };
  /** NumPy: where each column lives (same order as `columns`). */
  npy?: NpyColumnLayout[];
}

/** The reader's choices for a full read. */
export interface ReadOptions {
  label: number;
  score: number;
  scoreMode: ScoreMode;
  labelRule: LabelRule;
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

/**
 * Everything the page draws, for any file size: counts, the examples on a fine logit grid per
 * group (weighted samples), fine reliability bins, and how the scores were read.
 */
export interface PredictionSummary {
  rows: number;
  positives: number;
  negatives: number;
  /** Non-empty logit bins, one sample per bin and group (positives, hard and easy negatives). */
  samples: WeightedLogits;
  /** 120 equal bins of p = σ(x); merge to 10, 12, 15, 20, … for the diagram. */
  reliability: ReliabilityBin[];
  /** Smallest and largest logit. */
  logitRange: [number, number];
}

export interface ReadResult {
  summary: PredictionSummary;
  scoreKind: "probability" | "logit";
  /** Probabilities within 1e-7 of 0 or of 1 that were clipped. */
  clipped: { low: number; high: number };
  /** Plain sentences about how the file was read (auto-detection, clipping, extension). */
  notes: string[];
  seconds: number;
}
