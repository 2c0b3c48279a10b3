import { useMemo, useState } from "react";
import { formatParam, formatShare, formatValue } from "../../lib/format";
import { normalizedLossCdf } from "../../math/figure4";
import type { SessionView } from "../../session/history";
import type { RunId } from "../../session/protocol";
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
export function Figure4Figure({ view, number, gamma, onGamma }: Figure4Props) {
  const [run, setRun] = useState<RunId>("b");
  const evaluation = view.runs[run].latest;
  const byClass = useMemo(
    () => (evaluation ? splitByClass(evaluation.predictions) : null),
    [evaluation],
  );
  const cdfs = useMemo(() => {
    if (!byClass) return null;
    return {
      pos: normalizedLossCdf(byClass.pos.logits, byClass.pos.labels, 1, gamma),
      neg: normalizedLossCdf(byClass.neg.logits, byClass.neg.labels, 0, gamma),
    };
  }, [byClass, gamma]);
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
}

/**
 * Each class's logits, ordered so that their losses come out ascending for every γ (a loss is
 * monotone in p_t whatever γ is): the CDF's sort then meets sorted input and runs in linear
 * time, which keeps the γ slider smooth on 100k+ held-out locations.
 */
function splitByClass(predictions: { logits: Float32Array; labels: Uint8Array }) {
  const pos: number[] = [];
  const neg: number[] = [];
  for (const [i, y] of predictions.labels.entries())
    (y === 1 ? pos : neg).push(predictions.logits[i] as number);
  pos.sort((a, b) => b - a);
  neg.sort((a, b) => a - b);
  return {
    pos: { logits: pos, labels: new Uint8Array(pos.length).fill(1) },
    neg: { logits: neg, labels: new Uint8Array(neg.length) },
  };
}
