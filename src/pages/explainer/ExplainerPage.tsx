import {
  type FocusEvent,
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
import { ExplainerContext, PinnedTermContext, type Term } from "../../components/explainerContext";
import { ChartHostContext } from "../../components/figureContext";
import { ChunkBoundary, lazyPart } from "../../components/lazyPart";
import { ParamNotice } from "../../components/ParamNotice";
import { SiteHeader } from "../../components/SiteHeader";
import Article from "../../content/article.mdx";
import { isTerm } from "../../content/terms";
import { EXPLAINER_SCHEMA } from "../../state/explainer";
import { LESSON_SCHEMA } from "../../state/lesson";
import { serializeState } from "../../state/schema";
import { readHash, useUrlParams, useUrlState } from "../../state/useUrlState";
import { LazyChartMenuPanel } from "../chartMenu";
import { SiteFooter } from "../SiteFooter";
import { ControlBar } from "./ControlBar";
import { ARTICLE_COMPONENTS, prefetchFigures } from "./explainerFigures";

// Only lesson links that ask a question load the predict-first step.
const PredictCard = lazyPart(() => import("./Predict").then((m) => ({ default: m.PredictCard })));
const PredictResult = lazyPart(() =>
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

/** The term under the pointer or focus: a term button, or a term inside a typeset equation. */
function termOf(target: EventTarget | null): Term | null {
  const el =
    target instanceof Element ? target.closest('[data-term], .katex [class*="term-"]') : null;
  if (!(el instanceof HTMLElement)) return null;
  const term = el.dataset.term ?? el.className.toString().match(/term-(\w+)/)?.[1];
  return isTerm(term) ? term : null;
}

/** Equation terms tied to `term` are lit wherever they appear in the article. */
function useLitTerms(term: Term | null) {
  useEffect(() => {
    const lit = document.querySelectorAll(`.katex .term-${term ?? "none"}, [data-term="${term}"]`);
    for (const el of lit) el.classList.add("term-active");
    return () => {
      for (const el of lit) el.classList.remove("term-active");
    };
  }, [term]);
}

/** The article, rendered once: only the figures inside it follow the state (through context). */
const ArticleBody = memo(function ArticleBody({ onTerm }: { onTerm: (t: Term | null) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    prefetchFigures();
    // A display equation too wide for the screen scrolls: keyboard users can reach and scroll
    // it. Checked again whenever its size changes (fonts arriving, a rotated phone).
    const displays = ref.current?.querySelectorAll<HTMLElement>(".katex-display") ?? [];
    const check = (el: HTMLElement) => {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.tabIndex = 0;
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", "Equation (scrolls sideways)");
      } else {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
      }
    };
    // The box changes with the page width (observed), its content's width with KaTeX's fonts.
    const observer = new ResizeObserver((entries) => {
      for (const e of entries) check(e.target as HTMLElement);
    });
    for (const el of displays) observer.observe(el);
    const recheck = () => {
      for (const el of displays) check(el);
    };
    void document.fonts.ready.then(recheck);
    document.fonts.addEventListener("loadingdone", recheck);
    return () => {
      observer.disconnect();
      document.fonts.removeEventListener("loadingdone", recheck);
    };
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
  const [pointed, setPointed] = useState<Term | null>(null);
  const [pinned, pin] = useState<Term | null>(null);
  const onTerm = useCallback((t: Term | null) => setPointed(t), []);
  const highlight = pointed ?? pinned;
  useLitTerms(highlight);
  const pinning = useMemo(() => ({ pinned, pin }), [pinned]);
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
          <ChunkBoundary
            what="The lesson's question"
            retry={() => {
              PredictCard.retry();
              PredictResult.retry();
            }}
          >
            <Suspense fallback={null}>
              {guess === null ? (
                <PredictCard question={predict} state={state} onReveal={setGuess} />
              ) : (
                <PredictResult question={predict} guess={guess} />
              )}
            </Suspense>
          </ChunkBoundary>
        )}
        {(predict === "none" || guess !== null) && (
          <ChartHostContext.Provider value={host}>
            <ChartMenuContext.Provider value={LazyChartMenuPanel}>
              <PinnedTermContext.Provider value={pinning}>
                <ArticleBody onTerm={onTerm} />
              </PinnedTermContext.Provider>
            </ChartMenuContext.Provider>
          </ChartHostContext.Provider>
        )}
        {(predict === "none" || guess !== null) && !hide.includes("text") && (
          <CodePanel gamma={state.gamma} alpha={state.alpha} />
        )}
      </main>
      <SiteFooter privacy="everything runs in your browser and sends no data anywhere." />
    </ExplainerContext.Provider>
  );
}
