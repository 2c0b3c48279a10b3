import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ChartMenuContext } from "../../components/ChartMenu";
import { CodePanel } from "../../components/CodePanel";
import { SchemaSlider } from "../../components/controls/SchemaSlider";
import { Toggle } from "../../components/controls/Toggle";
import {
  ChartHostContext,
  FigureOptionsContext,
  PAGE_FIGURE,
} from "../../components/figureContext";
import { ParamNotice } from "../../components/ParamNotice";
import { SiteHeader } from "../../components/SiteHeader";
import { useRootHydrated } from "../../components/useHydrated";
import { PRESETS } from "../../content/presets";
import { focalOptionsOf, type TrainConfig } from "../../experiment/config";
import { describeLoss } from "../../experiment/labels";
import { RUN_IDS, type SessionSetup } from "../../experiment/protocol";
import { TOY_BUDGET } from "../../experiment/recipes";
import { describeRun } from "../../experiment/runSummary";
import { formatCount } from "../../math/format";
import { serializeState } from "../../state/schema";
import { configOf, TRAIN_SCHEMA, type TrainState } from "../../state/train";
import { useUrlState } from "../../state/useUrlState";
import { LazyChartMenuPanel } from "../chartMenu";
import { SiteFooter } from "../SiteFooter";
import { useStickyScrollPadding } from "../stickyPadding";
import { usePageTheme } from "../theme";
import { BackendBadge } from "./BackendBadge";
import { RecipeSettings, RunSettings } from "./RunSettings";
import { SeedsPanel } from "./SeedsPanel";
import { SessionNotices } from "./SessionNotices";
import { SWEEP_ALPHAS, SWEEP_GAMMAS, type SweepBaseline, SweepPanel } from "./SweepPanel";
import { ToyFindings } from "./ToyFindings";
import { TrainingAnnouncer } from "./TrainingAnnouncer";
import { Transport } from "./Transport";
import { prefetchTrainingFigures, TrainingFigure } from "./trainingFigures";
import { useJob } from "./useJob";
import { useTrainingSession } from "./useTrainingSession";

/** Captions that change with every evaluation are not live regions (see TrainingAnnouncer). */
const TRAINING_FIGURES = { ...PAGE_FIGURE, liveCaption: false };

/**
 * Steps between held-out evaluations of the live runs (the recorded run evaluates every 25). At
 * 1 : 1,000 (128 held-out images) evaluating every 25 steps cost 25.9% of a step's time and every
 * 50 15.6% (`npm run bench:efficiency`, docs/benchmarks.md); the default 1 : 5,000 holds 640.
 * Where a second worker evaluates (wasm, at most one XNNPACK thread), training does not wait.
 */
const EVAL_EVERY = 50;

function setupOf(state: TrainState): SessionSetup {
  return {
    runs: { a: configOf(state, "a"), b: configOf(state, "b") },
    backend: state.backend,
    evalEvery: EVAL_EVERY,
    pauseAt: TOY_BUDGET,
    evaluateOffThread: state.evalworker,
  };
}

