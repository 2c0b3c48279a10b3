/**
 * A background experiment in its own worker (so the live runs keep training): start, progress,
 * results, cancel. The worker is created on first use and terminated on unmount or cancel.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { BackendChoice } from "../../experiment/backends";
import {
  applyJobProgress,
  IDLE_JOB,
  type JobState,
  jobFailed,
  jobStarted,
  jobStopped,
} from "../../experiment/jobs";
import type { Job } from "../../experiment/protocol";
import { openJobSession, type SessionHandle } from "./engineDoor";

export function useJob(preferMainThread: boolean) {
  const [state, setState] = useState<JobState>(IDLE_JOB);
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
      setState(jobStarted());
      try {
        await h.runJob(job, backend, (p) => setState((s) => applyJobProgress(s, p)));
      } catch (error) {
        setState((s) => jobFailed(s, error instanceof Error ? error.message : String(error)));
      } finally {
        // Only the latest job may say it stopped (a superseded one returns after a newer start).
        if (token === latestRun.current) {
          stop();
          setState(jobStopped);
        }
      }
    },
    [preferMainThread, stop],
  );

  const cancel = useCallback(() => {
    latestRun.current += 1;
    stop();
    setState(jobStopped);
  }, [stop]);

  return { state, run, cancel };
}
