/**
 * The training page's charts in an embed. There is no live training in an embed: the chart
 * draws the recorded run (public/recorded-run.json, fetched from our own site), says so in a
 * visible label, and links to the training page to train it live.
 */
import { Suspense, useEffect, useMemo, useState } from "react";
import { FigureOptionsContext } from "../../components/figureContext";
import { ChunkBoundary } from "../../components/lazyPart";
import { PRESETS } from "../../content/presets";
import type { TrainConfig } from "../../experiment/config";
import {
  parseRecordedRun,
  RECORDED_RUN_PATH,
  type RecordedRun,
  recordedRunLabel,
  viewOfRecordedRun,
} from "../../experiment/recordedRunView";
import { HOST_PAGE_PATH } from "../../state/charts";
import { defaultsOf, parseState, serializeState } from "../../state/schema";
import { configOf, TRAIN_SCHEMA, trainStateOf } from "../../state/train";
import { CHART_COMPONENTS } from "./chartComponents";
import { EmbedFooter, EmbedMessage, EmbedNotice } from "./EmbedChrome";
import type { HostProps } from "./EmbedPage";
import { TrainEmbedContext, type TrainEmbedData } from "./trainEmbedContext";

/**
 * What our benchmark measured over several seeds for the recorded pair, when the recorded pair
 * is exactly a preset's (it is the page's default, the paper's setting): one seed is an anecdote.
 */
function benchmarkOfRecorded(config: Record<"a" | "b", TrainConfig>): string | null {
  const same = (a: TrainConfig, b: TrainConfig) =>
    JSON.stringify({ ...a, seed: 0 }) === JSON.stringify({ ...b, seed: 0 });
  const defaults = defaultsOf(TRAIN_SCHEMA);
  const preset = PRESETS.find((p) => {
    const state = { ...defaults, ...p.patch };
    return same(configOf(state, "a"), config.a) && same(configOf(state, "b"), config.b);
  });
  return preset?.measured ?? null;
}

/** The training page's parameters an embed reads: only the cumulative-loss figure's γ. */
const EMBED_TRAIN_SCHEMA = { f4gamma: TRAIN_SCHEMA.f4gamma } as const;

type Loaded = { ok: true; run: RecordedRun } | { ok: false; error: string } | null;

export function TrainEmbed({ chart, query, options, issues, siteRoot }: HostProps) {
  const [initial] = useState(() => parseState(EMBED_TRAIN_SCHEMA, query));
  const [f4gamma, setF4gamma] = useState(initial.state.f4gamma);
  const [loaded, setLoaded] = useState<Loaded>(null);

  useEffect(() => {
    let cancelled = false;
    // Our own site only: the file sits next to the embed page's folder.
    fetch(`${siteRoot}${RECORDED_RUN_PATH}`, { credentials: "omit" })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((json) => !cancelled && setLoaded({ ok: true, run: parseRecordedRun(json) }))
      .catch(
        (e) =>
          !cancelled && setLoaded({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      cancelled = true;
    };
  }, [siteRoot]);

  const run = loaded?.ok ? loaded.run : null;
  const seedContext = run ? benchmarkOfRecorded(run.config) : null;
  const view = useMemo(() => (run ? viewOfRecordedRun(run) : null), [run]);
  const data = useMemo<TrainEmbedData | null>(
    () => (run && view ? { runs: view.runs, configs: run.config, f4gamma, setF4gamma } : null),
    [run, view, f4gamma],
  );
  const Chart = CHART_COMPONENTS[chart];
  const state = run ? serializeState(TRAIN_SCHEMA, trainStateOf(run.config, f4gamma)) : "";
  const link = `${siteRoot}${HOST_PAGE_PATH.train}${state ? `?${state}` : ""}#${chart}`;
  const figureOptions = {
    variant: "embed" as const,
    title: options.title,
    caption: options.caption,
    controls: options.controls === "own",
    menu: false,
    recorded: true,
  };

  return (
    <>
      <EmbedNotice issues={[...issues, ...initial.issues]} />
      {loaded === null && (
        <p role="status" className="p-3 text-sm text-[var(--muted)]">
          Loading the recorded run…
        </p>
      )}
      {loaded?.ok === false && (
        <EmbedMessage title="The recorded training run could not be loaded.">
          {loaded.error}. The chart draws a run recorded on the Focal Loss Explorer's own site;{" "}
          <a href={link} target="_blank" rel="noopener" className="underline">
            train it live on the training page
          </a>
          .
        </EmbedMessage>
      )}
      {run && data && (
        <>
          <p
            className="px-2 pt-2 text-xs text-[var(--muted)] sm:px-3"
            data-testid="recorded-run-label"
          >
            {recordedRunLabel(run)}.{" "}
            <a
              href={link}
              target="_blank"
              rel="noopener"
              className="underline hover:text-[var(--accent)]"
            >
              Train it live ↗
            </a>
            {seedContext && (
              <span className="block" data-testid="recorded-run-seeds">
                One seed of many: {seedContext}
              </span>
            )}
          </p>
          <TrainEmbedContext.Provider value={data}>
            <FigureOptionsContext.Provider value={figureOptions}>
              <ChunkBoundary what="This chart" retry={() => Chart.retry?.()}>
                <Suspense
                  fallback={
                    <p role="status" className="p-3 text-sm text-[var(--muted)]">
                      Loading the chart…
                    </p>
                  }
                >
                  <Chart />
                </Suspense>
              </ChunkBoundary>
            </FigureOptionsContext.Provider>
          </TrainEmbedContext.Provider>
          <EmbedFooter href={link} />
        </>
      )}
    </>
  );
}
