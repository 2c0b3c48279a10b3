import { memo, useMemo } from "react";
import { type SessionView, seriesPoints } from "../../experiment/history";
import { RUN_IDS } from "../../experiment/protocol";
import { formatCount, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { Figure } from "../Figure";
import { RUN_COLORS } from "./runColors";

/** Training loss of both runs over steps, with its positive and negative parts. */
/** Memoized: re-renders when its run data or props change, not on unrelated page state. */
export const LossHistoryFigure = memo(function LossHistoryFigure({
  view,
  number,
}: {
  view: SessionView;
  number: number;
}) {
  const series = useMemo<Series[]>(
    () =>
      RUN_IDS.flatMap((id) => {
        const run = view.runs[id];
        const name = id.toUpperCase();
        return [
          {
            id: `${id}-loss`,
            label: `${name} loss`,
            points: seriesPoints(run.loss),
            color: RUN_COLORS[id],
          },
          {
            id: `${id}-pos`,
            label: `${name} positives`,
            points: seriesPoints(run.lossPositive),
            color: RUN_COLORS[id],
            dash: "6 3",
          },
          {
            id: `${id}-neg`,
            label: `${name} negatives`,
            points: seriesPoints(run.lossNegative),
            color: RUN_COLORS[id],
            dash: "1 3",
          },
        ];
      }),
    [view.runs],
  );
  const steps = Math.max(view.runs.a.loss.length, view.runs.b.loss.length);
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter((y) => y > 0);
  const lo = ys.length ? Math.max(1e-4, Math.min(...ys)) : 1e-2;
  const hi = ys.length ? Math.max(...ys) : 10;
  const last = (values: number[]) =>
    values.length ? formatValue(values[values.length - 1] as number) : "–";
  return (
    <Figure
      id="train-loss"
      number={number}
      title="Training loss (normalized by the positives)"
      caption={
        steps === 0 ? (
          "No steps yet: press Play or Step."
        ) : (
          <>
            After {formatCount(steps)} steps: A's loss is {last(view.runs.a.loss)} (
            {last(view.runs.a.lossPositive)} from positives, {last(view.runs.a.lossNegative)} from
            negatives); B's is {last(view.runs.b.loss)} ({last(view.runs.b.lossPositive)} and{" "}
            {last(view.runs.b.lossNegative)}). The two losses are on different scales: compare each
            run's parts, not A with B.
          </>
        )
      }
      table={{
        columns: [
          "step",
          "A loss",
          "A positives",
          "A negatives",
          "B loss",
          "B positives",
          "B negatives",
        ],
        rows: tableSteps(steps).map((s) => [
          String(s),
          ...RUN_IDS.flatMap((id) => {
            const r = view.runs[id];
            return [r.loss, r.lossPositive, r.lossNegative].map((v) =>
              v[s - 1] === undefined ? "–" : formatValue(v[s - 1] as number),
            );
          }),
        ]),
      }}
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

/** About ten evenly spaced steps for the data table. */
export function tableSteps(steps: number): number[] {
  if (steps === 0) return [];
  const every = Math.max(1, Math.ceil(steps / 10));
  const out: number[] = [];
  for (let s = every; s <= steps; s += every) out.push(s);
  if (out[out.length - 1] !== steps) out.push(steps);
  return out;
}
