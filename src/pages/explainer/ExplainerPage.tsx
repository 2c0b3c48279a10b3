import {
  type FocusEvent,
  lazy as lazyComponent,
  memo,
  type PointerEvent,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from "react";
import { ChartMenuContext } from "../../components/ChartMenu";
import { CodePanel } from "../../components/CodePanel";
import { ExplainerContext, type Term } from "../../components/explainerContext";
import { ChartHostContext } from "../../components/figureContext";
import { ParamNotice } from "../../components/ParamNotice";
import { SiteHeader } from "../../components/SiteHeader";
import Article from "../../content/article.mdx";
import { EXPLAINER_SCHEMA } from "../../state/explainer";
import { LESSON_SCHEMA } from "../../state/lesson";
import { serializeState } from "../../state/schema";
import { readHash, useUrlParams, useUrlState } from "../../state/useUrlState";
import { LazyChartMenuPanel } from "../chartMenu";
import { ControlBar } from "./ControlBar";
import { ARTICLE_COMPONENTS, prefetchFigures } from "./explainerFigures";

// Only lesson links that ask a question load the predict-first step.
const PredictCard = lazyComponent(() =>
  import("./Predict").then((m) => ({ default: m.PredictCard })),
);
const PredictResult = lazyComponent(() =>
  import("./Predict").then((m) => ({ default: m.PredictResult })),
);

/** Scroll to the element with `id` as soon as it exists (giving up after 10 s); returns a cleanup. */
function scrollToWhenPresent(id: string): () => void {
  const land = () => {
    const el = document.getElementById(id);
    if (el) el.scrollIntoView();
    return el !== null;
  };
  if (land()) return () => {};
  const observer = new MutationObserver(() => {
    if (land()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const timer = window.setTimeout(() => observer.disconnect(), 10_000);
  return () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
}

const TERMS: readonly Term[] = ["pt", "mod", "alpha", "gamma", "ce"];

function termOf(target: EventTarget | null): Term | null {
  const el = target instanceof Element ? target.closest('[class*="term-"]') : null;
  const match = el?.className.toString().match(/term-(\w+)/);
  const term = match?.[1] as Term | undefined;
  return term && TERMS.includes(term) ? term : null;
}

/** The article, rendered once: only the figures inside it follow the state (through context). */
const ArticleBody = memo(function ArticleBody({ onTerm }: { onTerm: (t: Term | null) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    prefetchFigures();
    // Equation terms are focusable so keyboard users can tie them to the figures too.
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.katex [class*="term-"]') ?? []) {
      el.tabIndex = 0;
    }
    // A display equation too wide for the screen scrolls: keyboard users can reach and scroll it.
    for (const el of ref.current?.querySelectorAll<HTMLElement>(".katex-display") ?? []) {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.tabIndex = 0;
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", "Equation (scrolls sideways)");
      }
    }
  }, []);
  const onPoint = (e: PointerEvent | FocusEvent) => onTerm(termOf(e.target));
  return (
    <div
      ref={ref}
      className="article"
      onPointerOver={onPoint}
      onPointerLeave={() => onTerm(null)}
      onFocus={onPoint}
      onBlur={() => onTerm(null)}
    >
      <Article components={ARTICLE_COMPONENTS} />
    </div>
  );
});

export function ExplainerPage() {
  const { state, update, issues, dismissIssues } = useUrlState(EXPLAINER_SCHEMA);
  // Lesson links: parts hidden by CSS classes (styles.css), and an optional question first.
  const lesson = useUrlParams(LESSON_SCHEMA);
  const { hide, predict } = lesson.state;
  const [lessonIssues, dismissLessonIssues] = useReducer(() => [], lesson.issues);
  const [guess, setGuess] = useState<number | null>(null);
  const [highlight, setHighlight] = useState<Term | null>(null);
  const onTerm = useCallback((t: Term | null) => setHighlight(t), []);
  const context = useMemo(() => ({ state, update, highlight }), [state, update, highlight]);
  // Stable: a chart's menu reads the state when opened, so hidden figures never re-render.
  const stateRef = useRef(state);
  stateRef.current = state;
  const host = useMemo(
    () => ({ pagePath: "", stateQuery: () => serializeState(EXPLAINER_SCHEMA, stateRef.current) }),
    [],
  );
  useEffect(() => {
    // A link to one chart (…#gradient) lands on it once that figure exists (figures 2–5 load
    // just after first paint).
    const id = readHash();
    return id ? scrollToWhenPresent(id) : undefined;
  }, []);
  return (
    <ExplainerContext.Provider value={context}>
      <SiteHeader current="explainer" />
      <ParamNotice
        issues={[...issues, ...lessonIssues]}
        onDismiss={() => {
          dismissIssues();
          dismissLessonIssues();
        }}
      />
      {!hide.includes("controls") && <ControlBar />}
      <main className={`mx-auto max-w-3xl px-4 pb-16 ${hide.map((h) => `hide-${h}`).join(" ")}`}>
        <h1 className="mt-8 text-3xl font-bold tracking-tight sm:text-4xl">How focal loss works</h1>
        <p className="mt-3 text-lg text-[var(--muted)]">
          An interactive walk through Lin et al.'s <em>Focal Loss for Dense Object Detection</em>:
          move γ and α and every figure that uses them follows.
        </p>
        {predict !== "none" && (
          <Suspense fallback={null}>
            {guess === null ? (
              <PredictCard question={predict} state={state} onReveal={setGuess} />
            ) : (
              <PredictResult question={predict} guess={guess} />
            )}
          </Suspense>
        )}
        {(predict === "none" || guess !== null) && (
          <ChartHostContext.Provider value={host}>
            <ChartMenuContext.Provider value={LazyChartMenuPanel}>
              <ArticleBody onTerm={onTerm} />
            </ChartMenuContext.Provider>
          </ChartHostContext.Provider>
        )}
        {(predict === "none" || guess !== null) && !hide.includes("text") && (
          <CodePanel gamma={state.gamma} alpha={state.alpha} />
        )}
      </main>
      <footer className="border-t border-[var(--grid)] py-6 text-center text-xs text-[var(--muted)]">
        Focal Loss Explorer — open source; everything runs in your browser and sends no data
        anywhere.
      </footer>
    </ExplainerContext.Provider>
  );
}
