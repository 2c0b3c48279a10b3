/**
 * The explainer's charts in an embed: the explainer's state from the embed's query (same
 * parameters, same clamping), kept in memory only, with the γ / α sliders a chart depends on
 * when the embed shows controls.
 */
import { useCallback, useMemo, useState } from "react";
import { SchemaSlider } from "../../components/controls/SchemaSlider";
import { ExplainerContext, useExplainerStore } from "../../components/explainerContext";
import { FigureOptionsContext } from "../../components/figureContext";
import { CHARTS, EXPLAINER_CHART_IDS, HOST_PAGE_PATH } from "../../state/charts";
import { EXPLAINER_SCHEMA, type ExplainerState } from "../../state/explainer";
import { parseState, serializeState } from "../../state/schema";
import { explainerLink, viewQuery } from "../../state/view";
import { CHART_COMPONENTS } from "./chartComponents";
import { EmbedFooter, EmbedNotice } from "./EmbedChrome";
import type { HostProps } from "./EmbedPage";

/** The explainer's page-wide sliders; the figures bring their own other controls. */
const SLIDERS = ["gamma", "alpha"] as const;
const SLIDER_LABELS = { gamma: "γ focusing", alpha: "α balancing" } as const;

export function ExplainerEmbed({ chart, query, options, issues, siteRoot }: HostProps) {
  const [initial] = useState(() => parseState(EXPLAINER_SCHEMA, query));
  const [state, setState] = useState<ExplainerState>(initial.state);
  const update = useCallback(
    (patch: Partial<ExplainerState>) => setState((s) => ({ ...s, ...patch })),
    [],
  );
  const context = useExplainerStore(
    useMemo(() => ({ state, update, highlight: null }), [state, update]),
  );
  const entry = CHARTS[chart];
  const Chart = CHART_COMPONENTS[chart];
  const controls = options.controls === "own";
  const sliders = controls ? SLIDERS.filter((name) => entry.params.includes(name)) : [];
  const figureOptions = {
    variant: "embed" as const,
    title: options.title,
    caption: options.caption,
    controls,
    menu: false,
    extraControls:
      sliders.length > 0 ? (
        <div className="flex flex-col gap-1">
          {sliders.map((name) => (
            <SchemaSlider
              key={name}
              param={EXPLAINER_SCHEMA[name]}
              label={SLIDER_LABELS[name]}
              name={name}
              value={state[name]}
              onChange={(v) => update({ [name]: v })}
              testId={`${name}-slider`}
            />
          ))}
        </div>
      ) : undefined,
  };
  const stateQuery = serializeState(EXPLAINER_SCHEMA, state);
  const link = `${siteRoot}${HOST_PAGE_PATH.explainer}?${stateQuery}#${chart}`;
  const explainerChart = EXPLAINER_CHART_IDS.find((id) => id === chart);
  const presentLink = explainerChart
    ? explainerLink(
        `${siteRoot}${HOST_PAGE_PATH.explainer}`,
        stateQuery,
        viewQuery({ present: explainerChart }, options.theme),
      )
    : undefined;
  return (
    <ExplainerContext.Provider value={context}>
      <EmbedNotice issues={[...issues, ...initial.issues]} />
      <FigureOptionsContext.Provider value={figureOptions}>
        <Chart />
      </FigureOptionsContext.Provider>
      <EmbedFooter href={link} presentHref={presentLink} />
    </ExplainerContext.Provider>
  );
}
