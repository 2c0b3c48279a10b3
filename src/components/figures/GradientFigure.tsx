import { useMemo } from "react";
import { gradientCurve, LOGIT_RANGE } from "../../math/curves";
import { probabilityOfTruth, sigmoidFocalLossGrad } from "../../math/focal";
import { formatParam, formatTimes, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { useExplainer } from "../explainerContext";
import { Figure } from "../Figure";
import { classSeries } from "./classSeries";

const TABLE_XS = [-6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6];
/** A negative the model already rejects: logit −3, p_t ≈ 0.95. */
const EASY_NEGATIVE_X = -3;

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
  const gCe = sigmoidFocalLossGrad(EASY_NEGATIVE_X, 0, { gamma: 0, alpha });
  const gFl = sigmoidFocalLossGrad(EASY_NEGATIVE_X, 0, { gamma, alpha });
  // How much weaker: α_t multiplies both and cancels (it is 0 for negatives at α = 1).
  const weaker =
    sigmoidFocalLossGrad(EASY_NEGATIVE_X, 0, { gamma: 0, alpha: null }) /
    sigmoidFocalLossGrad(EASY_NEGATIVE_X, 0, { gamma, alpha: null });
  const hardPos = (g: number) => sigmoidFocalLossGrad(EASY_NEGATIVE_X, 1, { gamma: g, alpha });
  return (
    <Figure
      id="gradient"
      number={4}
      title="The gradient each example sends back"
      caption={
        <>
          Gradient of the loss with respect to the logit x (α = {formatParam(alpha)}, γ ={" "}
          {formatParam(gamma)}). A negative the model already rejects (x = {EASY_NEGATIVE_X}, p
          <sub>t</sub> = {formatValue(probabilityOfTruth(EASY_NEGATIVE_X, 0))}) pushes back with{" "}
          {formatValue(gCe)} under α-CE but {formatValue(gFl)} under α-FL:{" "}
          <strong>{formatTimes(weaker)} weaker</strong>. A missed positive at the same logit still
          pulls with {formatValue(hardPos(gamma))} (α-CE: {formatValue(hardPos(0))}).
        </>
      }
      data={{ x: "x", curves: series }}
      table={{
        columns: ["logit x", "positive α-CE", "positive α-FL", "negative α-CE", "negative α-FL"],
        rows: TABLE_XS.map((x) => [
          String(x),
          formatValue(sigmoidFocalLossGrad(x, 1, { gamma: 0, alpha })),
          formatValue(sigmoidFocalLossGrad(x, 1, { gamma, alpha })),
          formatValue(sigmoidFocalLossGrad(x, 0, { gamma: 0, alpha })),
          formatValue(sigmoidFocalLossGrad(x, 0, { gamma, alpha })),
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
