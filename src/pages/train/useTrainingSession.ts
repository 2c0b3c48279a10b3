/**
 * The training page's session: opened on mount (worker, or main thread as a fallback), closed
 * and disposed on unmount. Updates are folded into a view that React sees at most once per
 * animation frame, from the latest state, whatever the step rate.
 *
 * A session that is lost (its worker ended or went silent) or that overruns a time bound is
 * replaced by a fresh one with the same settings, with a notice: a new worker once, then the
 * page's own thread. When nothing can train, the error says so and offers a reload.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useRootHydrated } from "../../components/useHydrated";
import { DeadlineError } from "../../experiment/deadline";
import { applyUpdate, emptyView, isCurrent, type SessionView } from "../../experiment/history";
import { replacementNotice, replacementThread, WorkerLostError } from "../../experiment/liveness";
import type { SessionSetup, SessionUpdate } from "../../experiment/protocol";
import { openSession, type SessionHandle } from "./engineDoor";

/** Sessions lost in a row after which the page stops replacing them and offers a reload. */
const MAX_LOST = 3;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useTrainingSession(setup: SessionSetup, preferMainThread: boolean) {
  const [view, setView] = useState<SessionView>(emptyView);
  const [pageNotices, setPageNotices] = useState<string[]>([]);
  const [handle, setHandle] = useState<SessionHandle | null>(null);
  /** Nothing trains and nothing will until the page is reloaded. */
  const [fatal, setFatal] = useState(false);
  const latest = useRef<SessionView>(view);
  const frame = useRef(0);
  /** The setup the session has: the first, then each one a reset applied. */
  const applied = useRef(setup);
  // A prerendered page hydrates at the default setup and reads the URL's right after: the
  // session opens (after hydration) with the setup the page shows by then.
  const hydrated = useRootHydrated();
  const opened = useRef(false);
  if (!opened.current) applied.current = setup;
  const current = useRef<SessionHandle | null>(null);
  const replace = useRef<(lost: SessionHandle, why: string) => void>(() => {});
  // Each attempt to open the session: a start that failed (the engine's chunk or worker could
  // not be fetched, e.g. offline before the site was saved) can be tried again.
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

  /** A fresh view for a new generation, keeping what the learner was told. */
  const freshView = useCallback(() => {
    generation.current += 1;
    latest.current = {
      ...emptyView(),
      backend: latest.current.backend,
      notices: latest.current.notices,
    };
    setView(latest.current);
  }, []);

  const addNotice = useCallback(
    (notice: string) => setPageNotices((ns) => (ns.includes(notice) ? ns : [...ns, notice])),
    [],
  );

  useEffect(() => {
    if (!hydrated) return;
    opened.current = true;
    let unmounted = false;
    let lost = 0;
    const stopWith = (error: string) => {
      setFatal(true);
      onUpdate({ generation: generation.current, status: "stopped", runs: [], error });
    };
    const connect = async (why: string | null) => {
      const thread = replacementThread(lost, preferMainThread);
      const next = { ...applied.current, generation: generation.current };
      try {
        const { handle: h, notice } = await openSession(next, onUpdate, thread === "main");
        if (unmounted) {
          h.close();
          return;
        }
        current.current = h;
        setHandle(h);
        if (notice) addNotice(notice);
        if (why) addNotice(replacementNotice(why, h.thread));
        h.lost.catch((error: unknown) => replace.current(h, messageOf(error)));
      } catch (error) {
        if (unmounted) return;
        setStartFailed(true);
        stopWith(`Training could not start: ${messageOf(error)}.`);
      }
    };
    replace.current = (gone, why) => {
      if (unmounted || current.current !== gone) return;
      gone.close();
      current.current = null;
      setHandle(null);
      freshView();
      lost += 1;
      if (lost >= MAX_LOST) {
        stopWith(`Training stopped: ${why}, again. Reloading the page starts afresh.`);
        return;
      }
      void connect(why);
    };
    void connect(null);
    return () => {
      unmounted = true;
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      current.current?.close();
      current.current = null;
    };
  }, [onUpdate, preferMainThread, addNotice, freshView, attempt, hydrated]);

  const retryStart = useCallback(() => {
    setFatal(false);
    setStartFailed(false);
    freshView();
    setAttempt((a) => a + 1);
  }, [freshView]);

  /** Runs a call; a lost session or an overrun bound replaces the session, other errors show. */
  const call = useCallback(
    (work: (h: SessionHandle) => Promise<unknown>, failure: string) => {
      const h = current.current;
      if (!h) return Promise.resolve();
      return work(h).then(
        () => undefined,
        (error: unknown) => {
          if (current.current !== h) return;
          if (error instanceof DeadlineError || error instanceof WorkerLostError)
            replace.current(h, messageOf(error));
          else
            onUpdate({
              generation: generation.current,
              status: "stopped",
              runs: [],
              error: `${failure}: ${messageOf(error)}`,
            });
        },
      );
    },
    [onUpdate],
  );

  const reset = useCallback(
    (next: SessionSetup) => {
      if (!current.current) return Promise.resolve();
      applied.current = next;
      freshView();
      const stamped = { ...next, generation: generation.current };
      return call((h) => h.reset(stamped), "Reset failed");
    },
    [call, freshView],
  );

  return {
    view,
    ready: handle !== null,
    thread: handle?.thread ?? null,
    /** What the page itself has to say (worker fallbacks and replacements), each once. */
    notices: pageNotices,
    fatal,
    play: () => call((h) => h.play(), "Play failed"),
    pause: () => call((h) => h.pause(), "Pause failed"),
    step: () => call((h) => h.step(), "Step failed"),
    reset,
    handle,
    /** The session could not be opened; `retryStart` tries again. */
    startFailed,
    retryStart,
  };
}
