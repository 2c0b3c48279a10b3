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
import { HiddenPartsContext } from "../../components/Try";
import Article from "../../content/article.mdx";
import { EXPLAINER_CHART_IDS, type ExplainerChartId } from "../../state/charts";
import { EXPLAINER_SCHEMA } from "../../state/explainer";
import { initiallyFixed, LESSON_SCHEMA, lessonQuery } from "../../state/lesson";
import { serializeState } from "../../state/schema";
import { readHash, useUrlParams, useUrlState } from "../../state/useUrlState";
import { VIEW_SCHEMA } from "../../state/view";
import { LazyChartMenuPanel } from "../chartMenu";
import { usePageTheme } from "../theme";
import { ControlBar } from "./ControlBar";
import { ARTICLE_COMPONENTS, prefetchFigures } from "./explainerFigures";
import { LessonNote } from "./LessonNote";

// Only lesson links that ask a question load the predict-first step.
const PredictCard = lazyComponent(() =>
  import("./Predict").then((m) => ({ default: m.PredictCard })),
);
const PredictResult = lazyComponent(() =>
  import("./Predict").then((m) => ({ default: m.PredictResult })),
);
// The teachers' tools load on use: the lesson builder, present mode and the handout.
const LessonBuilder = lazyComponent(() => import("./LessonBuilder"));
const PresentView = lazyComponent(() => import("./PresentView"));
const Handout = lazyComponent(() => import("./Handout"));

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
  const { theme, setTheme, issues: themeIssues, dismissIssues: dismissTheme } = usePageTheme();
  const view = useUrlState(VIEW_SCHEMA, { omitDefaults: true, position: "end" });
  const updateView = view.update;
  // Lesson links: parts hidden by CSS classes (styles.css), and an optional question first.
  const lesson = useUrlParams(LESSON_SCHEMA);
  const { hide, predict, note } = lesson.state;
  const [lessonIssues, dismissLessonIssues] = useReducer(() => [], lesson.issues);
  // The link the page was opened with, and its state: the builder starts from them, and the
  // question is asked (and judged) at that state.
  const [initialQuery] = useState(() => window.location.search);
  const [asked] = useState(state);
  const [guess, setGuess] = useState<number | null>(null);
  const [builder, setBuilder] = useState<{ chart?: ExplainerChartId } | null>(null);
  const [highlight, setHighlight] = useState<Term | null>(null);
  const onTerm = useCallback((t: Term | null) => setHighlight(t), []);
  const context = useMemo(() => ({ state, update, highlight }), [state, update, highlight]);
  // Stable: a chart's menu reads the state when opened, so hidden figures never re-render.
  const stateRef = useRef(state);
  stateRef.current = state;
  const host = useMemo(
    () => ({
      pagePath: "",
      stateQuery: () => serializeState(EXPLAINER_SCHEMA, stateRef.current),
      buildLesson: (id: string) => setBuilder({ chart: EXPLAINER_CHART_IDS.find((c) => c === id) }),
      present: (id: string) => {
        const chart = EXPLAINER_CHART_IDS.find((c) => c === id);
        if (chart) updateView({ present: chart });
      },
    }),
    [updateView],
  );
  const present = view.state.present;
  const handout = view.state.handout;
  useEffect(() => {
    // A link to one chart (…#gradient) lands on it once that figure exists (figures 2–6 load
    // just after first paint).
    const id = readHash();
    return id && present === "none" ? scrollToWhenPresent(id) : undefined;
  }, [present]);
  const shownCharts = EXPLAINER_CHART_IDS.filter((id) => !hide.includes(id));
  const link = () =>
    lessonQuery(initiallyFixed(initialQuery, stateRef.current), stateRef.current, lesson.state);
  const allIssues = [...issues, ...lessonIssues, ...themeIssues, ...view.issues];
  const notice = (
    <ParamNotice
      issues={allIssues}
      onDismiss={() => {
        dismissIssues();
        dismissLessonIssues();
        dismissTheme();
        view.dismissIssues();
      }}
    />
  );

  if (present !== "none") {
    return (
      <ExplainerContext.Provider value={context}>
        <Suspense fallback={null}>
          <PresentView
            chart={present}
            charts={shownCharts.includes(present) ? shownCharts : EXPLAINER_CHART_IDS}
            onChart={(chart) => updateView({ present: chart })}
            onExit={() => {
              // Back to the article, at the figure that was shown.
              const url = new URL(window.location.href);
              url.hash = present;
              window.history.replaceState(null, "", url);
              updateView({ present: "none" });
            }}
            theme={theme}
            onTheme={setTheme}
          />
        </Suspense>
      </ExplainerContext.Provider>
    );
  }

  if (handout.length > 0) {
    return (
      <ExplainerContext.Provider value={context}>
        <SiteHeader current="explainer" theme={theme} onTheme={setTheme} />
        {notice}
        <Suspense fallback={null}>
          <Handout
            charts={handout}
            note={note}
            lessonQuery={link()}
            onBack={() => updateView({ handout: [] })}
          />
        </Suspense>
      </ExplainerContext.Provider>
    );
  }

  const answering = predict !== "none" && guess === null;
  const openBuilder = () => setBuilder({});
  return (
    <ExplainerContext.Provider value={context}>
      <SiteHeader current="explainer" theme={theme} onTheme={setTheme}>
        <button
          type="button"
          onClick={openBuilder}
          className="rounded-md border border-[var(--grid)] px-2 py-0.5 text-sm hover:bg-[var(--grid)]"
        >
          Build a lesson…
        </button>
      </SiteHeader>
      {notice}
      {/* The sliders are not live while the learner answers: the question would change. */}
      {!hide.includes("controls") && !answering && <ControlBar />}
      <main className={`mx-auto max-w-3xl px-4 pb-16 ${hide.map((h) => `hide-${h}`).join(" ")}`}>
        <h1 className="mt-8 text-3xl font-bold tracking-tight sm:text-4xl">How focal loss works</h1>
        <p className="mt-3 text-lg text-[var(--muted)]">
          An interactive walk through Lin et al.'s <em>Focal Loss for Dense Object Detection</em>
          {hide.includes("controls")
            ? ": every figure is drawn at the γ and α chosen for this lesson."
            : ": move γ and α and every figure that uses them follows."}
        </p>
        <LessonNote note={note} />
        {predict !== "none" && (
          <Suspense fallback={null}>
            {guess === null ? (
              <PredictCard question={predict} asked={asked} onReveal={setGuess} />
            ) : (
              <PredictResult question={predict} guess={guess} asked={asked} />
            )}
          </Suspense>
        )}
        {!answering && (
          <ChartHostContext.Provider value={host}>
            <ChartMenuContext.Provider value={LazyChartMenuPanel}>
              <HiddenPartsContext.Provider value={hide}>
                <ArticleBody onTerm={onTerm} />
              </HiddenPartsContext.Provider>
            </ChartMenuContext.Provider>
          </ChartHostContext.Provider>
        )}
        {!answering && !hide.includes("text") && (
          <CodePanel gamma={state.gamma} alpha={state.alpha} />
        )}
      </main>
      <footer className="border-t border-[var(--grid)] py-6 text-center text-xs text-[var(--muted)]">
        Focal Loss Explorer — open source; everything runs in your browser and sends no data
        anywhere.
      </footer>
      {builder && (
        <Suspense fallback={null}>
          <LessonBuilder
            state={state}
            fixed={initiallyFixed(initialQuery, state)}
            lesson={lesson.state}
            chart={builder.chart}
            theme={theme}
            onClose={() => setBuilder(null)}
          />
        </Suspense>
      )}
    </ExplainerContext.Provider>
  );
}
