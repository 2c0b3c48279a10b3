/**
 * The reading service, the same in a Web Worker and (where there is none) on the page's own
 * thread: inspect a file, read it in chunks with progress, stop when cancelled. Yields between
 * chunks through a MessageChannel (no timer clamping), so a cancel message gets in and, on the
 * main thread, the page keeps painting.
 */
import { yieldToMessages } from "../../experiment/yieldToMessages";
import { UserDataError } from "../../userdata/errors";
import { inspectFile } from "../../userdata/inspect";
import { readPredictions } from "../../userdata/read";
import { blobSource } from "../../userdata/source";
import type { Failure, Outcome, ReaderApi } from "./protocol";

/** Progress reports at most this often. */
const PROGRESS_EVERY_MS = 100;

function failure(error: unknown): Failure {
  if (error instanceof UserDataError) {
    return { ok: false, problem: error.problem, message: error.message };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, problem: "internal", message: `Reading failed unexpectedly: ${detail}` };
}

export function createReader(): ReaderApi {
  let cancelled = false;
  return {
    async inspect(file, name): Promise<Outcome<Awaited<ReturnType<typeof inspectFile>>>> {
      try {
        return { ok: true, value: await inspectFile(blobSource(file, name)) };
      } catch (error) {
        return failure(error);
      }
    },
    async read(file, inspection, options, onProgress) {
      cancelled = false;
      let last = 0;
      try {
        const value = await readPredictions(
          blobSource(file, inspection.name),
          inspection,
          options,
          {
            onProgress: (p) => {
              const now = performance.now();
              if (now - last >= PROGRESS_EVERY_MS || p.bytesRead >= p.totalBytes) {
                last = now;
                onProgress(p);
              }
            },
            cancelled: () => cancelled,
            pause: yieldToMessages,
          },
        );
        return { ok: true, value };
      } catch (error) {
        return failure(error);
      }
    },
    cancel() {
      cancelled = true;
    },
  };
}
