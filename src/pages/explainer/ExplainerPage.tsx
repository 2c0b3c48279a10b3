import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ChartMenuContext } from "../../components/ChartMenu";
import {
  createPinnedTermStore,
  ExplainerContext,
  PinnedTermContext,
  type Term,
  useExplainerStore,
  usePinnedTerm,
} from "../../components/explainerContext";
import { FreezeWhenHidden, Mounted } from "../../components/FreezeWhenHidden";
import { ChartHostContext } from "../../components/figureContext";
import { ChunkBoundary, lazyPart } from "../../components/lazyPart";
import { ParamNotice } from "../../components/ParamNotice";
import { SiteHeader } from "../../components/SiteHeader";
import { EXPLAINER_CHART_IDS, type ExplainerChartId } from "../../state/charts";
import { EXPLAINER_SCHEMA } from "../../state/explainer";
import { initiallyFixed, LESSON_SCHEMA, lessonQuery } from "../../state/lesson";
import { parseState, serializeState } from "../../state/schema";
import { readHash, useInitialQuery, useUrlParams, useUrlState } from "../../state/useUrlState";
import { VIEW_SCHEMA } from "../../state/view";
import { LazyChartMenuPanel } from "../chartMenu";
import { SiteFooter } from "../SiteFooter";
import { usePageTheme } from "../theme";
import { ArticleBody } from "./ArticleBody";
import { ControlBar } from "./ControlBar";
import { LessonNote } from "./LessonNote";

// Only lesson links that ask a question load the predict-first step.
const PredictCard = lazyPart(() => import("./Predict").then((m) => ({ default: m.PredictCard })));
const PredictResult = lazyPart(() =>
  import("./Predict").then((m) => ({ default: m.PredictResult })),
);
// The teachers' tools load on use: the lesson builder, present mode and the handout.
const LessonBuilder = lazyPart(() => import("./LessonBuilder"));
const PresentView = lazyPart(() => import("./PresentView"));
const Handout = lazyPart(() => import("./Handout"));
const ExplainerCodePanel = lazyPart(() => import("./ExplainerCodePanel"));

/**
 * The code panel, one element for the page's life (as the figures' slots are memoized): the
 * page's renders never reach its Suspense boundary, which the server rendered, before its code has
 * hydrated it. An update that did would make React drop its prerendered HTML (a synchronous one)
 * or hold the whole update until the panel's code arrives (a transition, such as the linked state
 * after hydration). It follows γ and α through the ExplainerContext store (FreezeWhenHidden).
 */
const CODE_PANEL = (
  <FreezeWhenHidden>
    <ChunkBoundary what="The code panel" retry={ExplainerCodePanel.retry}>
      <Suspense fallback={null}>
        <Mounted />
        <ExplainerCodePanel />
      </Suspense>
    </ChunkBoundary>
  </FreezeWhenHidden>
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

export function ExplainerPage() {
  const { state, update, issues, dismissIssues } = useUrlState(EXPLAINER_SCHEMA);
  const { theme, setTheme, issues: themeIssues, dismissIssues: dismissTheme } = usePageTheme();
  const view = useUrlState(VIEW_SCHEMA, { omitDefaults: true, position: "end" });
  const updateView = view.update;
  // Lesson links: parts hidden by CSS classes (styles.css), and an optional question first.
  const lesson = useUrlParams(LESSON_SCHEMA);
  const { hide, predict, note } = lesson.state;
  // Dismissed issues stay dismissed (the parsed issues keep their identity while the page lives).
  const [dismissedLessonIssues, setDismissedLessonIssues] = useState<unknown>(null);
  const dismissLessonIssues = () => setDismissedLessonIssues(lesson.issues);
  const lessonIssues = dismissedLessonIssues === lesson.issues ? [] : lesson.issues;
  // The link the page was opened with, and its state: the builder starts from them, and the
  // question is asked (and judged) at that state. ("" while hydrating the prerendered page.)
  const initialQuery = useInitialQuery();
  const asked = useMemo(() => parseState(EXPLAINER_SCHEMA, initialQuery).state, [initialQuery]);
  const [guess, setGuess] = useState<number | null>(null);
  const [builder, setBuilder] = useState<{ chart?: ExplainerChartId } | null>(null);
  const [pointed, setPointed] = useState<Term | null>(null);
  // A stable store: pressing a term re-renders its readers, never a figure not yet hydrated.
  const [pinning] = useState(createPinnedTermStore);
  const pinned = usePinnedTerm(pinning);
  const onTerm = useCallback((t: Term | null) => setPointed(t), []);
  const highlight = pointed ?? pinned;
  useLitTerms(highlight);
  const context = useExplainerStore(
    useMemo(() => ({ state, update, highlight }), [state, update, highlight]),
  );
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
        <ChunkBoundary what="Present mode" retry={PresentView.retry}>
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
        </ChunkBoundary>
      </ExplainerContext.Provider>
    );
  }

  if (handout.length > 0) {
    return (
      <ExplainerContext.Provider value={context}>
        <SiteHeader current="explainer" theme={theme} onTheme={setTheme} />
        {notice}
        <ChunkBoundary what="The handout" retry={Handout.retry}>
          <Suspense fallback={null}>
            <Handout
              charts={handout}
              note={note}
              lessonQuery={link()}
              onBack={() => updateView({ handout: [] })}
            />
          </Suspense>
        </ChunkBoundary>
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
          <ChunkBoundary
            what="The lesson's question"
            retry={() => {
              PredictCard.retry();
              PredictResult.retry();
            }}
          >
            <Suspense fallback={null}>
              {guess === null ? (
                <PredictCard question={predict} asked={asked} onReveal={setGuess} />
              ) : (
                <PredictResult question={predict} guess={guess} asked={asked} />
              )}
            </Suspense>
          </ChunkBoundary>
        )}
        {!answering && (
          <ChartHostContext.Provider value={host}>
            <ChartMenuContext.Provider value={LazyChartMenuPanel}>
              <PinnedTermContext.Provider value={pinning}>
                <ArticleBody onTerm={onTerm} />
              </PinnedTermContext.Provider>
            </ChartMenuContext.Provider>
          </ChartHostContext.Provider>
        )}
        {!answering && !hide.includes("text") && CODE_PANEL}
      </main>
      <SiteFooter privacy="everything runs in your browser and sends no data anywhere." />
      {builder && (
        <ChunkBoundary what="The lesson builder" retry={LessonBuilder.retry}>
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
        </ChunkBoundary>
      )}
    </ExplainerContext.Provider>
  );
}
