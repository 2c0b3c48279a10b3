/**
 * NumPy's .npy format, read without loading the array: the header (a Python dict literal after
 * the magic "\x93NUMPY", versions 1.0, 2.0 and 3.0) and element decoders for numeric dtypes.
 * Format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html (NEP 1).
 *
 * Why not a package: npyjs and numpy-parser parse a whole ArrayBuffer at once; a 10⁷-row file
 * must be read in slices, and the header is a few lines of parsing.
 */
import { UserDataError } from "./errors";

export interface NpyField {
  name: string;
  descr: string;
  /** Byte offset of the field inside one record. */
  offset: number;
}

export interface NpyHeader {
  /** Byte offset of the data after the header. */
  dataOffset: number;
  /** The dtype string ("<f8") of a plain array, or null for a structured one. */
  descr: string | null;
  /** The fields of a structured array (empty for a plain one). */
  fields: NpyField[];
  /** Bytes per element (plain) or per record (structured). */
  itemSize: number;
  fortranOrder: boolean;
  shape: number[];
}

/** A Python literal as the header holds it. */
type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

/**
 * Parse the header of an .npy file from its first bytes (at least the header; 64 kB is plenty
 * for any array NumPy writes). `what` names the array in messages.
 */
export function parseNpyHeader(bytes: Uint8Array, what: string): NpyHeader {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (!magic.every((b, i) => bytes[i] === b)) {
    throw new UserDataError("not-numpy", `${what} does not start with NumPy's magic "\\x93NUMPY".`);
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) throw new UserDataError("not-numpy", `${what} ends inside its header.`);
  let headerLength: number;
  let start: number;
  if (major === 1) {
    headerLength = view.getUint16(8, true);
    start = 10;
  } else if (major === 2 || major === 3) {
    headerLength = view.getUint32(8, true);
    start = 12;
  } else {
    throw new UserDataError("not-numpy", `${what}: .npy format version ${major} is not known.`);
  }
  if (start + headerLength > bytes.length) {
    throw new UserDataError("not-numpy", `${what} ends inside its header.`);
  }
  const text = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(
    bytes.subarray(start, start + headerLength),
  );
  let dict: PyValue;
  try {
    dict = parsePython(text);
  } catch {
    throw new UserDataError(
      "not-numpy",
      `${what}: its header is not a Python dict: ${text.trim()}`,
    );
  }
  if (typeof dict !== "object" || dict === null || Array.isArray(dict)) {
    throw new UserDataError("not-numpy", `${what}: its header is not a Python dict.`);
  }
  const { descr, fortran_order: fortran, shape } = dict;
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === "number")) {
    throw new UserDataError("not-numpy", `${what}: its header has no shape tuple.`);
  }
  const dims = shape as number[];
  const base = { dataOffset: start + headerLength, fortranOrder: fortran === true, shape: dims };
  if (typeof descr === "string") {
    return { ...base, descr, fields: [], itemSize: itemSizeOf(descr, what) };
  }
  if (Array.isArray(descr)) {
    const fields: NpyField[] = [];
    let offset = 0;
    for (const f of descr) {
      if (!Array.isArray(f) || typeof f[0] !== "string" || typeof f[1] !== "string" || f[2]) {
        throw new UserDataError(
          "dtype",
          `${what}: structured dtype ${JSON.stringify(descr)} has nested or sub-array fields, which cannot be read here.`,
        );
      }
      fields.push({ name: f[0], descr: f[1], offset });
      offset += itemSizeOf(f[1], what);
    }
    return { ...base, descr: null, fields, itemSize: offset };
  }
  throw new UserDataError("not-numpy", `${what}: its header has no dtype ("descr").`);
}

const KIND_NAMES: Record<string, string> = {
  U: "text (unicode strings)",
  S: "bytes (byte strings)",
  a: "bytes (byte strings)",
  O: "Python objects, which need pickle",
  c: "complex numbers",
  M: "dates (datetime64)",
  m: "durations (timedelta64)",
  V: "raw bytes (void)",
};

