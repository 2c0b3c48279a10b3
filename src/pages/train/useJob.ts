/**
 * A background experiment in its own worker (so the live runs keep training): start, progress,
 * results, cancel. The worker is created on first use and terminated on unmount or cancel.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { BackendChoice } from "../../experiment/backends";
import type { BackendReport, Job, JobResult } from "../../experiment/protocol";
import { openJobSession, type SessionHandle } from "./engineDoor";

export interface JobState {
  running: boolean;
  done: number;
  total: number;
  results: JobResult[];
  backend: BackendReport | null;
  error: string | null;
}

const IDLE: JobState = {
  running: false,
  done: 0,
  total: 0,
  results: [],
  backend: null,
  error: null,
};

export function useJob(preferMainThread: boolean) {
  const [state, setState] = useState<JobState>(IDLE);
  const handle = useRef<SessionHandle | null>(null);
  const latestRun = useRef(0);

  const stop = useCallback(() => {
    handle.current?.close();
    handle.current = null;
  }, []);
  useEffect(
    () => () => {
      latestRun.current += 1;
      stop();
    },
    [stop],
  );

  const run = useCallback(
    async (job: Job, backend: BackendChoice) => {
      stop();
      const token = ++latestRun.current;
      const h = await openJobSession(preferMainThread);
      if (token !== latestRun.current) {
        // Cancelled or superseded while the session was opening.
        h.close();
        return;
      }
      handle.current = h;
      setState({ ...IDLE, running: true });
      try {
        await h.runJob(job, backend, (p) =>
          setState((s) => ({
            ...s,
            done: p.done || s.done,
            total: p.total,
            results: p.result ? [...s.results, p.result] : s.results,
            backend: p.backend ?? s.backend,
            error: p.error ?? s.error,
          })),
        );
      } catch (error) {
        setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
      } finally {
        // Only the latest job may say it stopped (a superseded one returns after a newer start).
        if (token === latestRun.current) {
          stop();
          setState((s) => ({ ...s, running: false }));
        }
      }
    },
    [preferMainThread, stop],
  );

  const cancel = useCallback(() => {
    latestRun.current += 1;
    stop();
    setState((s) => ({ ...s, running: false }));
  }, [stop]);

  return { state, run, cancel };
}
