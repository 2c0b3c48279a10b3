import { useMemo } from "react";
import { gradientCurve, LOGIT_RANGE } from "../../math/curves";
import { sigmoidFocalLossGrad } from "../../math/focal";
import { formatParam, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { useExplainer } from "../explainerContext";
import { Figure } from "../Figure";
import { classSeries } from "./classSeries";
import { gradientCaption, gradientTable } from "./gradientText";

/** Figure 4: dL/dx against the logit for α-CE and α-FL, positives and negatives. */
export function GradientFigure() {
  const { state, highlight } = useExplainer();
  const { gamma, alpha } = state;
  const series = useMemo<Series[]>(
    () =>
      classSeries(
        gamma,
        highlight,
        (y, g) => gradientCurve(y, g, alpha),
        (y, g, x) => sigmoidFocalLossGrad(x, y, { gamma: g, alpha }),
      ),
    [gamma, alpha, highlight],
  );
  const c = gradientCaption(gamma, alpha);
  return (
    <Figure
      id="gradient"
      caption={
        <>
          Gradient of the loss with respect to the logit x (α = {c.alpha}, γ = {c.gamma}). A
          negative the model already rejects (x = {c.x}, p<sub>t</sub> = {c.pt}) pushes back with{" "}
          {c.negative.ce} under α-CE but {c.negative.fl} under α-FL:{" "}
          <strong>{c.negative.weaker} weaker</strong>. A missed positive at the same logit still
          pulls with {c.positive.fl} (α-CE: {c.positive.ce}).
        </>
      }
      data={{ x: "x", curves: series }}
      table={() => gradientTable(gamma, alpha)}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={Math.min(340, Math.max(230, width * 0.5))}
            series={series}
            xName="x"
            title={`Gradient with respect to the logit, alpha ${formatParam(alpha)}, gamma ${formatParam(gamma)}`}
            x={{ domain: LOGIT_RANGE, label: "logit x (p = σ(x))", format: formatValue }}
            y={{ domain: [-1, 1], label: "dL/dx", format: formatValue }}
            markers={[{ x: 0, label: "p = 0.5" }]}
          />
        </>
      )}
    </Figure>
  );
}
