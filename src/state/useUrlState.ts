/**
 * The one place that touches `window.location` for state: parse the query once on load,
 * keep state in React, and write it back (debounced, with replaceState) as it changes.
 *
 * Prerendered pages (the explainer, /train/): the HTML was rendered at build time with no
 * query, so while React hydrates it every hook returns the defaults (the same markup as the
 * server's, no hydration mismatch); after hydration's commit the query is parsed and the state
 * switches to the linked one in one update, rendered in a transition. Pages mounted with
 * createRoot read it at once.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { isRootHydrating } from "./hydration";
import { type ParamIssue, parseState, type Schema, type StateOf, serializeState } from "./schema";

/** Browsers throttle history updates; a dragged slider settles well within this. */
const WRITE_DELAY_MS = 150;

/**
 * The page's query as this hook first saw it on the client: null on the server and while the
 * page's root hydrates, then `window.location.search` once (later URL writes do not change it).
 * The hooks that read it are in the page's root render (never inside a Suspense boundary that
 * hydrates later: state/hydration.ts). After hydration's commit the query arrives in a
 * transition, so React renders the linked state in slices. A `useSyncExternalStore` whose server
 * and client snapshots differ (how this switched before) makes React re-render every component
 * that reads it in one synchronous task once hydrated: on /train/ that was the whole page
 * (docs/benchmarks.md, "Sixth pass").
 */
function useLoadedQuery(): string | null {
  const [query, setQuery] = useState<string | null>(() =>
    import.meta.env.SSR || isRootHydrating() ? null : window.location.search,
  );
  useEffect(() => {
    if (query === null) startTransition(() => setQuery(window.location.search));
  }, [query]);
  return query;
}

/** A parse that changes when the query first becomes known (null: the defaults, not yet read). */
function useParsed<S extends Schema>(schema: S) {
  const query = useLoadedQuery();
  const [parsed, setParsed] = useState(() => ({ query, ...parseState(schema, query ?? "") }));
  if (parsed.query !== query) {
    const next = parseState(schema, query ?? "");
    // What the query does not change keeps its identity (useUrlState then leaves its own state
    // alone): the state when it serializes the same, the issues when there are none either way.
    const kept = {
      query,
      state:
        serializeState(schema, next.state) === serializeState(schema, parsed.state)
          ? parsed.state
          : next.state,
      issues: next.issues.length === 0 && parsed.issues.length === 0 ? parsed.issues : next.issues,
    };
    setParsed(kept);
    return kept;
  }
  return parsed;
}

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
  const parsed = useParsed(schema);
  const [state, setState] = useState<StateOf<S>>(parsed.state);
  const [issues, setIssues] = useState<ParamIssue[]>(parsed.issues);
  const [seen, setSeen] = useState(parsed);
  if (seen !== parsed) {
    // The query became known after hydration: the linked state replaces the defaults. What the
    // query does not change keeps its identity (useParsed), and is left as it is here: the reader
    // may have moved a control between hydration and this render.
    setSeen(parsed);
    if (parsed.state !== seen.state) setState(parsed.state);
    if (parsed.issues !== seen.issues) setIssues(parsed.issues);
  }
  const known = parsed.query !== null;
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    // Before the query is read, the state is the prerendered defaults: never write those.
    if (!known) return;
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
  }, [schema, state, omitDefaults, position, known]);

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
 * On a prerendered page they are the defaults until hydration is done.
 */
export function useUrlParams<S extends Schema>(schema: S) {
  const { state, issues } = useParsed(schema);
  return { state, issues };
}

/** The query the page was opened with: "" on the server and while hydrating. */
export function useInitialQuery(): string {
  return useLoadedQuery() ?? "";
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
