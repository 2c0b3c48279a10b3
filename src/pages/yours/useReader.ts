/**
 * The page's reading state: one reader (a worker) for the page's life; a file (or an example)
 * is inspected, then read with the guessed columns; changing a choice reads it again. A newer
 * request supersedes an older one, whose result is dropped.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { Inspection, ReadOptions, ReadProgress, ReadResult } from "../../userdata/types";
import { openReader, type ReaderHandle } from "./client";
import type { Failure } from "./protocol";

export interface ReaderState {
  name: string | null;
  size: number;
  inspection: Inspection | null;
  options: ReadOptions | null;
  result: ReadResult | null;
  /** The file the result is from (it may lag `name` while a new file is read). */
  resultName: string | null;
  progress: ReadProgress | null;
  phase: "idle" | "inspecting" | "reading" | "done" | "failed";
  failure: Failure | null;
}

const INITIAL: ReaderState = {
  name: null,
  size: 0,
  inspection: null,
  options: null,
  result: null,
  resultName: null,
  progress: null,
  phase: "idle",
  failure: null,
};

export function useReader() {
  const [state, setState] = useState<ReaderState>(INITIAL);
  const handle = useRef<ReaderHandle | null>(null);
  const blob = useRef<Blob | null>(null);
  const generation = useRef(0);
  useEffect(() => {
    handle.current = openReader();
    return () => handle.current?.close();
  }, []);

  const read = useCallback(async (inspection: Inspection, options: ReadOptions, gen: number) => {
    const file = blob.current;
    const api = handle.current?.api;
    if (!file || !api) return;
    setState((s) => ({ ...s, options, phase: "reading", failure: null, progress: null }));
    const outcome = await api.read(file, inspection, options, (progress) => {
      if (gen === generation.current) setState((s) => ({ ...s, progress }));
    });
    if (gen !== generation.current) return;
    // A transition: the figures redraw in slices, so the page stays responsive while they do.
    startTransition(() => {
      setState((s) =>
        outcome.ok
          ? {
              ...s,
              result: outcome.value,
              resultName: inspection.name,
              phase: "done",
              progress: null,
            }
          : { ...s, phase: "failed", failure: outcome, progress: null },
      );
    });
  }, []);

  /** Inspect and read a file (or an example's bytes) with the guessed columns. */
  const open = useCallback(
    async (file: Blob, name: string) => {
      const api = handle.current?.api;
      if (!api) return;
      const gen = ++generation.current;
      void api.cancel();
      blob.current = file;
      setState((s) => ({
        ...s,
        name,
        size: file.size,
        inspection: null,
        options: null,
        phase: "inspecting",
        failure: null,
        progress: null,
      }));
      const outcome = await api.inspect(file, name);
      if (gen !== generation.current) return;
      if (!outcome.ok) {
        setState((s) => ({ ...s, phase: "failed", failure: outcome }));
        return;
      }
      const inspection = outcome.value;
      setState((s) => ({ ...s, inspection }));
      await read(
        inspection,
        {
          label: inspection.guess.label,
          score: inspection.guess.score,
          scoreMode: "auto",
          labelRule: { kind: "binary" },
        },
        gen,
      );
    },
    [read],
  );

  /** Read the current file again with other choices. */
  const reread = useCallback(
    (options: ReadOptions) => {
      const inspection = state.inspection;
      if (!inspection) return;
      const gen = ++generation.current;
      void handle.current?.api.cancel();
      void read(inspection, options, gen);
    },
    [state.inspection, read],
  );

  const cancel = useCallback(() => {
    void handle.current?.api.cancel();
  }, []);

  /** Show a problem that happened before the reader saw the file (an example failed to load). */
  const fail = useCallback((message: string) => {
    generation.current++;
    setState((s) => ({
      ...s,
      phase: "failed",
      failure: { ok: false, problem: "internal", message },
    }));
  }, []);

  return { state, open, reread, cancel, fail, thread: () => handle.current?.thread ?? "worker" };
}
