/**
 * The training page's session: opened on mount (worker, or main thread as a fallback), closed
 * and disposed on unmount. Updates are folded into a view that React sees at most once per
 * animation frame, from the latest state, whatever the step rate.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { applyUpdate, emptyView, isCurrent, type SessionView } from "../../experiment/history";
import type { SessionSetup, SessionUpdate } from "../../experiment/protocol";
import { openSession, type SessionHandle } from "./engineDoor";

export function useTrainingSession(setup: SessionSetup, preferMainThread: boolean) {
  const [view, setView] = useState<SessionView>(emptyView);
  const [threadNotice, setThreadNotice] = useState<string | null>(null);
  const [handle, setHandle] = useState<SessionHandle | null>(null);
  const latest = useRef<SessionView>(view);
  const frame = useRef(0);
  const initialSetup = useRef(setup);
  // Each attempt to open the session; a failed start (the engine's chunk or worker could not be
  // loaded, e.g. offline before the site was saved) can be tried again.
  const [attempt, setAttempt] = useState(0);
  const [startFailed, setStartFailed] = useState(false);

  // Resets so far: updates of an earlier setup, still in flight when the page reset, are dropped.
  const generation = useRef(0);

  const onUpdate = useCallback((update: SessionUpdate) => {
    if (!isCurrent(update, generation.current)) return;
    latest.current = applyUpdate(latest.current, update);
    if (frame.current === 0) {
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        setView(latest.current);
      });
    }
  }, []);

  useEffect(() => {
    let closed = false;
    let opened: SessionHandle | null = null;
    openSession(initialSetup.current, onUpdate, preferMainThread)
      .then(({ handle: h, notice }) => {
        if (closed) {
          h.close();
          return;
        }
        opened = h;
        setHandle(h);
        if (notice) setThreadNotice(notice);
      })
      .catch((error: unknown) => {
        if (closed) return;
        setStartFailed(true);
        onUpdate({
          status: "stopped",
          runs: [],
          error: `Training could not start: ${error instanceof Error ? error.message : String(error)}`,
        });
      });
    return () => {
      closed = true;
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      opened?.close();
    };
  }, [onUpdate, preferMainThread, attempt]);

  const retryStart = useCallback(() => {
    latest.current = emptyView();
    setView(latest.current);
    setStartFailed(false);
    setAttempt((a) => a + 1);
  }, []);

  const reset = useCallback(
    async (next: SessionSetup) => {
      if (!handle) return;
      generation.current += 1;
      latest.current = {
        ...emptyView(),
        backend: latest.current.backend,
        notices: latest.current.notices,
      };
      setView(latest.current);
      try {
        await handle.reset({ ...next, generation: generation.current });
      } catch (error) {
        onUpdate({
          generation: generation.current,
          status: "stopped",
          runs: [],
          error: `Reset failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
    [handle, onUpdate],
  );

  return {
    view,
    ready: handle !== null,
    thread: handle?.thread ?? null,
    threadNotice,
    play: () => handle?.play(),
    pause: () => handle?.pause(),
    step: () => handle?.step(),
    reset,
    handle,
    /** The session could not be opened; `retryStart` tries again. */
    startFailed,
    retryStart,
  };
}
