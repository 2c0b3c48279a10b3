/**
 * CSV and TSV files: the header, the delimiter, and a streaming row reader. Fields are parsed
 * by d3-dsv (RFC 4180 quoting, \n or \r\n line ends), fed whole lines at a time: a chunk is
 * cut after its last line break that is outside quotes, and the rest waits for the next chunk.
 */
import { dsvFormat } from "d3-dsv";
import { grouped, quote, UserDataError } from "./errors";

/** The longest line accepted: a file without line breaks must not be held in memory whole. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

/** The delimiter of a header line: tab, else semicolon when it has no comma, else comma. */
export function detectDelimiter(headerLine: string): string {
  if (headerLine.includes("\t")) return "\t";
  if (headerLine.includes(";") && !headerLine.includes(",")) return ";";
  return ",";
}

export interface CsvHead {
  delimiter: string;
  columns: string[];
  /** Byte offset of the first data row (after the header line and any BOM). */
  dataStart: number;
  /** Data rows in the sampled head, parsed (for previews and guesses). */
  rows: string[][];
}

/**
 * The header and first rows of a CSV/TSV file from its first bytes. `complete`: the bytes are
 * the whole file (so a missing line break after the header is not a cut).
 */
export function readCsvHead(head: Uint8Array, name: string, complete: boolean): CsvHead {
  // TextDecoder drops a UTF-8 byte order mark; its 3 bytes still count for the offset.
  const bomBytes = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const body = new TextDecoder("utf-8").decode(head, { stream: !complete });
  if (body.trim() === "") {
    throw new UserDataError("empty", `${name} holds no data: it is blank.`);
  }
  const firstBreak = body.indexOf("\n");
  if (firstBreak < 0 && !complete) {
    throw new UserDataError(
      "header",
      `${name}: line 1 (the header) is longer than ${grouped(head.length)} bytes.`,
    );
  }
  const headerLine = (firstBreak < 0 ? body : body.slice(0, firstBreak)).replace(/\r$/, "");
  const delimiter = detectDelimiter(headerLine);
  const format = dsvFormat(delimiter);
  const columns = (format.parseRows(headerLine)[0] ?? []).map((c) => c.trim());
  if (columns.length < 2) {
    throw new UserDataError(
      "columns",
      `${name}: line 1 (the header) has one column, ${quote(headerLine)}; the file needs a label column and a score column, separated by commas or tabs.`,
    );
  }
  if (columns.every((c) => c !== "" && Number.isFinite(Number(c)))) {
    throw new UserDataError(
      "header",
      `${name}: line 1, ${quote(headerLine)}, looks like data, not a header. Add a first line that names the columns, such as label${delimiter === "\t" ? "\\t" : delimiter}score.`,
    );
  }
  const headerBytes =
    bomBytes +
    new TextEncoder().encode(body.slice(0, firstBreak < 0 ? body.length : firstBreak + 1)).length;
  let rest = firstBreak < 0 ? "" : body.slice(firstBreak + 1);
  if (!complete) rest = rest.slice(0, rest.lastIndexOf("\n") + 1);
  const rows = format.parseRows(rest).filter((r) => !(r.length === 1 && r[0] === ""));
  return { delimiter, columns, dataStart: headerBytes, rows };
}

/** The index just after the last line break of `s` that is outside double quotes (0 if none). */
export function completeLinesEnd(s: string): number {
  if (!s.includes('"')) return s.lastIndexOf("\n") + 1;
  let inQuotes = false;
  let end = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) end = i + 1;
  }
  return end;
}

/**
 * Rows of a CSV body pushed as text chunks, each row with the line it starts on. Blank lines
 * are skipped (but counted).
 */
export class CsvRowReader {
  private readonly format;
  private carry = "";
  /** The line the next row starts on. */
  private line: number;

  constructor(delimiter: string, firstLine: number) {
    this.format = dsvFormat(delimiter);
    this.line = firstLine;
  }

  /** Parse the complete lines of `text` (all of it when `final`), calling `onRow` for each. */
  push(text: string, final: boolean, onRow: (fields: string[], line: number) => void): void {
    const s = this.carry + text;
    const cut = final ? s.length : completeLinesEnd(s);
    this.carry = s.slice(cut);
    if (this.carry.length > MAX_LINE_CHARS) {
      throw new UserDataError(
        "columns",
        `line ${grouped(this.line)} runs for more than ${grouped(MAX_LINE_CHARS)} characters without a line break (lines must end with \\n or \\r\\n).`,
      );
    }
    if (cut === 0) return;
    const block = s.slice(0, cut);
    const quoted = block.includes('"');
    this.format.parseRows(block, (fields) => {
      const line = this.line;
      this.line += quoted ? 1 + fields.reduce((n, f) => n + countBreaks(f), 0) : 1;
      if (fields.length === 1 && fields[0] === "") return null;
      onRow(fields, line);
      return null;
    });
  }
}

function countBreaks(field: string): number {
  let n = 0;
  for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) n++;
  return n;
}