export function TrainPage() {
  const { theme, setTheme, issues: themeIssues, dismissIssues: dismissTheme } = usePageTheme();
  const { state, update, issues, dismissIssues } = useUrlState(TRAIN_SCHEMA);
  // Keyed by content: unrelated state (Figure 4's γ) keeps the same setup object.
  const setupKey = JSON.stringify(setupOf(state));
  const setup = useMemo(() => JSON.parse(setupKey) as SessionSetup, [setupKey]);
  const session = useTrainingSession(setup, !state.worker);
  const seedsJob = useJob(!state.worker);
  const sweepJob = useJob(!state.worker);
  const { view } = session;
  const [presetNote, setPresetNote] = useState<string | null>(null);
  const [codeRun, setCodeRun] = useState<"a" | "b">("b");
  const transportBar = useRef<HTMLDivElement>(null);
  useStickyScrollPadding(transportBar);
  const setF4gamma = useCallback((f4gamma: number) => update({ f4gamma }), [update]);
  // The figures' code is fetched after the page; each figure hydrates when it is wanted.
  useEffect(() => prefetchTrainingFigures(), []);
  // The charts' share menus read the current setup when opened (a stable host object).
  const stateRef = useRef(state);
  stateRef.current = state;
  const chartHost = useMemo(
    () => ({
      pagePath: "train/",
      stateQuery: () => serializeState(TRAIN_SCHEMA, stateRef.current),
    }),
    [],
  );

  // A changed setup resets both runs (paused), so what is drawn always matches the controls:
  // after a short pause (a dragged slider settles), or at once when Play or Step is pressed.
  const appliedKey = useRef(setupKey);
  // The session opens after hydration with the setup shown then (useTrainingSession): until
  // then, the shown setup is the applied one.
  const hydrated = useRootHydrated();
  const opened = useRef(false);
  if (!opened.current) appliedKey.current = setupKey;
  useEffect(() => {
    if (hydrated) opened.current = true;
  }, [hydrated]);
  const { reset, ready } = session;
  const applySetup = useCallback(
    (key: string) => {
      if (appliedKey.current === key) return;
      appliedKey.current = key;
      void reset(JSON.parse(key) as SessionSetup);
    },
    [reset],
  );
  useEffect(() => {
    if (!ready || appliedKey.current === setupKey) return;
    const timer = setTimeout(() => applySetup(setupKey), 250);
    return () => clearTimeout(timer);
  }, [setupKey, ready, applySetup]);

  const sweepBase = { ...setup.runs.b, loss: "alpha-fl" as const, priorInit: true };
  const [sweepBaseline, setSweepBaseline] = useState<SweepBaseline>("ohem");
  const runSweep = (steps: number, seeds: number, baseline: SweepBaseline = "ohem") => {
    setSweepBaseline(baseline);
    void sweepJob.run(
      {
        kind: "sweep",
        base: sweepBase,
        gammas: SWEEP_GAMMAS,
        alphas: SWEEP_ALPHAS,
        seeds: Array.from({ length: seeds }, (_, i) => state.seed + i),
        steps,
        ...(baseline === "none" ? {} : { baseline: ohemBaseline(sweepBase, baseline) }),
      },
      state.backend,
    );
  };
  const losses = useMemo(
    () => ({ a: describeLoss(setup.runs.a), b: describeLoss(setup.runs.b) }),
    [setup],
  );
  const ohemRuns = useMemo(() => RUN_IDS.filter((id) => setup.runs[id].loss === "ohem"), [setup]);
  const sweepRecipe = `${sweepBase.optimizer === "sgd" ? "SGD with momentum" : "Adam"} at lr ${sweepBase.lr} (run B's), batch ${sweepBase.batchSize}, from seed ${state.seed}`;

  return (
    <>
      <SiteHeader current="train" theme={theme} onTheme={setTheme} />
      <ParamNotice
        issues={[...issues, ...themeIssues]}
        onDismiss={() => {
          dismissIssues();
          dismissTheme();
        }}
      />
      <main className="mx-auto flex max-w-6xl flex-col gap-5 px-4 pb-16">
        <div className="mt-6">
          <h1 className="text-3xl font-bold tracking-tight">Train it yourself: CE vs focal loss</h1>
          <p className="mt-2 max-w-3xl text-[var(--muted)]">
            Two copies of a tiny one-stage detector learn to find "+" marks among look-alikes, on
            the same seeded data where about one location in {formatCount(state.imbalance)} is an
            object. They differ only in the settings you give run A and run B. Everything trains
            here, in this tab.
          </p>
          <SessionNotices
            notices={[...session.notices, ...view.notices]}
            error={view.error}
            reload={session.fatal}
            onRetry={session.startFailed ? session.retryStart : undefined}
          />
        </div>
        <ToyFindings />
        <section
          aria-label="Experiment setup"
          className="flex flex-col gap-3 rounded-xl border border-[var(--grid)] bg-[var(--panel)] p-4"
        >
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Presets">
            <span className="text-sm text-[var(--muted)]">Presets</span>
            {PRESETS.map((p) => (
              <button
                key={p.id}
                type="button"
                title={p.setup}
                onClick={() => {
                  update(p.patch);
                  setPresetNote(
                    `${p.label}: ${p.setup} ${p.measured ?? "Our benchmark has not measured this setup."}`,
                  );
                }}
                className="rounded-full border border-[var(--grid)] px-3 py-1 text-sm hover:bg-[var(--grid)]"
              >
                {p.label}
              </button>
            ))}
            <button
              type="button"
              title="Train a grid of γ and α for a short budget and compare with the paper's Table 1"
              onClick={() => {
                const motion = window.matchMedia("(prefers-reduced-motion: reduce)").matches
                  ? "auto"
                  : "smooth";
                document.getElementById("sweep-title")?.scrollIntoView({ behavior: motion });
                if (!sweepJob.state.running) runSweep(150, 1);
              }}
              className="rounded-full border border-[var(--grid)] px-3 py-1 text-sm hover:bg-[var(--grid)]"
            >
              Sweep γ
            </button>
          </div>
          {presetNote && (
            <p className="text-sm text-[var(--muted)]" data-testid="preset-note">
              {presetNote}
            </p>
          )}
          <div className="grid gap-3 md:grid-cols-3">
            <div
              className="flex flex-col gap-2 rounded-lg border border-[var(--grid)] p-3"
              data-testid="shared-settings"
            >
              <h2 className="text-sm font-semibold">Shared</h2>
              <SchemaSlider
                param={TRAIN_SCHEMA.seed}
                label="Seed"
                name="Seed"
                value={state.seed}
                scale="log"
                format={String}
                onChange={(seed) => update({ seed })}
              />
              <SchemaSlider
                param={TRAIN_SCHEMA.batch}
                label="Batch"
                name="Batch size"
                value={state.batch}
                format={String}
                onChange={(batch) => update({ batch })}
              />
              <SchemaSlider
                param={TRAIN_SCHEMA.imbalance}
                label="Imbalance 1 :"
                name="Imbalance"
                value={state.imbalance}
                scale="log"
                format={(v) => `1 to ${formatCount(v)}`}
                onChange={(imbalance) => update({ imbalance })}
              />
              <RecipeSettings state={state} update={update} />
              <p className="text-xs text-[var(--muted)]" data-testid="measured-imbalance">
                {measuredText(view)}
              </p>
            </div>
            <RunSettings id="a" state={state} update={update} />
            <RunSettings id="b" state={state} update={update} />
          </div>
          <BackendBadge
            view={view}
            thread={session.thread}
            choice={state.backend}
            onChoose={(backend) => update({ backend })}
          />
        </section>
        <div
          ref={transportBar}
          className="sticky top-0 z-10 -mx-4 border-b border-[var(--grid)] bg-[var(--bg)] px-4 py-2"
        >
          <Transport
            view={view}
            budget={TOY_BUDGET}
            ready={session.ready}
            onPlay={() => {
              applySetup(setupKey);
              void session.play();
            }}
            onPause={() => void session.pause()}
            onStep={() => {
              applySetup(setupKey);
              void session.step();
            }}
            onReset={() => {
              appliedKey.current = setupKey;
              void reset(setup);
            }}
          />
          <TrainingAnnouncer view={view} />
        </div>
        <RunSummaries view={view} configs={setup.runs} />
        <ChartHostContext.Provider value={chartHost}>
          <ChartMenuContext.Provider value={LazyChartMenuPanel}>
            <FigureOptionsContext.Provider value={TRAINING_FIGURES}>
              <div className="grid grid-cols-1 gap-x-5 lg:grid-cols-2 [&>*]:min-w-0 [&_figure]:my-2">
                <TrainingFigure figure="loss-history" props={{ runs: view.runs, ohemRuns }} />
                <TrainingFigure figure="metrics" props={{ runs: view.runs }} />
                <TrainingFigure figure="pr" props={{ runs: view.runs }} />
                <TrainingFigure figure="shares" props={{ runs: view.runs }} />
                <TrainingFigure
                  figure="figure4"
                  props={{ runs: view.runs, gamma: state.f4gamma, onGamma: setF4gamma }}
                />
                <TrainingFigure figure="methods" props={{ runs: view.runs, losses }} />
                <TrainingFigure
                  figure="heatmaps"
                  props={{ runs: view.runs, configs: setup.runs }}
                />
              </div>
            </FigureOptionsContext.Provider>
          </ChartMenuContext.Provider>
        </ChartHostContext.Provider>
        <SeedsPanel
          job={seedsJob.state}
          losses={losses}
          firstSeed={state.seed}
          inWorker={state.worker}
          onCancel={seedsJob.cancel}
          onRun={(seeds, steps) =>
            void seedsJob.run({ kind: "seeds", runs: setup.runs, seeds, steps }, state.backend)
          }
        />
        <SweepPanel
          job={sweepJob.state}
          onRun={runSweep}
          onCancel={sweepJob.cancel}
          recipe={sweepRecipe}
          ranBaseline={sweepBaseline}
        />
        <div className="flex flex-col gap-2">
          <Toggle
            label="Code for"
            value={codeRun}
            options={[
              { value: "a", label: "Run A's loss" },
              { value: "b", label: "Run B's loss" },
            ]}
            onChange={setCodeRun}
          />
          <CodePanel
            {...focalOptionsOf(setup.runs[codeRun])}
            source={
              setup.runs[codeRun].loss === "ohem"
                ? `run ${codeRun.toUpperCase()} trains with ${describeLoss(setup.runs[codeRun])}: this is the plain CE it applies to the locations it keeps; the top-k selection is not in the snippet`
                : `run ${codeRun.toUpperCase()}'s loss: ${describeLoss(setup.runs[codeRun])}`
            }
          />
        </div>
      </main>
      <SiteFooter
        privacy="everything trains in this tab and sends no data anywhere."
        restartNote="training starts again"
      />
    </>
  );
}

