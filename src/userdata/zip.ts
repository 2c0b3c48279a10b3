/**
 * The zip archive behind an .npz: the entries from the central directory at the end of the
 * file (zip64 included, as NumPy writes it), and each entry's content as a stream, stored or
 * DEFLATE-compressed (np.savez / np.savez_compressed). The DEFLATE decoder is fflate's
 * streaming `Inflate`; the directory records are read as PKWARE's APPNOTE.TXT describes them
 * (sections 4.3.7 local header, 4.3.12 central header, 4.3.14–16 zip64 end records, 4.5.3
 * zip64 extra field).
 */
import { Inflate } from "fflate";
import { UserDataError } from "./errors";
import { type ByteSource, rangeChunks } from "./source";
import type { ZipEntryInfo } from "./types";

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_U32 = 0xffffffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(v: DataView, at: number): number {
  return Number(v.getBigUint64(at, true));
}

/** The file entries of a zip archive, from its central directory. */
export async function zipEntries(source: ByteSource): Promise<ZipEntryInfo[]> {
  const notZip = (why: string) =>
    new UserDataError("not-npz", `${source.name} is not a readable zip archive (.npz): ${why}.`);
  const tailLength = Math.min(source.size, 65_557 + 20 + 56);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  const tv = view(tail);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip("no end-of-directory record (is the file cut short?)");
  let count = tv.getUint16(eocd + 10, true);
  let dirSize = tv.getUint32(eocd + 12, true);
  let dirOffset = tv.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && tv.getUint32(locator, true) === ZIP64_LOCATOR) {
    const recordAt = u64(tv, locator + 8);
    const record = view(await source.read(recordAt, 56));
    if (record.getUint32(0, true) !== ZIP64_EOCD) throw notZip("a broken zip64 record");
    count = u64(record, 32);
    dirSize = u64(record, 40);
    dirOffset = u64(record, 48);
  }
  if (dirOffset + dirSize > source.size) throw notZip("its directory lies past the end");
  const dir = await source.read(dirOffset, dirSize);
  const dv = view(dir);
  const entries: ZipEntryInfo[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > dir.length || dv.getUint32(at, true) !== CENTRAL)
      throw notZip("a broken directory");
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const name = new TextDecoder().decode(dir.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = dv.getUint32(at + 20, true);
    let size = dv.getUint32(at + 24, true);
    let localHeaderOffset = dv.getUint32(at + 42, true);
    // Zip64 extra field (id 1): the 8-byte values of the fields that hold 0xFFFFFFFF, in order.
    let e = at + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = dv.getUint16(e, true);
      const length = dv.getUint16(e + 2, true);
      if (id === 1) {
        let f = e + 4;
        if (size === MAX_U32) {
          size = u64(dv, f);
          f += 8;
        }
        if (compressedSize === MAX_U32) {
          compressedSize = u64(dv, f);
          f += 8;
        }
        if (localHeaderOffset === MAX_U32) localHeaderOffset = u64(dv, f);
      }
      e += 4 + length;
    }
    entries.push({
      name,
      method: dv.getUint16(at + 10, true),
      compressedSize,
      size,
      localHeaderOffset,
    });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** The entry's content, decompressed, in chunks (of about `chunkSize` compressed bytes). */
export async function* entryChunks(
  source: ByteSource,
  entry: ZipEntryInfo,
  chunkSize: number,
): AsyncGenerator<Uint8Array> {
  const local = view(await source.read(entry.localHeaderOffset, 30));
  if (local.byteLength < 30 || local.getUint32(0, true) !== LOCAL) {
    throw new UserDataError("not-npz", `${source.name}: the entry ${entry.name} is damaged.`);
  }
  const start =
    entry.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const raw = rangeChunks(source, start, entry.compressedSize, chunkSize);
  if (entry.method === 0) {
    yield* raw;
    return;
  }
  if (entry.method !== 8) {
    throw new UserDataError(
      "not-npz",
      `${source.name}: the entry ${entry.name} is compressed with zip method ${entry.method}; only stored and DEFLATE entries (np.savez, np.savez_compressed) can be read.`,
    );
  }
  let out: Uint8Array[] = [];
  const inflate = new Inflate((data) => {
    out.push(data);
  });
  try {
    for await (const chunk of raw) {
      inflate.push(chunk, false);
      if (out.length) {
        yield* out;
        out = [];
      }
    }
    inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof UserDataError) throw error;
    throw new UserDataError(
      "not-npz",
      `${source.name}: the entry ${entry.name} does not decompress (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  yield* out;
}

/** The first `length` bytes of an entry's content (or all of it when shorter). */
export async function entryHead(
  source: ByteSource,
  entry: ZipEntryInfo,
  length: number,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let have = 0;
  for await (const chunk of entryChunks(source, entry, 16 * 1024)) {
    parts.push(chunk);
    have += chunk.length;
    if (have >= length) break;
  }
  const out = new Uint8Array(Math.min(have, length));
  let at = 0;
  for (const p of parts) {
    out.set(p.subarray(0, out.length - at), at);
    at += Math.min(p.length, out.length - at);
    if (at >= out.length) break;
  }
  return out;
}
