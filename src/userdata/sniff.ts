/**
 * What a file is, from its first bytes, whatever its name says: a NumPy .npy array (magic
 * "\x93NUMPY"), a zip archive such as an .npz (magic "PK"), or UTF-8 text (CSV/TSV). A name
 * that disagrees with the content gives a notice; content that is none of these is refused.
 */
import { UserDataError } from "./errors";

export type FileKind = "csv" | "npy" | "npz";

export interface Sniffed {
  kind: FileKind;
  /** Set when the file name's extension promises another kind than the content is. */
  notice?: string;
}

/** How many bytes `sniffKind` wants to see. */
export const SNIFF_BYTES = 64 * 1024;

const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** Well-known binary formats that people drop by mistake, for a message that names them. */
const KNOWN_BINARY: { magic: number[]; what: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { magic: [0x1f, 0x8b], what: "gzip-compressed: decompress it first" },
  { magic: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { magic: [0x50, 0x41, 0x52, 0x31], what: "a Parquet file" },
  { magic: [0x89, 0x48, 0x44, 0x46], what: "an HDF5 file" },
  { magic: [0x80], what: "a Python pickle" },
];

const KIND_NAMES: Record<FileKind, string> = {
  csv: "CSV/TSV text",
  npy: "a NumPy .npy array",
  npz: "a zip archive (.npz)",
};

/** The kind a file name promises: .csv/.tsv/.txt → csv, .npy, .npz; anything else → null. */
export function kindOfName(name: string): FileKind | null {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === "csv" || ext === "tsv" || ext === "txt" || ext === "tab") return "csv";
  if (ext === "npy") return "npy";
  if (ext === "npz") return "npz";
  return null;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The kind of a file from its first bytes (up to SNIFF_BYTES) and its name. */
export function sniffKind(head: Uint8Array, name: string, size: number): Sniffed {
  if (size === 0) throw new UserDataError("empty", `${name} is empty (0 bytes).`);
  const kind = contentKind(head, name);
  const promised = kindOfName(name);
  if (promised === null || promised === kind) return { kind };
  return {
    kind,
    notice: `${name} is named like ${KIND_NAMES[promised]} but its content is ${KIND_NAMES[kind]}: it was read as ${KIND_NAMES[kind]}.`,
  };
}

function contentKind(head: Uint8Array, name: string): FileKind {
  if (startsWith(head, NPY_MAGIC)) return "npy";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return "npz";
  }
  for (const { magic, what } of KNOWN_BINARY) {
    if (startsWith(head, magic)) {
      throw new UserDataError(
        "not-text",
        `${name} is not text, .npy or .npz: it looks like ${what}.`,
      );
    }
  }
  const nul = head.indexOf(0);
  if (nul >= 0) {
    throw new UserDataError(
      "not-text",
      `${name} is not text, .npy or .npz: byte ${nul + 1} is a NUL (0x00), which text never holds.`,
    );
  }
  try {
    // stream: a multi-byte character cut at the end of the sample is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new UserDataError(
      "not-text",
      `${name} is not UTF-8 text, .npy or .npz: its first ${head.length} bytes are not valid UTF-8.`,
    );
  }
  return "csv";
}
