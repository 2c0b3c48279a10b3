/**
 * Writes NumPy .npy files (format version 1.0) and .npz archives, for the example files, the
 * benchmark and tests: the inverse of npy.ts for little-endian numeric arrays.
 * https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
import { zipSync } from "fflate";

export type NpyData = Uint8Array | Int32Array | Float32Array | Float64Array;

/** A plain array's descr: |u1, <i4, <f4, <f8. */
export function descrOf(data: NpyData): string {
  if (data instanceof Uint8Array) return "|u1";
  if (data instanceof Int32Array) return "<i4";
  if (data instanceof Float32Array) return "<f4";
  return "<f8";
}

/** The header block: magic, version 1.0, length, dict padded with spaces to 64 bytes, "\n". */
export function npyHeader(descr: string, shape: readonly number[]): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  const dict = `{'descr': ${descr}, 'fortran_order': False, 'shape': ${shapeText}, }`;
  const unpadded = 10 + dict.length + 1;
  const padded = Math.ceil(unpadded / 64) * 64;
  const text = `${dict}${" ".repeat(padded - unpadded)}\n`;
  const out = new Uint8Array(10 + text.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, text.length, true);
  for (let i = 0; i < text.length; i++) out[10 + i] = text.charCodeAt(i);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A 1-D array as an .npy file (little-endian, as typed arrays are on every current platform). */
export function encodeNpy(data: NpyData): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return concat([npyHeader(`'${descrOf(data)}'`, [data.length]), bytes]);
}

/** Records of (label: |u1, score: <f4) as a structured .npy file. */
export function encodeLabelScoreRecords(
  labels: Uint8Array,
  scores: Float32Array,
  names: [string, string] = ["label", "score"],
): Uint8Array {
  const n = labels.length;
  const body = new Uint8Array(n * 5);
  const view = new DataView(body.buffer);
  for (let i = 0; i < n; i++) {
    view.setUint8(i * 5, labels[i] as number);
    view.setFloat32(i * 5 + 1, scores[i] as number, true);
  }
  const descr = `[('${names[0]}', '|u1'), ('${names[1]}', '<f4')]`;
  return concat([npyHeader(descr, [n]), body]);
}

const ZIP_EPOCH = new Date(1980, 0, 1);

/** Named arrays as an .npz (DEFLATE-compressed when `compress`, as np.savez_compressed). */
export function encodeNpz(arrays: Record<string, NpyData>, compress = true): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 9; mtime: Date }]> = {};
  for (const [name, data] of Object.entries(arrays)) {
    // A fixed date (zip's earliest), so the same arrays always give the same bytes.
    files[`${name}.npy`] = [encodeNpy(data), { level: compress ? 9 : 0, mtime: ZIP_EPOCH }];
  }
  return zipSync(files);
}
