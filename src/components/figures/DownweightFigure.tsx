import { useMemo } from "react";
import { downweightCurve, downweightRatio, modulatingFactorCurve } from "../../math/curves";
import { modulatingFactor } from "../../math/focal";
import { formatParam, formatTimes, formatValue } from "../../math/format";
import { LineChart, type Series } from "../charts/LineChart";
import { COLORS } from "../charts/palette";
import { emphasisFor, useExplainer } from "../explainerContext";
import { Figure } from "../Figure";
import {
  downweightCaption,
  downweightTable,
  READOUT_PTS,
  ratioDomain,
  timesLess,
} from "./downweightText";

/** Figure 3: the modulating factor (1 − p_t)^γ and how many times less each example counts. */
export function DownweightFigure() {
  const { state, highlight } = useExplainer();
  const { gamma } = state;
  const factor = useMemo<Series[]>(
    () => [
      {
        id: "mod",
        label: `(1 − pₜ)^γ, γ = ${formatParam(gamma)}`,
        points: modulatingFactorCurve(gamma),
        color: COLORS.modulating,
        evaluate: (pt) => modulatingFactor(pt, gamma),
        emphasis: emphasisFor(highlight, ["mod", "gamma", "pt"]),
      },
    ],
    [gamma, highlight],
  );
  const ratio = useMemo<Series[]>(
    () => [
      {
        id: "ratio",
        label: "CE / FL",
        points: downweightCurve(gamma),
        color: COLORS.fl,
        evaluate: (pt) => downweightRatio(pt, gamma),
        emphasis: emphasisFor(highlight, ["mod", "gamma", "pt"]),
      },
    ],
    [gamma, highlight],
  );
  const c = downweightCaption(gamma);
  const k = c.thousandFold;
  return (
    <Figure
      id="down-weighting"
      caption={
        <>
          {c.same || k === null ? (
            "At γ = 0 nothing is down-weighted: focal loss is cross-entropy."
          ) : (
            <>
              With γ = {c.gamma}, an example at p<sub>t</sub> = 0.9 counts <strong>{c.at09}</strong>{" "}
              than under CE, and one at p<sub>t</sub> = 0.5 counts {c.at05}. An example counts at
              least 1,000× less once 1 − p<sub>t</sub> ≤ {k.miss}
              {k.pt === null ? "" : ` (p`}
              {k.pt === null ? null : <sub>t</sub>}
              {k.pt === null ? "" : ` ≥ ${k.pt})`}.
            </>
          )}
        </>
      }
      data={{ x: "p_t", curves: [...factor, ...ratio] }}
      table={() => downweightTable(gamma)}
    >
      {(width) => {
        const wide = width >= 640;
        const w = wide ? Math.floor((width - 16) / 2) : width;
        const h = Math.min(300, Math.max(220, w * 0.7));
        const x = {
          domain: [0, 1] as const,
          label: "pₜ",
          format: formatValue,
          highlighted: highlight === "pt",
        };
        return (
          <>
            <dl
              className="mb-3 grid grid-cols-3 gap-2 text-center"
              data-testid="downweight-readouts"
            >
              {READOUT_PTS.map((pt) => (
                <div key={pt} className="rounded-lg bg-[var(--bg)] px-2 py-2">
                  <dt className="text-xs text-[var(--muted)]">
                    at p<sub>t</sub> = {pt}
                  </dt>
                  <dd className="text-lg font-semibold tabular-nums text-[var(--c-fl)]">
                    {timesLess(pt, gamma)}
                  </dd>
                </div>
              ))}
            </dl>
            <div className={`flex gap-4 ${wide ? "flex-row" : "flex-col"}`}>
              <LineChart
                width={w}
                height={h}
                series={factor}
                xName="pₜ"
                title={`Modulating factor (1 − pₜ)^γ with γ = ${formatParam(gamma)}`}
                x={x}
                y={{
                  domain: [0, 1],
                  label: "modulating factor (1 − pₜ)^γ",
                  format: formatValue,
                  highlighted: highlight === "mod",
                }}
              />
              <LineChart
                width={w}
                height={h}
                series={ratio}
                xName="pₜ"
                title={`CE over FL ratio on a log axis, γ = ${formatParam(gamma)}`}
                x={x}
                y={{
                  domain: ratioDomain(gamma),
                  type: "log",
                  label: "times less than CE",
                  format: (v) => formatTimes(v),
                }}
              />
            </div>
          </>
        );
      }}
    </Figure>
  );
}
