/**
 * The one place that touches `window.location` for state: parse the query once on load,
 * keep state in React, and write it back (debounced, with replaceState) as it changes.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { type ParamIssue, parseState, type Schema, type StateOf, serializeState } from "./schema";

/** Browsers throttle history updates; a dragged slider settles well within this. */
const WRITE_DELAY_MS = 150;

interface UrlStateOptions {
  /** Leave parameters at their default out of the URL (display options such as `theme`). */
  omitDefaults?: boolean;
  /**
   * Where this schema's parameters go: "start" (the page's state, first) or "end" (display
   * options, after everything else). Hooks on one page then agree on one order.
   */
  position?: "start" | "end";
}

export function useUrlState<S extends Schema>(
  schema: S,
  { omitDefaults = false, position = "start" }: UrlStateOptions = {},
) {
  const [initial] = useState(() => parseState(schema, window.location.search));
  const [state, setState] = useState<StateOf<S>>(initial.state);
  const [issues, setIssues] = useState<ParamIssue[]>(initial.issues);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const url = new URL(window.location.href);
      const other = new URLSearchParams(url.search);
      for (const name of Object.keys(schema)) other.delete(name);
      const ours = serializeState(schema, state, { omitDefaults });
      // Other parameters (lesson flags such as hide=controls,text) keep their readable commas.
      const rest = other.toString().replaceAll("%2C", ",");
      const parts = position === "start" ? [ours, rest] : [rest, ours];
      url.search = parts.filter(Boolean).join("&");
      if (url.href !== window.location.href) window.history.replaceState(null, "", url);
    }, WRITE_DELAY_MS);
    return () => window.clearTimeout(timer.current);
  }, [schema, state, omitDefaults, position]);

  const update = useCallback(
    (patch: Partial<StateOf<S>>) => setState((s) => ({ ...s, ...patch })),
    [],
  );
  const dismissIssues = useCallback(() => setIssues([]), []);
  return { state, update, issues, dismissIssues };
}

/**
 * Parameters the page reads once and never writes, such as lesson flags: they stay in the URL
 * as given (useUrlState keeps parameters outside its schema), so a lesson link round-trips.
 */
export function useUrlParams<S extends Schema>(schema: S) {
  const [parsed] = useState(() => parseState(schema, window.location.search));
  return parsed;
}

/** The page's fragment without "#" (a chart id when a link points at a chart). */
export function readHash(): string {
  try {
    return decodeURIComponent(window.location.hash.slice(1));
  } catch {
    // A malformed escape (…#%E0) is no chart id: ignore it rather than fail the page.
    return "";
  }
}
