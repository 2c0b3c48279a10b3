import { memo, useMemo, useState } from "react";
import type { Evaluation } from "../../experiment/evaluation";
import type { RankedLogits, RunId } from "../../experiment/protocol";
import { formatCount, formatParam, formatValue } from "../../math/format";
import { TRAIN_SCHEMA } from "../../state/train";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { COLORS, MARKERS } from "../charts/palette";
import { SchemaSlider } from "../controls/SchemaSlider";
import { Toggle } from "../controls/Toggle";
import { Figure } from "../Figure";
import { figure4Caption, figure4Cdfs, figure4Table, ohemKeptOnCdf } from "./figure4Text";

export type RankedRuns = Readonly<
  Record<
    RunId,
    {
      latest: Pick<Evaluation, "step" | "measured" | "trained"> | null;
      ranked: RankedLogits | null;
    }
  >
>;

interface Figure4Props {
  runs: RankedRuns;
  gamma: number;
  onGamma: (gamma: number) => void;
}

/**
 * The paper's Figure 4 from a trained model: cumulative normalized loss of each class, for any
 * γ, from stored predictions (no retraining). Memoized on its data.
 */
export const Figure4Figure = memo(function Figure4Figure({ runs, gamma, onGamma }: Figure4Props) {
  const [run, setRun] = useState<RunId>("b");
  const evaluation = runs[run].latest;
  const ranked = runs[run].ranked;
  const cdfs = useMemo(() => (ranked ? figure4Cdfs(ranked, gamma) : null), [ranked, gamma]);
  const c = cdfs ? figure4Caption(cdfs) : null;
  const ohem =
    ranked && evaluation
      ? ohemKeptOnCdf(ranked, gamma, evaluation.trained, evaluation.measured)
      : null;
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
          marker: MARKERS.positive,
        },
        {
          id: "neg",
          label: "negatives",
          points: Array.from(cdfs.neg.fraction, (x, i) => ({
            x,
            y: cdfs.neg.cumulativeLoss[i] ?? 0,
          })),
          color: COLORS.negative,
          marker: MARKERS.negative,
        },
      ]
    : [];
  return (
    <Figure
      id="train-figure4"
      controls={
        <>
          <SchemaSlider
            param={TRAIN_SCHEMA.f4gamma}
            label="γ"
            name="Cumulative loss gamma"
            value={gamma}
            onChange={onGamma}
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
        evaluation && cdfs && c ? (
          <>
            Run {run.toUpperCase()} at step {evaluation.step}, losses recomputed with γ ={" "}
            {formatParam(gamma)}: the hardest 20% of the negatives carry {c.negatives} of the
            negatives' loss, the hardest 20% of the positives {c.positives} of theirs.{" "}
            {c.negativesConcentrated &&
              "Nearly all the negatives' loss sits in a few hard examples, as in the paper's figure. "}
            {c.negativesEven &&
              "The negatives' loss is spread almost evenly: this model does not yet tell easy negatives from hard ones. "}
            In the paper (one converged ResNet-101 model trained with γ = 2) raising γ put nearly
            all the negatives' loss on a few hard examples, while about 20% of the hardest positives
            carried roughly half of theirs.
            {ohem && (
              <>
                {" "}
                This run trains with OHEM: its gradient comes only from the hardest {ohem.negatives}{" "}
                of the negatives and {ohem.positives} of the positives (right of the markers), which
                carry {ohem.negativesLoss} and {ohem.positivesLoss} of each class's loss at this γ;
                everything left of them gets none.
              </>
            )}
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
      table={() => figure4Table(cdfs)}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={240}
            series={series}
            xName="fraction"
            title={`Cumulative normalized loss of positives and negatives, γ = ${formatParam(gamma)}`}
            x={{
              domain: [0, 1],
              label: "fraction of samples (sorted by loss)",
              format: formatValue,
            }}
            y={{ domain: [0, 1], label: "cumulative normalized loss", format: formatValue }}
            markers={
              ohem
                ? [
                    { x: ohem.negativesFrom, label: "OHEM's negatives →", anchor: "end" as const },
                    ...(ohem.positivesFrom > 0.02 && ohem.positivesFrom < 0.9
                      ? [{ x: ohem.positivesFrom, label: "OHEM's positives →" }]
                      : []),
                  ]
                : []
            }
          />
        </>
      )}
    </Figure>
  );
});