/** The sweep's OHEM column: the grid's recipe, OHEM at the paper's best batch (128). */
function ohemBaseline(base: TrainConfig, baseline: Exclude<SweepBaseline, "none">): TrainConfig {
  return {
    ...base,
    loss: "ohem",
    ohemRatio: baseline === "ohem" ? "none" : "1:3",
    ohemBatch: 128,
  };
}

/** What happened to each run, in words (updated with each evaluation; not announced live). */
function RunSummaries({
  view,
  configs,
}: {
  view: ReturnType<typeof useTrainingSession>["view"];
  configs: SessionSetup["runs"];
}) {
  const lines = RUN_IDS.map((id) =>
    describeRun(`Run ${id.toUpperCase()} (${describeLoss(configs[id])})`, view.runs[id]),
  ).filter((line): line is string => line !== null);
  if (lines.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="run-summaries">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function measuredText(view: ReturnType<typeof useTrainingSession>["view"]): string {
  const m = view.runs.a.initial?.measured;
  if (!m) return "Measuring the held-out set…";
  const ratio = Number.isFinite(m.ratio) ? `1 : ${formatCount(m.ratio)}` : "no positives";
  return `Held-out set as measured: ${formatCount(m.positives)} positive and ${formatCount(m.negatives)} negative locations, ${ratio}.`;
}
