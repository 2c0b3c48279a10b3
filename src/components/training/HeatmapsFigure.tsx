import { memo, useState } from "react";
import { focalOptionsOf, type TrainConfig } from "../../experiment/config";
import type { SessionView } from "../../experiment/history";
import { RUN_IDS, type RunId } from "../../experiment/protocol";
import { GRID_SIZE } from "../../experiment/scene";
import { crossEntropyCurve, PT_GRID, sample } from "../../math/curves";
import { probabilityOfTruth, sigmoidFocalLoss } from "../../math/focal";
import { formatValue } from "../../math/format";
import { logit } from "../../math/numeric";
import { LineChart } from "../charts/LineChart";
import { Figure } from "../Figure";
import { HeatmapCanvas } from "./HeatmapCanvas";
import { RUN_COLORS } from "./runColors";

interface Hover {
  run: RunId;
  image: number;
  row: number;
  col: number;
}

/** Score heatmaps of a few fixed held-out images, per run; hover a location for its p_t and loss. */
/** Memoized: re-renders when its run data or props change, not on unrelated page state. */
export const HeatmapsFigure = memo(function HeatmapsFigure({
  view,
  number,
  configs,
}: {
  view: SessionView;
  number: number;
  configs: Record<RunId, TrainConfig>;
}) {
  const [hover, setHover] = useState<Hover | null>(null);
  const images = view.runs.a.latest?.images ?? [];
  const probe = hover ? probeOf(view, configs, hover) : null;
  return (
    <Figure
      id="train-heatmaps"
      number={number}
      title="What each model sees: scores on held-out images"
      caption={
        probe ? (
          <>
            Run {probe.run.toUpperCase()}, image {probe.image + 1}, location ({probe.row},{" "}
            {probe.col}): a {probe.positive ? "positive" : "negative"} scored p ={" "}
            {formatValue(probe.p)}, so p<sub>t</sub> = {formatValue(probe.pt)} and its loss is{" "}
            {formatValue(probe.loss)}.
          </>
        ) : (
          <>
            Orange: the model's score σ(x) per location; cyan circles: the true targets; yellow
            squares: detections (local maxima above 0.5). Hover a location to read its p<sub>t</sub>{" "}
            and where it sits on the loss curve.
          </>
        )
      }
      table={{
        columns: ["image", "targets", "A detections", "B detections"],
        rows: images.map((img, i) => [
          String(i + 1),
          String(img.targets.length),
          String(view.runs.a.latest?.images[i]?.detections.length ?? "–"),
          String(view.runs.b.latest?.images[i]?.detections.length ?? "–"),
        ]),
      }}
    >
      {(width) => (
        <div className="flex flex-col gap-3">
          {RUN_IDS.map((id) => (
            <div key={id}>
              <div className="mb-1 text-sm font-semibold" style={{ color: RUN_COLORS[id] }}>
                Run {id.toUpperCase()} · step {view.runs[id].latest?.step ?? 0}
              </div>
              <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                {(view.runs[id].latest?.images ?? []).map((img, i) => (
                  <HeatmapCanvas
                    key={img.index}
                    image={img}
                    label={`Run ${id.toUpperCase()}, held-out image ${i + 1}`}
                    onHover={(cell) => setHover(cell ? { run: id, image: i, ...cell } : null)}
                  />
                ))}
              </div>
            </div>
          ))}
          {probe && (
            <LineChart
              width={Math.min(width, 420)}
              height={180}
              xName="p_t"
              title="Where the hovered location sits on its run's loss curve"
              series={[
                { id: "curve", label: "loss", points: probe.curve, color: RUN_COLORS[probe.run] },
                {
                  id: "ce",
                  label: "CE",
                  points: crossEntropyCurve(),
                  color: "var(--muted)",
                  dash: "3 3",
                },
              ]}
              x={{ domain: [0, 1], label: "p_t", format: formatValue }}
              y={{ domain: [0, 5], label: "loss", format: formatValue }}
              markers={[{ x: probe.pt, label: `p_t = ${formatValue(probe.pt)}` }]}
            />
          )}
        </div>
      )}
    </Figure>
  );
});

function probeOf(view: SessionView, configs: Record<RunId, TrainConfig>, hover: Hover) {
  const latest = view.runs[hover.run].latest;
  const image = latest?.images[hover.image];
  if (!latest || !image) return null;
  const cell = hover.row * GRID_SIZE + hover.col;
  const p = image.probabilities[cell] ?? 0.5;
  const positive = image.targets.some((t) => t.row === hover.row && t.col === hover.col);
  const y: 0 | 1 = positive ? 1 : 0;
  // The exact logit when the held-out predictions are at hand (a recorded run has only the map).
  const x =
    latest.predictions.logits[image.index * GRID_SIZE * GRID_SIZE + cell] ??
    logit(Math.min(1 - 1e-7, Math.max(1e-7, p)));
  const opts = focalOptionsOf(configs[hover.run]);
  // The curve of this run's loss as a function of p_t, for an example of this label.
  const curve = sample(PT_GRID, (pt) =>
    sigmoidFocalLoss(logit(pt), 1, {
      gamma: opts.gamma,
      alpha: opts.alpha === null ? null : y === 1 ? opts.alpha : 1 - opts.alpha,
    }),
  );
  return {
    ...hover,
    p,
    positive,
    pt: probabilityOfTruth(x, y),
    loss: sigmoidFocalLoss(x, y, opts),
    curve,
  };
}