function itemSizeOf(descr: string, what: string): number {
  const match = /^([<>|=])?([a-zA-Z])(\d+)$/.exec(descr);
  const kind = match?.[2] ?? descr.replace(/^[<>|=]/, "").charAt(0);
  const size = Number(match?.[3]);
  if (match && "biuf".includes(kind) && [1, 2, 4, 8].includes(size)) {
    if (kind === "f" && size === 1) throw dtypeError(descr, what, "1-byte floats do not exist");
    if (kind === "b" && size !== 1) throw dtypeError(descr, what, "booleans are 1 byte");
    return size;
  }
  throw dtypeError(descr, what, KIND_NAMES[kind] ? `it holds ${KIND_NAMES[kind]}` : "not numeric");
}

function dtypeError(descr: string, what: string, why: string): UserDataError {
  return new UserDataError(
    "dtype",
    `${what} has dtype '${descr}': ${why}. Labels and scores must be booleans, integers or floats.`,
  );
}

/** A function that reads the element of type `descr` at a byte offset of a DataView. */
export type ElementReader = (view: DataView, offset: number) => number;

/** The element reader of a numeric dtype ("<f4", ">i8", "|b1", "<f2", …). */
export function elementReader(descr: string): ElementReader {
  const little = !descr.startsWith(">");
  const kind = descr.replace(/^[<>|=]/, "").charAt(0);
  const size = Number(descr.replace(/^[<>|=][a-zA-Z]/, "").replace(/^[a-zA-Z]/, ""));
  switch (`${kind}${size}`) {
    case "b1":
    case "u1":
      return (v, o) => v.getUint8(o);
    case "i1":
      return (v, o) => v.getInt8(o);
    case "i2":
      return (v, o) => v.getInt16(o, little);
    case "u2":
      return (v, o) => v.getUint16(o, little);
    case "i4":
      return (v, o) => v.getInt32(o, little);
    case "u4":
      return (v, o) => v.getUint32(o, little);
    case "i8":
      return (v, o) => Number(v.getBigInt64(o, little));
    case "u8":
      return (v, o) => Number(v.getBigUint64(o, little));
    case "f2":
      return (v, o) => halfToNumber(v.getUint16(o, little));
    case "f4":
      return (v, o) => v.getFloat32(o, little);
    case "f8":
      return (v, o) => v.getFloat64(o, little);
    default:
      throw new UserDataError("dtype", `dtype '${descr}' is not numeric.`);
  }
}

/** IEEE 754 binary16 → number: sign, 5-bit exponent (bias 15), 10-bit fraction. */
export function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Parse the Python literal subset that .npy headers use: dicts, tuples, lists, str, int, bool. */
export function parsePython(text: string): PyValue {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
  };
  const value = (): PyValue => {
    ws();
    const c = text.charAt(i);
    if (c === "{") {
      i++;
      const out: { [key: string]: PyValue } = {};
      for (;;) {
        ws();
        if (text.charAt(i) === "}") {
          i++;
          return out;
        }
        const key = value();
        ws();
        if (text.charAt(i++) !== ":" || typeof key !== "string") throw new Error("dict");
        out[key] = value();
        ws();
        if (text.charAt(i) === ",") i++;
      }
    }
    if (c === "(" || c === "[") {
      const close = c === "(" ? ")" : "]";
      i++;
      const out: PyValue[] = [];
      for (;;) {
        ws();
        if (text.charAt(i) === close) {
          i++;
          return out;
        }
        out.push(value());
        ws();
        if (text.charAt(i) === ",") i++;
      }
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new Error("string");
      const s = text.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*|^-?\d+L?/.exec(text.slice(i))?.[0];
    if (!word) throw new Error(`unexpected ${c}`);
    i += word.length;
    if (word === "True") return true;
    if (word === "False") return false;
    if (word === "None") return null;
    const n = Number.parseInt(word, 10);
    if (Number.isNaN(n)) throw new Error(word);
    return n;
  };
  const out = value();
  ws();
  if (i < text.length) throw new Error("trailing");
  return out;
}
