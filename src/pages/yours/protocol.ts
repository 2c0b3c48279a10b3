/** What the page and the reading worker say to each other (plain data only). */
import type { UserDataProblem } from "../../userdata/errors";
import type { Inspection, ReadOptions, ReadProgress, ReadResult } from "../../userdata/types";

/** A failure as the page shows it: UserDataError's problem and message, or "internal". */
export interface Failure {
  ok: false;
  problem: UserDataProblem | "internal";
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

export interface ReaderApi {
  inspect(file: Blob, name: string): Promise<Outcome<Inspection>>;
  read(
    file: Blob,
    inspection: Inspection,
    options: ReadOptions,
    onProgress: (p: ReadProgress) => void,
  ): Promise<Outcome<ReadResult>>;
  /** Stops the read in progress at its next chunk (it then fails with "cancelled"). */
  cancel(): void;
}

/** Messages to the reading worker. */
export type ToReader =
  | { type: "inspect"; id: number; file: Blob; name: string }
  | { type: "read"; id: number; file: Blob; inspection: Inspection; options: ReadOptions }
  | { type: "cancel" };

/** Messages from the reading worker. */
export type FromReader =
  | { type: "progress"; id: number; progress: ReadProgress }
  | { type: "done"; id: number; outcome: Outcome<Inspection> | Outcome<ReadResult> };
