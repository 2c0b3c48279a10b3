/**
 * A part's code fetched early but handed to React only once the part is wanted. The explainer's
 * figures are prerendered; React hydrates each one when its lazily loaded code resolves. With a
 * gate in front of that code, a figure far down the page stays the server's HTML (no hydration
 * work) until the reader comes near it, interacts with it, or prints, while its code has long
 * been downloaded (`prefetch`).
 *
 * `load()` is what `React.lazy` calls. It returns a thenable, not a Promise: once the gate is open
 * and the code has arrived, its callbacks run synchronously, inside `open()`. React's lazy then
 * counts as resolved at once, so an event that opens the gate (a press on the figure, the
 * browser's `beforeprint`) can have React hydrate the figure synchronously in the same event,
 * which React does for a discrete event on a dehydrated boundary whose code is ready. A Promise
 * would resolve only after the event had gone.
 */

import { yieldToMessages } from "../experiment/yieldToMessages";

type Settle<T> = [((value: T) => void) | undefined, ((reason: unknown) => void) | undefined];

/** Calls a waiter's callback; one that throws does not keep the others from being told. */
function tell<A>(callback: ((arg: A) => void) | undefined, arg: A): void {
  try {
    callback?.(arg);
  } catch (error) {
    // As an uncaught error would be (the browser's console, window's "error" event).
    if (typeof reportError === "function") reportError(error);
    else console.error(error);
  }
}

export interface GatedLoader<T> {
  /** For `React.lazy`: settles once the gate is open and the code has loaded or failed. */
  load: () => Promise<T>;
  /**
   * Start fetching the code now, unless it is here or on its way. Resolves when it has loaded
   * (true) or failed (false); a failure is reported to the `load`s waiting then, and the next
   * `load` (React's retry) fetches again.
   */
  prefetch: () => Promise<boolean>;
  /** Let `load` settle (now, if the code is here). */
  open: () => void;
  /** True once the code has loaded. */
  loaded: () => boolean;
}

export function gatedLoader<T>(fetch: () => Promise<T>): GatedLoader<T> {
  let isOpen = false;
  let outcome: { ok: true; value: T } | { ok: false; reason: unknown } | null = null;
  let fetching: Promise<boolean> | null = null;
  const waiting: Settle<T>[] = [];

  const settle = () => {
    if (!isOpen || !outcome) return;
    for (const [resolve, reject] of waiting.splice(0))
      if (outcome.ok) tell(resolve, outcome.value);
      else tell(reject, outcome.reason);
  };
  const start = () => {
    // A failure is reported once per `load`; the next `load` (a retry) fetches again.
    if (outcome?.ok === false) outcome = null;
    fetching ??= fetch().then(
      (value) => {
        outcome = { ok: true, value };
        fetching = null;
        settle();
        return true;
      },
      (reason: unknown) => {
        outcome = { ok: false, reason };
        fetching = null;
        settle();
        return false;
      },
    );
    return fetching;
  };

  return {
    load: () => {
      if (!outcome?.ok) start();
      const thenable = {
        then(resolve?: (value: T) => void, reject?: (reason: unknown) => void) {
          waiting.push([resolve, reject]);
          settle();
        },
      };
      // React.lazy takes any thenable (it calls `then` with both callbacks, and needs nothing
      // back); its type says Promise. This is not one: no chaining, no catch.
      return thenable as unknown as Promise<T>;
    },
    prefetch: () => (outcome ? Promise.resolve(outcome.ok) : (fetching ?? start())),
    open: () => {
      isOpen = true;
      settle();
    },
    loaded: () => outcome?.ok === true,
  };
}

/**
 * Starts each gate's prefetch in a task of its own, one after another, and resolves once every
 * one has settled (a gate that fails, even by throwing, counts as settled). Starting a part's
 * code is not free: the bundler's preload helper adds a `<link rel="modulepreload">` for each of
 * the chunk's dependencies not yet preloaded. With all of the explainer's figures started at once
 * that was part of one task of 231 ms at 4× CPU throttling at the end of hydration (two of about
 * 112 ms since; docs/benchmarks.md, "Fourth pass"). A figure React asks for before its turn
 * (gatedLoader's `load`) starts its own fetch, and its turn then finds it on its way.
 */
export async function prefetchInTurn(
  gates: readonly Pick<GatedLoader<unknown>, "prefetch">[],
  nextTask: () => Promise<void> = yieldToMessages,
): Promise<void> {
  const fetches: Promise<boolean>[] = [];
  for (const [i, gate] of gates.entries()) {
    if (i > 0) await nextTask();
    let fetch: Promise<boolean>;
    try {
      fetch = gate.prefetch();
    } catch {
      fetch = Promise.resolve(false);
    }
    fetches.push(fetch.catch(() => false));
  }
  await Promise.all(fetches);
}
