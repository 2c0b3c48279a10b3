import { memo, useMemo } from "react";
import type { SessionView } from "../../experiment/history";
import { RUN_IDS } from "../../experiment/protocol";
import { formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { Figure } from "../Figure";
import { RUN_COLORS } from "./runColors";

/** At most this many PR points per run reach the chart. */
const MAX_PR_POINTS = 300;

/** Precision against recall for the current models. */
/** Memoized: re-renders when its run data or props change, not on unrelated page state. */
export const PrFigure = memo(function PrFigure({
  view,
  number,
}: {
  view: SessionView;
  number: number;
}) {
  const series = useMemo<Series[]>(
    () =>
      RUN_IDS.map((id) => {
        const pr = view.runs[id].latest?.pr;
        const n = pr?.recall.length ?? 0;
        const every = Math.max(1, Math.ceil(n / MAX_PR_POINTS));
        const points = [];
        for (let i = 0; i < n; i += every)
          points.push({ x: pr?.recall[i] ?? 0, y: pr?.precision[i] ?? 0 });
        if (n > 0 && (n - 1) % every !== 0)
          points.push({ x: pr?.recall[n - 1] ?? 0, y: pr?.precision[n - 1] ?? 0 });
        return {
          id,
          label: `${id.toUpperCase()} (step ${view.runs[id].latest?.step ?? 0})`,
          points,
          color: RUN_COLORS[id],
        };
      }),
    [view.runs],
  );
  return (
    <Figure
      id="train-pr"
      number={number}
      title="Precision–recall on the held-out set, now"
      caption={RUN_IDS.map((id) => {
        const e = view.runs[id].latest;
        return e
          ? `${id.toUpperCase()}: AP ${formatValue(e.ap)}, recall ${formatValue(e.recallAtP50)} at precision ≥ 0.5. `
          : "";
      }).join("")}
      table={{
        columns: ["run", "recall", "precision"],
        rows: series.flatMap((s) =>
          s.points
            .filter((_, i) => i % Math.max(1, Math.floor(s.points.length / 8)) === 0)
            .map((p) => [s.id.toUpperCase(), formatValue(p.x), formatValue(p.y)]),
        ),
      }}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={240}
            series={series}
            xName="recall"
            title="Precision against recall for runs A and B"
            x={{ domain: [0, 1], label: "recall", format: formatValue }}
            y={{ domain: [0, 1], label: "precision", format: formatValue }}
          />
        </>
      )}
    </Figure>
  );
});
