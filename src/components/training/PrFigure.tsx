import { memo, useMemo } from "react";
import { RUN_IDS, type RunId } from "../../experiment/protocol";
import { formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { Figure } from "../Figure";
import { type LatestEvaluations, prCaption, prTable, thinPr } from "./prText";
import { RUN_COLORS, RUN_MARKERS } from "./runColors";

/** Precision against recall for the current models. Memoized on its data. */
export const PrFigure = memo(function PrFigure({ runs }: { runs: LatestEvaluations }) {
  const curves = useMemo(
    () =>
      Object.fromEntries(
        RUN_IDS.map((id) => {
          const pr = runs[id].latest?.pr;
          return [id, pr ? thinPr(pr) : []];
        }),
      ) as Record<RunId, { x: number; y: number }[]>,
    [runs],
  );
  const series: Series[] = RUN_IDS.map((id) => ({
    id,
    label: `${id.toUpperCase()} (step ${runs[id].latest?.step ?? 0})`,
    points: curves[id],
    color: RUN_COLORS[id],
    marker: RUN_MARKERS[id],
  }));
  return (
    <Figure id="train-pr" caption={prCaption(runs)} table={() => prTable(curves)}>
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
