/** Figure 11's hover probe and data table (pure; see HeatmapsFigure). */
import { focalOptionsOf, type TrainConfig } from "../../experiment/config";
import type { Evaluation } from "../../experiment/evaluation";
import type { RunId } from "../../experiment/protocol";
import { GRID_SIZE } from "../../experiment/scene";
import { type Point, PT_GRID, sample } from "../../math/curves";
import { probabilityOfTruth, sigmoidFocalLoss } from "../../math/focal";
import { formatValue } from "../../math/format";
import { logit } from "../../math/numeric";
import type { DataTableSpec } from "../DataTable";

export type LatestImages = Readonly<
  Record<RunId, { latest: Pick<Evaluation, "step" | "images" | "predictions"> | null }>
>;

/** A location the reader points at: run, showcase image and grid cell. */
export interface Hover {
  run: RunId;
  image: number;
  row: number;
  col: number;
}

export interface Probe extends Hover {
  p: number;
  positive: boolean;
  pt: number;
  loss: number;
  /** The run's loss against p_t for an example of this label (α of its class, the run's γ). */
  curve: Point[];
}

/** What the hovered location's score means under its run's loss. */
export function heatmapProbe(
  runs: LatestImages,
  configs: Readonly<Record<RunId, TrainConfig>>,
  hover: Hover,
): Probe | null {
  const latest = runs[hover.run].latest;
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
  const alpha = opts.alpha === null ? null : y === 1 ? opts.alpha : 1 - opts.alpha;
  return {
    ...hover,
    p,
    positive,
    pt: probabilityOfTruth(x, y),
    loss: sigmoidFocalLoss(x, y, opts),
    curve: sample(PT_GRID, (pt) => sigmoidFocalLoss(logit(pt), 1, { gamma: opts.gamma, alpha })),
  };
}

export function probeCaption(probe: Probe) {
  return {
    run: probe.run.toUpperCase(),
    image: String(probe.image + 1),
    row: String(probe.row),
    col: String(probe.col),
    label: probe.positive ? "positive" : "negative",
    p: formatValue(probe.p),
    pt: formatValue(probe.pt),
    loss: formatValue(probe.loss),
  };
}

export function heatmapsTable(runs: LatestImages): DataTableSpec {
  const count = (id: RunId, i: number) => {
    const n = runs[id].latest?.images[i]?.detections.length;
    return n === undefined ? "–" : String(n);
  };
  return {
    columns: ["image", "targets", "A detections", "B detections"],
    rows: (runs.a.latest?.images ?? []).map((img, i) => [
      String(i + 1),
      String(img.targets.length),
      count("a", i),
      count("b", i),
    ]),
  };
}
