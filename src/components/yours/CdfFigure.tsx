/** The paper's Figure 4 from the reader's examples: cumulative normalized loss, any γ. */
import { memo } from "react";
import type { LossCdf } from "../../math/figure4";
import { formatParam, formatShare, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { COLORS } from "../charts/palette";
import { Figure } from "../Figure";

const seriesOf = (id: string, label: string, cdf: LossCdf, color: string): Series => ({
  id,
  label,
  color,
  points: Array.from(cdf.fraction, (x, i) => ({ x, y: cdf.cumulativeLoss[i] ?? 0 })),
});

/** Share of the class's loss carried by its hardest 20% of examples. */
const top20 = (cdf: LossCdf) => {
  const v = cdf.cumulativeLoss[Math.round(0.8 * (cdf.cumulativeLoss.length - 1))];
  return v === undefined || !Number.isFinite(v) ? "–" : formatShare(1 - v);
};

export const YoursCdfFigure = memo(function YoursCdfFigure({
  cdfs,
  gamma,
  number,
}: {
  cdfs: { positives: LossCdf; negatives: LossCdf };
  gamma: number;
  number: number;
}) {
  const series = [
    seriesOf("pos", "positives", cdfs.positives, COLORS.positive),
    seriesOf("neg", "negatives", cdfs.negatives, COLORS.negative),
  ];
  return (
    <Figure
      id="yours-figure4"
      number={number}
      title="The paper's Figure 4, from your examples"
      caption={
        <>
          With γ = {formatParam(gamma)}, the hardest 20% of your negatives carry{" "}
          {top20(cdfs.negatives)} of the negatives' loss, the hardest 20% of your positives{" "}
          {top20(cdfs.positives)} of theirs. Each class's losses are sorted from lowest to highest
          and normalized to sum to one.
        </>
      }
      table={{
        columns: [
          "fraction of examples",
          "cumulative loss, positives",
          "cumulative loss, negatives",
        ],
        rows: [0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.99, 1].map((f) => {
          const i = Math.round(f * (cdfs.positives.fraction.length - 1));
          return [
            String(f),
            formatValue(cdfs.positives.cumulativeLoss[i] ?? Number.NaN),
            formatValue(cdfs.negatives.cumulativeLoss[i] ?? Number.NaN),
          ];
        }),
      }}
      data={{ x: "fraction", curves: series }}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={240}
            series={series}
            xName="fraction"
            title={`Cumulative normalized loss of your positives and negatives, gamma ${formatParam(gamma)}`}
            x={{
              domain: [0, 1],
              label: "fraction of examples (sorted by loss)",
              format: formatValue,
            }}
            y={{ domain: [0, 1], label: "cumulative normalized loss", format: formatValue }}
          />
        </>
      )}
    </Figure>
  );
});
