import { memo, useMemo } from "react";
import { seriesPoints } from "../../experiment/history";
import { RUN_IDS, type RunId } from "../../experiment/protocol";
import { formatCount, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { Figure } from "../Figure";
import { type LossTraces, lossHistoryCaption, lossHistoryTable, stepsOf } from "./lossHistoryText";
import { RUN_COLORS, RUN_MARKERS } from "./runColors";

/**
 * Training loss of both runs over steps, with its positive and negative parts. Memoized: it
 * re-renders when its data changes, not on unrelated page state.
 */
export const LossHistoryFigure = memo(function LossHistoryFigure({
  runs,
  ohemRuns = [],
}: {
  runs: LossTraces;
  /** Runs training with OHEM, whose loss is averaged over the kept locations, not the positives. */
  ohemRuns?: readonly RunId[];
}) {
  const series = useMemo<Series[]>(
    () =>
      RUN_IDS.flatMap((id) => {
        const run = runs[id];
        const name = id.toUpperCase();
        return [
          {
            id: `${id}-loss`,
            label: `${name} loss`,
            points: seriesPoints(run.loss),
            color: RUN_COLORS[id],
            marker: RUN_MARKERS[id],
          },
          {
            id: `${id}-pos`,
            label: `${name} positives`,
            points: seriesPoints(run.lossPositive),
            color: RUN_COLORS[id],
            marker: RUN_MARKERS[id],
            dash: "6 3",
          },
          {
            id: `${id}-neg`,
            label: `${name} negatives`,
            points: seriesPoints(run.lossNegative),
            color: RUN_COLORS[id],
            marker: RUN_MARKERS[id],
            dash: "1 3",
          },
        ];
      }),
    [runs],
  );
  const steps = stepsOf(runs);
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter((y) => y > 0);
  const lo = ys.length ? Math.max(1e-4, Math.min(...ys)) : 1e-2;
  const hi = ys.length ? Math.max(...ys) : 10;
  const c = lossHistoryCaption(runs);
  return (
    <Figure
      id="train-loss"
      caption={
        c === null ? (
          "No steps yet: press Play or Step."
        ) : (
          <>
            After {c.steps} steps: A's loss is {c.a.loss} ({c.a.positives} from positives,{" "}
            {c.a.negatives} from negatives); B's is {c.b.loss} ({c.b.positives} and {c.b.negatives}
            ). The two losses are on different scales: compare each run's parts, not A with B.
            {ohemRuns.map((id) => (
              <span key={id}>
                {" "}
                Run {id.toUpperCase()} (OHEM) averages its CE over the locations it keeps, not over
                the positives.
              </span>
            ))}
          </>
        )
      }
      table={() => lossHistoryTable(runs)}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={260}
            series={series}
            xName="step"
            title="Training loss of runs A and B over steps, log axis"
            x={{ domain: [0, Math.max(10, steps)], label: "step", format: (v) => formatCount(v) }}
            y={{ domain: [lo, hi * 1.2], type: "log", label: "loss", format: formatValue }}
          />
        </>
      )}
    </Figure>
  );
});
