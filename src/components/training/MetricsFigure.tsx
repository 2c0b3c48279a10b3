import { memo, useMemo } from "react";
import type { SessionView } from "../../experiment/history";
import { RUN_IDS } from "../../experiment/protocol";
import { formatCount, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { Figure } from "../Figure";
import { RUN_COLORS } from "./runColors";

/** Held-out AP and recall at precision 0.5 of both runs over steps. */
/** Memoized: re-renders when its run data or props change, not on unrelated page state. */
export const MetricsFigure = memo(function MetricsFigure({
  view,
  number,
}: {
  view: SessionView;
  number: number;
}) {
  const series = useMemo<Series[]>(
    () =>
      RUN_IDS.flatMap((id) => {
        const m = view.runs[id].metrics;
        const name = id.toUpperCase();
        return [
          {
            id: `${id}-ap`,
            label: `${name} AP`,
            points: m.map((p) => ({ x: p.step, y: p.ap })),
            color: RUN_COLORS[id],
          },
          {
            id: `${id}-recall`,
            label: `${name} recall @ P ≥ 0.5`,
            points: m.map((p) => ({ x: p.step, y: p.recallAtP50 })),
            color: RUN_COLORS[id],
            dash: "6 3",
          },
        ];
      }),
    [view.runs],
  );
  const maxStep = Math.max(10, ...RUN_IDS.map((id) => view.runs[id].metrics.at(-1)?.step ?? 0));
  const latest = (id: "a" | "b") => view.runs[id].metrics.at(-1);
  const a = latest("a");
  const b = latest("b");
  return (
    <Figure
      id="train-ap"
      number={number}
      title="Held-out AP and recall at precision 0.5"
      caption={
        a && b ? (
          <>
            At step {formatCount(a.step)}: A has AP{" "}
            <strong data-testid="run-a-ap">{formatValue(a.ap)}</strong> and recall{" "}
            {formatValue(a.recallAtP50)}; B has AP{" "}
            <strong data-testid="run-b-ap">{formatValue(b.ap)}</strong> and recall{" "}
            {formatValue(b.recallAtP50)} (non-interpolated AP over every held-out location).
          </>
        ) : (
          "Evaluating the untrained models…"
        )
      }
      table={{
        columns: ["step", "A AP", "A recall", "B AP", "B recall"],
        rows: view.runs.a.metrics.map((m, i) => {
          const mb = view.runs.b.metrics[i];
          return [
            String(m.step),
            formatValue(m.ap),
            formatValue(m.recallAtP50),
            mb ? formatValue(mb.ap) : "–",
            mb ? formatValue(mb.recallAtP50) : "–",
          ];
        }),
      }}
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
