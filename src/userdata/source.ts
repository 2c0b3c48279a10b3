/**
 * Where a reader's bytes come from: a File in the browser (read slice by slice, never whole),
 * or bytes in memory and files on disk in Node (tests and benchmarks). Reading is by range, so
 * a zip's directory at the end and two columns of one file can be read without loading it all.
 */

export interface ByteSource {
  name: string;
  size: number;
  /** Bytes [offset, offset + length), fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A Blob or File as a source: each read is one `slice(…).arrayBuffer()`. */
export function blobSource(blob: Blob, name: string): ByteSource {
  return {
    name,
    size: blob.size,
    read: async (offset, length) =>
      new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** Bytes already in memory as a source (tests). */
export function bytesSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** Bytes [offset, offset + length) of `source` in chunks of at most `chunkSize`. */
export async function* rangeChunks(
  source: ByteSource,
  offset: number,
  length: number,
  chunkSize: number,
): AsyncGenerator<Uint8Array> {
  const end = Math.min(source.size, offset + length);
  for (let at = offset; at < end; at += chunkSize) {
    const chunk = await source.read(at, Math.min(chunkSize, end - at));
    if (chunk.length === 0) return;
    yield chunk;
  }
}
