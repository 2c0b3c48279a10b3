/**
 * The loss against p_t (the paper's Figure 1 for CE and the current γ) with the reader's own
 * examples as a density rug under it: where on the curve their positives and negatives sit.
 */
import { memo, useMemo } from "react";
import { crossEntropyCurve, focalLossCurve } from "../../math/curves";
import { crossEntropy, focalLoss } from "../../math/focal";
import { formatParam, formatValue } from "../../math/format";
import { DensityRug } from "../charts/DensityRug";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { COLORS } from "../charts/palette";
import { Figure } from "../Figure";
import { yoursLossCaption, yoursLossTable } from "./yoursText";

export interface PtDensity {
  positives: ArrayLike<number>;
  negatives: ArrayLike<number>;
}

export const YoursLossFigure = memo(function YoursLossFigure({
  gamma,
  density,
  number,
}: {
  gamma: number;
  density: PtDensity;
  number: number;
}) {
  const series: Series[] = useMemo(
    () => [
      {
        id: "ce",
        label: "CE",
        points: crossEntropyCurve(),
        color: COLORS.ce,
        dash: "6 4",
        evaluate: crossEntropy,
      },
      {
        id: "fl",
        label: `FL, γ = ${formatParam(gamma)}`,
        points: focalLossCurve(gamma),
        color: COLORS.fl,
        evaluate: (pt: number) => focalLoss(pt, gamma),
      },
    ],
    [gamma],
  );
  const c = yoursLossCaption(density, gamma);
  return (
    <Figure
      id="yours-loss"
      number={number}
      title="The loss against p_t, with your examples underneath"
      caption={
        <>
          Each strip shows where your examples sit along p<sub>t</sub>, the probability your model
          gives the true class (darker: more examples, on a square-root scale). {c.negativesAbove}{" "}
          of your negatives and {c.positivesAbove} of your positives have p<sub>t</sub> &gt; 0.9
          {c.atLeast === null
            ? ", where FL with γ = 0 is CE itself."
            : `, where FL with γ = ${c.gamma} is at least ${c.atLeast} smaller than CE.`}
        </>
      }
      data={{ x: "p_t", curves: series }}
      table={() => yoursLossTable(density)}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={220}
            series={series}
            xName="pₜ"
            title={`Cross-entropy and focal loss with γ = ${formatParam(gamma)} against pₜ`}
            x={{ domain: [0, 1], label: "p_t, probability of the true class", format: formatValue }}
            y={{ domain: [0, 5], label: "loss", format: formatValue }}
          />
          <DensityRug
            width={width}
            title="Where your positives and negatives sit along p_t"
            rows={[
              { id: "neg", label: "negatives", color: COLORS.negative, shares: density.negatives },
              { id: "pos", label: "positives", color: COLORS.positive, shares: density.positives },
            ]}
          />
        </>
      )}
    </Figure>
  );
});
