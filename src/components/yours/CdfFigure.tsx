/** The paper's Figure 4 from the reader's examples: cumulative normalized loss, any γ. */
import { memo } from "react";
import type { LossCdf } from "../../math/figure4";
import { formatParam, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import type { MarkerShape } from "../charts/markers";
import { COLORS, MARKERS } from "../charts/palette";
import { Figure } from "../Figure";
import { hardestFifthShare, yoursCdfTable } from "./yoursText";

const seriesOf = (
  id: string,
  label: string,
  cdf: LossCdf,
  color: string,
  marker: MarkerShape,
): Series => ({
  id,
  label,
  color,
  marker,
  points: Array.from(cdf.fraction, (x, i) => ({ x, y: cdf.cumulativeLoss[i] ?? 0 })),
});

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
    seriesOf("pos", "positives", cdfs.positives, COLORS.positive, MARKERS.positive),
    seriesOf("neg", "negatives", cdfs.negatives, COLORS.negative, MARKERS.negative),
  ];
  return (
    <Figure
      id="yours-figure4"
      number={number}
      title="Cumulative loss of your examples, as in the paper's Figure 4"
      caption={
        <>
          With γ = {formatParam(gamma)}, the hardest 20% of your negatives carry{" "}
          {hardestFifthShare(cdfs.negatives)} of the negatives' loss, the hardest 20% of your
          positives {hardestFifthShare(cdfs.positives)} of theirs. Each class's losses are sorted
          from lowest to highest and normalized to sum to one.
        </>
      }
      table={() => yoursCdfTable(cdfs)}
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
            title={`Cumulative normalized loss of your positives and negatives, γ = ${formatParam(gamma)}`}
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
