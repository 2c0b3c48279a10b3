/**
 * A background experiment in its own worker (so the live runs keep training): start, progress,
 * results, cancel. The worker is created on each run and terminated on unmount, cancel or the
 * job's end. When no worker can run it, the job runs on the page with a notice saying why; when
 * its worker ends or hangs mid-job, the job stops with a message and can be run again.
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

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
      const current = () => token === latestRun.current;
      // The Cancel button shows at once, also while the worker loads.
      setState(jobStarted());
      let opened: Awaited<ReturnType<typeof openJobSession>>;
      try {
        opened = await openJobSession(preferMainThread);
      } catch (error) {
        if (current())
          setState((s) => jobFailed(s, `The job could not start: ${messageOf(error)}.`));
        return;
      }
      if (!current()) {
        // Cancelled or superseded while the session was opening.
        opened.handle.close();
        return;
      }
      const h = opened.handle;
      handle.current = h;
      if (opened.notice) setState((s) => ({ ...s, notice: opened.notice ?? null }));
      try {
        await h.runJob(job, backend, (p) => {
          if (current()) setState((s) => applyJobProgress(s, p));
        });
      } catch (error) {
        if (current())
          setState((s) => {
            const when =
              s.total > 0
                ? `after ${s.done} of ${s.total} trainings`
                : "before its first training finished";
            return jobFailed(
              s,
              `The job stopped ${when}: ${messageOf(error)}. Run it again to retry.`,
            );
          });
      } finally {
        // Only the latest job may say it stopped (a superseded one returns after a newer start).
        if (current()) {
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
