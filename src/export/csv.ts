/**
 * The plotted data of a chart as CSV: documented, stable column keys in the header, the settings
 * and each column's meaning as `#` comment lines above it (read by pandas `comment="#"` and R
 * `comment.char = "#"`), numbers in plain "." notation whatever the locale. Pure.
 */
import type { CurveData, DataRows } from "../components/chartData";

export type { CurveData };

export interface CsvColumn {
  /** Stable key, written in the header row (e.g. "p_t", "ce", "fl"). */
  key: string;
  /** What the column holds, for the comment lines (e.g. "FL γ=2.00"). */
  description: string;
}

export interface CsvTable {
  columns: readonly CsvColumn[];
  rows: DataRows;
}

/** Significant digits kept: more than any chart can show, fewer than float noise. */
const DIGITS = 10;

/** One cell: numbers in plain notation (no grouping, "." decimal), text quoted when needed. */
export function csvCell(value: number | string | null): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return String(Number(value.toPrecision(DIGITS)));
  }
  return /[",\n\r#]/.test(value) || value !== value.trim()
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** Comment lines, then the header row, then one row per record; "\n" line ends, final newline. */
export function buildCsv(table: CsvTable, comments: readonly string[] = []): string {
  const lines = comments.map((c) => `# ${c.replaceAll(/[\r\n]+/g, " ")}`);
  for (const c of table.columns) lines.push(`# column ${c.key}: ${c.description}`);
  lines.push(table.columns.map((c) => csvCell(c.key)).join(","));
  for (const row of table.rows) lines.push(row.map(csvCell).join(","));
  return `${lines.join("\n")}\n`;
}

/**
 * Curves sampled on (possibly different) x grids as one table: the sorted union of their x
 * values, one column per curve, empty cells where a curve has no sample (e.g. off its domain).
 */
export function curvesTable(x: CsvColumn, curves: readonly CurveData[]): CsvTable {
  const xs = [...new Set(curves.flatMap((c) => c.points.map((p) => p.x)))].sort((a, b) => a - b);
  const lookups = curves.map((c) => new Map(c.points.map((p) => [p.x, p.y])));
  return {
    columns: [x, ...curves.map((c) => ({ key: c.id, description: c.label }))],
    rows: xs.map((v) => [v, ...lookups.map((m) => m.get(v) ?? null)]),
  };
}
