import { useMemo } from "react";
import {
  downweightCurve,
  downweightRatio,
  missAtDownweight,
  modulatingFactorCurve,
} from "../../math/curves";
import { modulatingFactor } from "../../math/focal";
import { formatParam, formatTimes, formatValue } from "../../math/format";
import { LineChart, type Series } from "../charts/LineChart";
import { COLORS } from "../charts/palette";
import { emphasisFor, useExplainer } from "../explainerContext";
import { Figure } from "../Figure";

const READOUT_PTS = [0.5, 0.9, 0.99] as const;
const TABLE_PTS = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999];

/** The p_t from which an example counts `times`× less, or null when it never does (γ = 0). */
function missFrom(times: number, gamma: number): number | null {
  return gamma > 0 ? missAtDownweight(times, gamma) : null;
}

/** Figure 3: the modulating factor (1 − p_t)^γ and how many times less each example counts. */
export function DownweightFigure() {
  const { state, highlight } = useExplainer();
  const { gamma } = state;
  const factor = useMemo<Series[]>(
    () => [
      {
        id: "mod",
        label: `(1 − p_t)^${formatParam(gamma)}`,
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
  const miss1000 = missFrom(1000, gamma);
  return (
    <Figure
      id="down-weighting"
      number={3}
      title="How much less each example counts"
      caption={
        <>
          With γ = {formatParam(gamma)}, an example at p<sub>t</sub> = 0.9 counts{" "}
          <strong>{formatTimes(downweightRatio(0.9, gamma))} less</strong> than under CE, and one at
          p<sub>t</sub> = 0.5 counts {formatTimes(downweightRatio(0.5, gamma))} less.{" "}
          {miss1000 === null
            ? "With γ = 0 nothing is down-weighted: focal loss is cross-entropy."
            : `An example counts at least 1000× less once 1 − p_t ≤ ${formatValue(miss1000)}${miss1000 >= 1e-3 ? ` (p_t ≥ ${formatValue(1 - miss1000)})` : ""}.`}
        </>
      }
      data={{ x: "p_t", curves: [...factor, ...ratio] }}
      table={{
        columns: ["p_t", "(1 − p_t)^γ", "CE / FL"],
        rows: TABLE_PTS.map((pt) => [
          String(pt),
          formatValue(modulatingFactor(pt, gamma)),
          formatTimes(downweightRatio(pt, gamma)),
        ]),
      }}
    >
      {(width) => {
        const wide = width >= 640;
        const w = wide ? Math.floor((width - 16) / 2) : width;
        const h = Math.min(300, Math.max(220, w * 0.7));
        const x = {
          domain: [0, 1] as const,
          label: "p_t",
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
                    {formatTimes(downweightRatio(pt, gamma))} less
                  </dd>
                </div>
              ))}
            </dl>
            <div className={`flex gap-4 ${wide ? "flex-row" : "flex-col"}`}>
              <LineChart
                width={w}
                height={h}
                series={factor}
                xName="p_t"
                title={`Modulating factor (1 - p_t) to the power ${formatParam(gamma)}`}
                x={x}
                y={{
                  domain: [0, 1],
                  label: "modulating factor (1 − p_t)^γ",
                  format: formatValue,
                  highlighted: highlight === "mod",
                }}
              />
              <LineChart
                width={w}
                height={h}
                series={ratio}
                xName="p_t"
                title={`CE over FL ratio on a log axis, gamma ${formatParam(gamma)}`}
                x={x}
                y={{
                  domain: [1, 1e6],
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
