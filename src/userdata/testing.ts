/// <reference types="node" />
/** Test helpers for src/userdata: read a file from bytes or from the fixtures folder. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inspectFile } from "./inspect";
import { readPredictions } from "./read";
import { bytesSource } from "./source";
import type { ReadOptions, ReadResult } from "./types";

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures", name)));
}

export function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Inspect, then read with the guessed columns unless `options` say otherwise. */
export async function readAll(
  bytes: Uint8Array,
  name: string,
  options: Partial<ReadOptions> = {},
): Promise<ReadResult> {
  const source = bytesSource(bytes, name);
  const inspection = await inspectFile(source);
  return readPredictions(source, inspection, {
    label: inspection.guess.label,
    score: inspection.guess.score,
    scoreMode: "auto",
    labelRule: { kind: "binary" },
    ...options,
  });
}

/** The message of the UserDataError that `promise` rejects with. */
export async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return "(no error)";
}
