import { useMemo } from "react";
import { alphaBalancedCurve } from "../../math/curves";
import { alphaT, focalLoss } from "../../math/focal";
import { formatParam, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { useExplainer } from "../explainerContext";
import { Figure } from "../Figure";
import { classSeries } from "./classSeries";

const TABLE_PS = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

/** The α-balanced loss of a positive (p_t = p) and of a negative (p_t = 1 − p). */
function alphaLoss(y: 0 | 1, p: number, gamma: number, alpha: number): number {
  return alphaT(y, alpha) * focalLoss(y === 1 ? p : 1 - p, gamma);
}

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
  return (
    <Figure
      id="alpha-balanced"
      number={2}
      title="α-balancing: positives and negatives weighted apart"
      caption={
        <>
          With α = {formatParam(alpha)}, every positive's loss is multiplied by {formatParam(alpha)}{" "}
          and every negative's by {formatParam(1 - alpha)}. At p = 0.5 a positive costs{" "}
          {formatValue(alphaLoss(1, 0.5, 0, alpha))} under α-CE and{" "}
          {formatValue(alphaLoss(1, 0.5, gamma, alpha))} under α-FL (γ = {formatParam(gamma)}); a
          negative costs {formatValue(alphaLoss(0, 0.5, 0, alpha))} and{" "}
          {formatValue(alphaLoss(0, 0.5, gamma, alpha))}. α rescales whole curves; only γ changes
          their shape.
        </>
      }
      data={{ x: "p", curves: series }}
      table={{
        columns: ["p", "positive α-CE", "positive α-FL", "negative α-CE", "negative α-FL"],
        rows: TABLE_PS.map((p) => [
          String(p),
          formatValue(alphaLoss(1, p, 0, alpha)),
          formatValue(alphaLoss(1, p, gamma, alpha)),
          formatValue(alphaLoss(0, p, 0, alpha)),
          formatValue(alphaLoss(0, p, gamma, alpha)),
        ]),
      }}
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
