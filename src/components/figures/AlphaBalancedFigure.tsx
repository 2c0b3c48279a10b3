import { useMemo } from "react";
import { alphaBalancedCurve } from "../../math/curves";
import { formatParam, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { useExplainer } from "../explainerContext";
import { Figure } from "../Figure";
import { alphaBalancedCaption, alphaBalancedTable, alphaLoss } from "./alphaBalancedText";
import { classSeries } from "./classSeries";

/** Figure 2: α-CE and α-FL against p, for positives and negatives separately. */
export function AlphaBalancedFigure() {
  const { state, highlight } = useExplainer();
  const { gamma, alpha } = state;
  const series = useMemo<Series[]>(
    () =>
      classSeries(
        gamma,
        highlight,
        (y, g) => alphaBalancedCurve(y, g, alpha),
        (y, g, p) => alphaLoss(y, p, g, alpha),
      ),
    [gamma, alpha, highlight],
  );
  const c = alphaBalancedCaption(gamma, alpha);
  return (
    <Figure
      id="alpha-balanced"
      caption={
        <>
          With α = {c.alpha}, every positive's loss is multiplied by {c.alpha} and every negative's
          by {c.oneMinusAlpha}. At p = 0.5 a positive costs {c.positive.ce} under α-CE and{" "}
          {c.positive.fl} under α-FL (γ = {c.gamma}); a negative costs {c.negative.ce} and{" "}
          {c.negative.fl}. α rescales whole curves; only γ changes their shape.
        </>
      }
      data={{ x: "p", curves: series }}
      table={() => alphaBalancedTable(gamma, alpha)}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={Math.min(340, Math.max(230, width * 0.5))}
            series={series}
            title={`Alpha-balanced losses against p with alpha ${formatParam(alpha)} and gamma ${formatParam(gamma)}`}
            xName="p"
            x={{
              domain: [0, 1],
              label: "predicted foreground probability, p",
              format: formatValue,
            }}
            y={{
              domain: [0, 3],
              label: "weighted loss",
              format: formatValue,
              highlighted: highlight === "alpha",
            }}
          />
        </>
      )}
    </Figure>
  );
}
