import { memo, useMemo, useState } from "react";
import type { SessionView } from "../../experiment/history";
import type { RunId } from "../../experiment/protocol";
import { normalizedLossCdf } from "../../math/figure4";
import { formatCount, formatParam, formatShare, formatValue } from "../../math/format";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { COLORS } from "../charts/palette";
import { ParamSlider } from "../controls/ParamSlider";
import { Toggle } from "../controls/Toggle";
import { Figure } from "../Figure";

interface Figure4Props {
  view: SessionView;
  number: number;
  gamma: number;
  onGamma: (gamma: number) => void;
}

/** The paper's Figure 4 from the live model: cumulative normalized loss, any γ, no retraining. */
/** Memoized: re-renders when its run data or props change, not on unrelated page state. */
export const Figure4Figure = memo(function Figure4Figure({
  view,
  number,
  gamma,
  onGamma,
}: Figure4Props) {
  const [run, setRun] = useState<RunId>("b");
  const evaluation = view.runs[run].latest;
  const ranked = view.runs[run].ranked;
  const cdfs = useMemo(() => {
    if (!ranked) return null;
    // Ranked by loss in the worker, so the CDF's own sort meets sorted input (linear time).
    return {
      pos: normalizedLossCdf(
        ranked.positives,
        new Uint8Array(ranked.positives.length).fill(1),
        1,
        gamma,
      ),
      neg: normalizedLossCdf(ranked.negatives, new Uint8Array(ranked.negatives.length), 0, gamma),
    };
  }, [ranked, gamma]);
  const series: Series[] = cdfs
    ? [
        {
          id: "pos",
          label: "positives",
          points: Array.from(cdfs.pos.fraction, (x, i) => ({
            x,
            y: cdfs.pos.cumulativeLoss[i] ?? 0,
          })),
          color: COLORS.positive,
        },
        {
          id: "neg",
          label: "negatives",
          points: Array.from(cdfs.neg.fraction, (x, i) => ({
            x,
            y: cdfs.neg.cumulativeLoss[i] ?? 0,
          })),
          color: COLORS.negative,
        },
      ]
    : [];
  const at = (cdf: { cumulativeLoss: Float64Array } | undefined, fraction: number) => {
    const v = cdf?.cumulativeLoss[Math.round(fraction * ((cdf?.cumulativeLoss.length ?? 1) - 1))];
    return v === undefined || !Number.isFinite(v) ? "–" : formatShare(1 - v);
  };
  return (
    <Figure
      id="train-figure4"
      number={number}
      title="The paper's Figure 4, from the live model"
      controls={
        <>
          <ParamSlider
            label="γ"
            name="Figure 4 gamma"
            value={gamma}
            min={0}
            max={5}
            step={0.1}
            format={formatParam}
            onChange={(v) => onGamma(Math.round(v * 100) / 100)}
          />
          <Toggle
            label="Model"
            value={run}
            options={[
              { value: "a", label: "Run A" },
              { value: "b", label: "Run B" },
            ]}
            onChange={setRun}
          />
        </>
      }
      caption={
        evaluation ? (
          <>
            Run {run.toUpperCase()} at step {evaluation.step}, losses recomputed with γ ={" "}
            {formatParam(gamma)}: the hardest 20% of the negatives carry {at(cdfs?.neg, 0.8)} of the
            negatives' loss, the hardest 20% of the positives {at(cdfs?.pos, 0.8)} of theirs. As γ
            grows, the negatives' curve hugs the bottom until the very end: nearly all their loss
            sits in a few hard examples.
            {ranked && ranked.negatives.length < evaluation.measured.negatives && (
              <>
                {" "}
                (Negatives: {formatCount(ranked.negatives.length)} of{" "}
                {formatCount(evaluation.measured.negatives)}, evenly spaced by loss rank.)
              </>
            )}
          </>
        ) : (
          "Waiting for the first evaluation…"
        )
      }
      table={{
        columns: [
          "fraction of samples",
          "cumulative loss, positives",
          "cumulative loss, negatives",
        ],
        rows: cdfs
          ? [0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.99, 1].map((f) => {
              const i = Math.round(f * (cdfs.pos.fraction.length - 1));
              return [
                String(f),
                formatValue(cdfs.pos.cumulativeLoss[i] ?? Number.NaN),
                formatValue(cdfs.neg.cumulativeLoss[i] ?? Number.NaN),
              ];
            })
          : [],
      }}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={240}
            series={series}
            xName="fraction"
            title={`Cumulative normalized loss of positives and negatives, gamma ${formatParam(gamma)}`}
            x={{
              domain: [0, 1],
              label: "fraction of samples (sorted by loss)",
              format: formatValue,
            }}
            y={{ domain: [0, 1], label: "cumulative normalized loss", format: formatValue }}
          />
        </>
      )}
    </Figure>
  );
});
