import { useMemo } from "react";
import { crossEntropyCurve, FIGURE1_GAMMAS, focalLossCurve } from "../../math/curves";
import { crossEntropy, focalLoss } from "../../math/focal";
import { formatParam, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { COLORS, FAMILY_COLORS, FAMILY_MARKERS } from "../charts/palette";
import { Toggle } from "../controls/Toggle";
import { emphasisFor, useExplainer } from "../explainerContext";
import { Figure } from "../Figure";
import { lossVsPtCaption, lossVsPtTable } from "./lossVsPtText";

const LINEAR_Y = [0, 5] as const;
const LOG_Y = [1e-6, 10] as const;

/** Figure 1: CE and FL against p_t, optionally with the paper's γ family. */
export function LossVsPtFigure() {
  const { state, update, highlight } = useExplainer();
  const { gamma, family, logy } = state;
  const series = useMemo<Series[]>(() => {
    const ce: Series = {
      id: "ce",
      label: "CE",
      points: crossEntropyCurve(),
      color: COLORS.ce,
      // Dotted: told apart from FL (solid) and the family (dashed, with markers) without colour.
      dash: "2 3",
      evaluate: crossEntropy,
      emphasis: emphasisFor(highlight, ["ce", "pt"]),
    };
    const fl: Series = {
      id: "fl",
      label: `FL γ = ${formatParam(gamma)}`,
      points: focalLossCurve(gamma),
      color: COLORS.fl,
      evaluate: (pt) => focalLoss(pt, gamma),
      emphasis: emphasisFor(highlight, ["mod", "gamma", "pt"]),
    };
    if (!family) return [ce, fl];
    // The family member equal to the current γ would hide under the FL curve: leave it out.
    const others = FIGURE1_GAMMAS.filter((g) => g > 0 && g !== gamma).map((g) => ({
      id: `family-${g}`,
      label: `γ = ${g}`,
      points: focalLossCurve(g),
      color: FAMILY_COLORS[FIGURE1_GAMMAS.indexOf(g)] ?? COLORS.fl,
      dash: "5 4",
      marker: FAMILY_MARKERS[FIGURE1_GAMMAS.indexOf(g)] ?? "circle",
      evaluate: (pt: number) => focalLoss(pt, g),
      emphasis: emphasisFor(highlight, ["gamma"]),
    }));
    return [ce, ...others, fl];
  }, [gamma, family, highlight]);

  const c = lossVsPtCaption(gamma);
  return (
    <Figure
      id="loss-vs-pt"
      controls={
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <Toggle
            label="Curves"
            value={family ? "family" : "current"}
            options={[
              { value: "current", label: "CE vs FL" },
              { value: "family", label: "Paper's γ family" },
            ]}
            onChange={(v) => update({ family: v === "family" })}
          />
          <Toggle
            label="Loss axis"
            value={logy ? "log" : "linear"}
            options={[
              { value: "linear", label: "Linear" },
              { value: "log", label: "Log" },
            ]}
            onChange={(v) => update({ logy: v === "log" })}
          />
        </div>
      }
      caption={
        <>
          {c.same ? (
            <>
              At γ = 0 focal loss is cross-entropy: the two curves coincide (a well-classified
              example at p<sub>t</sub> = 0.9 costs {c.easy.ce} under both).
            </>
          ) : (
            <>
              Cross-entropy (CE) and focal loss (FL, γ = {c.gamma}) against p<sub>t</sub>. A
              well-classified example at p<sub>t</sub> = 0.9 costs {c.easy.ce} under CE and{" "}
              {c.easy.fl} under FL: <strong>{c.easy.times} less</strong>. A hard one at p
              <sub>t</sub> = 0.1 costs {c.hard.ce} and {c.hard.fl} ({c.hard.times} less). No
              misclassified example (p<sub>t</sub> ≤ 0.5) loses more than 2<sup>γ</sup> ={" "}
              {c.misclassifiedAtMost} of its loss.
            </>
          )}
        </>
      }
      data={{ x: "p_t", curves: series }}
      table={() => lossVsPtTable(gamma)}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={Math.min(360, Math.max(240, width * 0.55))}
            series={series}
            title={`Loss against pₜ: CE and FL with γ = ${formatParam(gamma)}${logy ? ", log axis" : ""}`}
            xName="pₜ"
            x={{
              domain: [0, 1],
              label: "probability of the true class, pₜ",
              format: (v) => formatValue(v),
              highlighted: highlight === "pt",
            }}
            y={{
              domain: logy ? LOG_Y : LINEAR_Y,
              type: logy ? "log" : "linear",
              label: "loss",
              format: logy
                ? (v) => `1e${Math.round(Math.log10(v))}`.replace("-", "−")
                : (v) => formatValue(v),
            }}
            markers={[{ x: 0.5, label: "well-classified →" }]}
          />
        </>
      )}
    </Figure>
  );
}
