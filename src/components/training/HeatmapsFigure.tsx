import { memo, useState } from "react";
import type { TrainConfig } from "../../experiment/config";
import { DETECTION_THRESHOLD } from "../../experiment/evaluation";
import { RUN_IDS, type RunId } from "../../experiment/protocol";
import { crossEntropyCurve } from "../../math/curves";
import { formatValue } from "../../math/format";
import { LineChart } from "../charts/LineChart";
import { Figure } from "../Figure";
import { useHydrated } from "../useHydrated";
import { HeatmapCanvas, ScoreScale } from "./HeatmapCanvas";
import {
  type Hover,
  heatmapProbe,
  heatmapsTable,
  type LatestImages,
  probeCaption,
} from "./heatmapsText";
import { RUN_COLORS } from "./runColors";

/** Score heatmaps of a few fixed held-out images, per run; hover a location for its p_t and loss. */
/** Memoized: re-renders when its run data or props change, not on unrelated page state. */
export const HeatmapsFigure = memo(function HeatmapsFigure({
  runs,
  configs,
}: {
  runs: LatestImages;
  configs: Readonly<Record<RunId, TrainConfig>>;
}) {
  const [hover, setHover] = useState<Hover | null>(null);
  // The run's colour as a style attribute only once hydrated (the CSP refuses it in HTML).
  const hydrated = useHydrated();
  const probe = hover ? heatmapProbe(runs, configs, hover) : null;
  const c = probe ? probeCaption(probe) : null;
  return (
    <Figure
      id="train-heatmaps"
      caption={
        c ? (
          <>
            Run {c.run}, image {c.image}, location ({c.row}, {c.col}): a {c.label} scored p = {c.p},
            so p<sub>t</sub> = {c.pt} and its loss under the run's own loss is {c.loss} (one
            location, before the division by the number of positives).
          </>
        ) : (
          <>
            Orange: the model's score σ(x) per location, on the colour scale above; cyan circles:
            the true targets; yellow squares: detections, the 3×3 local maxima scoring at least{" "}
            {DETECTION_THRESHOLD} — the score at which the paper decodes detections (RetinaNet then
            keeps the top 1,000 per pyramid level and applies non-maximum suppression). Hover a
            location to read its p<sub>t</sub> and where it sits on the run's loss curve.
          </>
        )
      }
      table={() => heatmapsTable(runs)}
    >
      {(width) => (
        <div className="flex flex-col gap-3">
          <ScoreScale />
          {RUN_IDS.map((id) => (
            <div key={id}>
              <div
                className="mb-1 text-sm font-semibold"
                style={hydrated ? { color: RUN_COLORS[id] } : undefined}
              >
                Run {id.toUpperCase()} · step {runs[id].latest?.step ?? 0}
              </div>
              <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                {(runs[id].latest?.images ?? []).map((img, i) => (
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
              xName="pₜ"
              title="Where the hovered location sits on its run's loss curve"
              series={[
                { id: "curve", label: "loss", points: probe.curve, color: RUN_COLORS[probe.run] },
                {
                  id: "ce",
                  label: "CE (no α)",
                  points: crossEntropyCurve(),
                  color: "var(--muted)",
                  dash: "3 3",
                },
              ]}
              x={{ domain: [0, 1], label: "pₜ", format: formatValue }}
              y={{ domain: [0, 5], label: "loss", format: formatValue }}
              markers={[{ x: probe.pt, label: `pₜ = ${formatValue(probe.pt)}` }]}
            />
          )}
        </div>
      )}
    </Figure>
  );
});
