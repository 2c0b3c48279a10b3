import { useMemo } from "react";
import { gradientCurve, LOGIT_RANGE } from "../../math/curves";
import { sigmoidFocalLossGrad } from "../../math/focal";
import { formatParam, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { useExplainer } from "../explainerContext";
import { Figure } from "../Figure";
import { classSeries } from "./classSeries";
import { gradientCaption, gradientDomain, gradientTable } from "./gradientText";

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
          Gradient of the loss with respect to the logit x (α = {c.alpha}, γ = {c.gamma}).{" "}
          {c.same ? (
            "At γ = 0 α-FL is α-CE: the curves coincide."
          ) : (
            <>
              {c.negative.unweighted ? (
                <>
                  With α = 1 negatives get no weight, so neither loss pushes a negative back;
                  without α, focal loss would push one the model already rejects (x = {c.x}, p
                  <sub>t</sub> = {c.negative.pt}) back {c.negative.weaker} more weakly.
                </>
              ) : (
                <>
                  A negative the model already rejects (x = {c.x}, p<sub>t</sub> = {c.negative.pt})
                  pushes back with {c.negative.ce} under α-CE but {c.negative.fl} under α-FL:{" "}
                  <strong>{c.negative.weaker} weaker</strong>.
                </>
              )}{" "}
              {c.positive.unweighted ? (
                "With α = 0 positives get no weight, so neither loss pulls a missed positive."
              ) : (
                <>
                  A missed positive at the same logit (p<sub>t</sub> = {c.positive.pt}) pulls with{" "}
                  {c.positive.fl}, {c.positive.compared} under α-CE ({c.positive.ce}).
                </>
              )}{" "}
              {c.boost && (
                <>
                  For every γ &gt; 0 a clearly missed example is pushed harder than under CE: here
                  by up to {c.boost.peak}, below p<sub>t</sub> ≈ {c.boost.below}.
                </>
              )}
            </>
          )}
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
            title={`Gradient with respect to the logit, α = ${formatParam(alpha)}, γ = ${formatParam(gamma)}`}
            x={{ domain: LOGIT_RANGE, label: "logit x (p = σ(x))", format: formatValue }}
            y={{
              domain: gradientDomain(series.map((s) => s.points)),
              label: "dL/dx",
              format: formatValue,
            }}
            markers={[{ x: 0, label: "p = 0.5" }]}
          />
        </>
      )}
    </Figure>
  );
}
