import { memo, useMemo } from "react";
import { RUN_IDS } from "../../experiment/protocol";
import { formatCount, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { Figure } from "../Figure";
import { type MetricTraces, metricsCaption, metricsTable } from "./metricsText";
import { RUN_COLORS, RUN_MARKERS } from "./runColors";

/** Held-out AP and recall at precision 0.5 of both runs over steps. Memoized on its data. */
export const MetricsFigure = memo(function MetricsFigure({ runs }: { runs: MetricTraces }) {
  const series = useMemo<Series[]>(
    () =>
      RUN_IDS.flatMap((id) => {
        const m = runs[id].metrics;
        const name = id.toUpperCase();
        return [
          {
            id: `${id}-ap`,
            label: `${name} AP`,
            points: m.map((p) => ({ x: p.step, y: p.ap })),
            color: RUN_COLORS[id],
            marker: RUN_MARKERS[id],
          },
          {
            id: `${id}-recall`,
            label: `${name} recall at precision ≥ 0.5`,
            points: m.map((p) => ({ x: p.step, y: p.recallAtP50 })),
            color: RUN_COLORS[id],
            marker: RUN_MARKERS[id],
            dash: "6 3",
          },
        ];
      }),
    [runs],
  );
  const maxStep = Math.max(10, ...RUN_IDS.map((id) => runs[id].metrics.at(-1)?.step ?? 0));
  const c = metricsCaption(runs);
  return (
    <Figure
      id="train-ap"
      caption={
        c ? (
          <>
            At step {c.step}: A has AP <strong data-testid="run-a-ap">{c.a.ap}</strong> and recall{" "}
            {c.a.recall}; B has AP <strong data-testid="run-b-ap">{c.b.ap}</strong> and recall{" "}
            {c.b.recall} (non-interpolated AP over every held-out location).
          </>
        ) : (
          "Evaluating the untrained models…"
        )
      }
      table={() => metricsTable(runs)}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={240}
            series={series}
            xName="step"
            title="Held-out AP and recall over steps for runs A and B"
            x={{ domain: [0, maxStep], label: "step", format: (v) => formatCount(v) }}
            y={{ domain: [0, 1], label: "AP / recall", format: formatValue }}
          />
        </>
      )}
    </Figure>
  );
});
