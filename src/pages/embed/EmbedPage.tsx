/** One chart alone, by id, with the options of its embed link; a message when that fails. */
import { Component, type ComponentType, type ReactNode, Suspense } from "react";
import { ContainedContext } from "../../components/figureContext";
import { ChunkBoundary, lazyPart } from "../../components/lazyPart";
import { CHART_IDS, CHARTS, type ChartEntry, type ChartId } from "../../state/charts";
import type { EmbedOptions, EmbedRequest } from "../../state/embed";
import type { ParamIssue } from "../../state/schema";
import { EmbedMessage } from "./EmbedChrome";
import { ExplainerEmbed } from "./ExplainerEmbed";
import { useEmbedFrame } from "./frame";

/** What a host (the page whose state a chart reads) is given to draw one of its charts. */
export interface HostProps {
  chart: ChartId;
  /** The embed's query: the host reads its own state parameters from it. */
  query: string;
  options: EmbedOptions;
  /** Problems with the display options, shown with the host's own. */
  issues: readonly ParamIssue[];
  siteRoot: string;
}

/** Each host draws its charts with its own state schema and sliders. */
/** The training charts' host (the recorded run, its reader and the benchmark) loads on use. */
const TrainEmbed = lazyPart(() => import("./TrainEmbed").then((m) => ({ default: m.TrainEmbed })));

const HOSTS: Record<ChartEntry["host"], ComponentType<HostProps>> = {
  explainer: ExplainerEmbed,
  train: TrainEmbed,
};

export function EmbedPage(props: {
  request: EmbedRequest<ChartId>;
  query: string;
  siteRoot: string;
}) {
  const { request, query, siteRoot } = props;
  const frame = useEmbedFrame();
  if (!request.ok) {
    return (
      <EmbedMessage
        title={
          request.asked === null
            ? "This embed link names no chart."
            : `There is no chart “${request.asked}”.`
        }
      >
        Add <code>chart=</code> with one of: {CHART_IDS.join(", ")}. The{" "}
        <a href={siteRoot} target="_blank" rel="noopener" className="underline">
          Focal Loss Explorer
        </a>{" "}
        gives the embed code of every chart in its “Share” menu.
      </EmbedMessage>
    );
  }
  const Host = HOSTS[CHARTS[request.chart].host];
  return (
    <ContainedContext.Provider value={frame.contained}>
      <ChartErrorBoundary>
        <ChunkBoundary what="This chart" retry={TrainEmbed.retry}>
          <Suspense
            fallback={
              <p role="status" className="p-3 text-sm text-[var(--muted)]">
                Loading the chart…
              </p>
            }
          >
            <Host
              chart={request.chart}
              query={query}
              options={request.options}
              issues={request.issues}
              siteRoot={siteRoot}
            />
          </Suspense>
        </ChunkBoundary>
      </ChartErrorBoundary>
    </ContainedContext.Provider>
  );
}

/** A chart that throws still leaves a message in the frame. */
class ChartErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? (
      <EmbedMessage title="This chart could not be drawn.">
        Reload the page; if it persists, open the chart in the Focal Loss Explorer.
      </EmbedMessage>
    ) : (
      this.props.children
    );
  }
}
