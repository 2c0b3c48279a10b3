/**
 * "Your own model": bring a file of labels and scores from your own model and see, under the
 * γ and α sliders, where its loss and gradient go, the paper's Figure 4, where your examples
 * sit on the loss curve, and how calibrated the scores are; then take the loss home as code.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef } from "react";
import { CodePanel } from "../../components/CodePanel";
import { SchemaSlider } from "../../components/controls/SchemaSlider";
import { ParamNotice } from "../../components/ParamNotice";
import { SiteHeader } from "../../components/SiteHeader";
import { YoursCdfFigure } from "../../components/yours/CdfFigure";
import { YoursLossFigure } from "../../components/yours/LossFigure";
import { YoursReliabilityFigure } from "../../components/yours/ReliabilityFigure";
import { YoursSharesFigure } from "../../components/yours/SharesFigure";
import { formatCount, formatParam } from "../../math/format";
import { useUrlState } from "../../state/useUrlState";
import { type ExampleId, YOURS_SCHEMA } from "../../state/yours";
import { SiteFooter } from "../SiteFooter";
import { usePageTheme } from "../theme";
import {
  calibrationOf,
  compareLosses,
  idealFocalCurve,
  lossCdfs,
  ptDensity,
  thresholdView,
} from "./analysis";
import { EXAMPLE_FILES, FilePanel } from "./FilePanel";
import { ColumnChooser, ReadProgressBar } from "./ReadControls";
import { useReader } from "./useReader";

export function YoursPage() {
  const { theme, setTheme, issues: themeIssues, dismissIssues: dismissTheme } = usePageTheme();
  const { state, update, issues, dismissIssues } = useUrlState(YOURS_SCHEMA);
  const reader = useReader();
  const { open, fail } = reader;
  const r = reader.state;
  const shown = useRef<ExampleId | "file">(state.example);

  const loadExample = useCallback(
    async (id: ExampleId) => {
      shown.current = id;
      update({ example: id });
      const { file } = EXAMPLE_FILES[id];
      try {
        const response = await fetch(`../examples/${file}`);
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        await open(await response.blob(), file);
      } catch (error) {
        fail(
          `The example ${file} could not be loaded (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
    },
    [open, fail, update],
  );
  const openFile = useCallback(
    (file: File) => {
      shown.current = "file";
      void open(file, file.name);
    },
    [open],
  );
  // The page is never empty: it starts with the example named in the link (or the default).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void loadExample(state.example);
  }, [loadExample, state.example]);

  // Sliders stay responsive: the figures follow the deferred values.
  const gamma = useDeferredValue(state.gamma);
  const alpha = useDeferredValue(state.alpha);
  const ceAlpha = useDeferredValue(state.ceAlpha);
  const summary = r.result?.summary ?? null;
  const comparison = useMemo(
    () => (summary ? compareLosses(summary, gamma, alpha, ceAlpha) : null),
    [summary, gamma, alpha, ceAlpha],
  );
  const cdfs = useMemo(() => (summary ? lossCdfs(summary, gamma) : null), [summary, gamma]);
  const density = useMemo(() => (summary ? ptDensity(summary, 50) : null), [summary]);
  const calibration = useMemo(
    () => (summary ? calibrationOf(summary, Number(state.bins)) : null),
    [summary, state.bins],
  );
  const thresholds = useMemo(() => (summary ? thresholdView(summary) : null), [summary]);
  const ideal = useMemo(() => idealFocalCurve(gamma, alpha), [gamma, alpha]);

  const busy = r.phase === "inspecting" || r.phase === "reading";

  return (
    <>
      <SiteHeader current="yours" theme={theme} onTheme={setTheme} />
      <ParamNotice
        issues={[...issues, ...themeIssues]}
        onDismiss={() => {
          dismissIssues();
          dismissTheme();
        }}
      />
      <section
        aria-label="Loss parameters"
        className="sticky top-0 z-10 border-b border-[var(--grid)] bg-[var(--panel)] print:hidden"
      >
        <div className="mx-auto grid max-w-5xl grid-cols-1 gap-x-8 gap-y-1 px-4 py-1.5 sm:grid-cols-2 sm:py-2">
          <SchemaSlider
            param={YOURS_SCHEMA.gamma}
            label="γ focusing"
            name="gamma"
            value={state.gamma}
            onChange={(v) => update({ gamma: v })}
            testId="gamma-slider"
          />
          <SchemaSlider
            param={YOURS_SCHEMA.alpha}
            label="α balancing"
            name="alpha"
            value={state.alpha}
            onChange={(v) => update({ alpha: v })}
            testId="alpha-slider"
          />
        </div>
      </section>
      <main className="mx-auto flex max-w-5xl flex-col gap-4 px-4 pb-16">
        <div className="mt-6">
          <h1 className="text-3xl font-bold tracking-tight">Your own model</h1>
          <p className="mt-2 max-w-3xl text-[var(--muted)]">
            Bring the labels and scores of a validation set from your own detector (one row per
            anchor) or any binary or one-vs-rest classifier, and see where its loss and gradient
            would go under cross-entropy and focal loss, for any γ and α.
          </p>
        </div>
        <FilePanel
          onFile={openFile}
          onExample={(id) => void loadExample(id)}
          current={shown.current}
          busy={busy}
        />
        <ReadStatus reader={reader} />
        {summary && r.result && (
          <>
            <DataSummary result={r.result} name={r.resultName ?? ""} />
            <div className="grid grid-cols-1 gap-x-5 lg:grid-cols-2 [&>*]:min-w-0 [&_figure]:my-2">
              {comparison && (
                <YoursSharesFigure
                  rows={comparison}
                  gamma={gamma}
                  alpha={alpha}
                  ceAlpha={ceAlpha}
                  onCeAlpha={(v) => update({ ceAlpha: v })}
                  number={1}
                />
              )}
              {cdfs && <YoursCdfFigure cdfs={cdfs} gamma={gamma} number={2} />}
              {density && <YoursLossFigure gamma={gamma} density={density} number={3} />}
              {calibration && thresholds && (
                <YoursReliabilityFigure
                  calibration={calibration}
                  thresholds={thresholds}
                  ideal={ideal}
                  idealLabel={`an ideal model trained with α-FL, γ = ${formatParam(gamma)}, α = ${formatParam(alpha)}`}
                  idealIsRate={gamma === 0 && alpha === 0.5}
                  bins={state.bins}
                  onBins={(bins) => update({ bins })}
                  number={4}
                />
              )}
            </div>
          </>
        )}
        <CodePanel gamma={state.gamma} alpha={state.alpha} />
      </main>
      <SiteFooter privacy="your files never leave the tab." />
    </>
  );
}

function ReadStatus({ reader }: { reader: ReturnType<typeof useReader> }) {
  const r = reader.state;
  return (
    <div className="flex flex-col gap-3" data-testid="read-status">
      {r.phase === "inspecting" && (
        <p className="text-sm" role="status">
          Looking at {r.name}…
        </p>
      )}
      {r.phase === "reading" && (
        <ReadProgressBar progress={r.progress} size={r.size} onCancel={reader.cancel} />
      )}
      {r.failure && (
        <div
          role="alert"
          data-testid="read-error"
          data-problem={r.failure.problem}
          className="rounded-lg border border-red-400 bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
        >
          {r.failure.problem === "cancelled" ? "Reading was cancelled." : r.failure.message}
          {r.result && r.resultName && <> The figures below still show {r.resultName}.</>}
        </div>
      )}
      {r.inspection && r.options && (
        <ColumnChooser
          inspection={r.inspection}
          options={r.options}
          disabled={r.phase === "reading" || r.phase === "inspecting"}
          onChange={reader.reread}
        />
      )}
    </div>
  );
}

function DataSummary({
  result,
  name,
}: {
  result: NonNullable<ReturnType<typeof useReader>["state"]["result"]>;
  name: string;
}) {
  const s = result.summary;
  const ratio = s.negatives / s.positives;
  return (
    <section
      aria-label="Your data"
      className="rounded-xl border border-[var(--grid)] bg-[var(--panel)] p-4"
      data-testid="data-summary"
    >
      <h2 className="text-lg font-semibold">{name}</h2>
      <p className="mt-1" data-testid="imbalance">
        <strong>{formatCount(s.rows)}</strong> examples: {formatCount(s.positives)} positive and{" "}
        {formatCount(s.negatives)} negative, an imbalance of{" "}
        <strong>1 : {ratio >= 10 ? formatCount(ratio) : ratio.toFixed(2)}</strong> as measured.
        Scores read as {result.scoreKind === "logit" ? "logits" : "probabilities"} (logits from{" "}
        {s.logitRange[0].toFixed(2)} to {s.logitRange[1].toFixed(2)}), in{" "}
        {result.seconds.toFixed(2)} s.
      </p>
      {result.notes.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-sm text-[var(--muted)]" data-testid="read-notes">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs text-[var(--muted)]">
        Every figure is computed from your examples grouped on a grid of 0.01 in logit (each group
        stands for its examples at their mean logit), so moving γ or α redraws at once for any file
        size; loss shares differ from exact per-example sums by less than 0.1 percentage point.
      </p>
    </section>
  );
}
