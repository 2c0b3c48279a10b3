/**
 * One held-out image with a run's score map over it: the 64×64 image in grey, σ(logit) of each
 * 32×32 location as an orange overlay, ground-truth targets as circles, detections as squares.
 * Drawn on a canvas (putImageData for the dense map, as TensorFlow Playground does). The overlay's
 * strength is √p, so the low scores that matter here (the prior 0.01, the decode threshold 0.05)
 * stay visible on the grey image; `ScoreScale` draws the same mapping as a legend.
 */
import { type PointerEvent, useEffect, useRef } from "react";
import { DETECTION_THRESHOLD, type ImageReport } from "../../experiment/evaluation";

const SCALE = 3;
const IMAGE = 64;
const GRID = 32;
const CELL = (IMAGE / GRID) * SCALE;

interface HeatmapCanvasProps {
  image: ImageReport;
  label: string;
  onHover: (cell: { row: number; col: number } | null) => void;
}

/** A grey pixel under a score p: blended towards orange by √p. */
export function overlay(grey: number, p: number): [number, number, number] {
  const a = Math.sqrt(Math.max(0, Math.min(1, p)));
  return [grey * (1 - a) + 255 * a, grey * (1 - a) + 110 * a, grey * (1 - a)];
}

/**
 * The legend's ticks and where each sits: at √t of the bar, the overlay's strength. Positions
 * are classes, not style attributes: the prerendered HTML must draw the legend right before any
 * script runs, and the CSP refuses inline styles (`HeatmapCanvas.test.ts` checks each against √t).
 */
export const SCALE_TICKS = [
  { t: 0, at: "left-0" },
  { t: 0.01, at: "left-[10%]" },
  { t: 0.05, at: "left-[22.36%]" },
  { t: 0.25, at: "left-[50%]" },
  { t: 0.5, at: "left-[70.71%]" },
  { t: 1, at: "left-[100%]" },
] as const;

/**
 * The legend's bar: the overlay on a mid-grey pixel (100) at scores p = (i / 10)², i = 0 … 10, so
 * each stop sits at √p of the bar. `src/styles.css` holds it as `.score-scale-bar` (no inline
 * style, see above); a unit test keeps the two equal.
 */
export function scoreScaleGradient(): string {
  const stops = Array.from({ length: 11 }, (_, i) => {
    const [r, g, b] = overlay(100, (i / 10) ** 2);
    return `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)}) ${i * 10}%`;
  });
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

/** The colour scale of the score maps, on a mid-grey pixel, with the scores that matter marked. */
export function ScoreScale() {
  return (
    <div className="max-w-80 text-xs text-[var(--muted)]" aria-hidden="true">
      <div>score σ(x)</div>
      <div className="score-scale-bar h-3 rounded-sm" />
      <div className="relative h-4">
        {SCALE_TICKS.map(({ t, at }) => (
          <span key={t} className={`absolute ${at} -translate-x-1/2 tabular-nums`}>
            {t}
          </span>
        ))}
      </div>
    </div>
  );
}

export function HeatmapCanvas({ image, label, onHover }: HeatmapCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    const data = ctx.createImageData(IMAGE * SCALE, IMAGE * SCALE);
    for (let y = 0; y < IMAGE * SCALE; y++) {
      for (let x = 0; x < IMAGE * SCALE; x++) {
        const px = image.pixels[Math.floor(y / SCALE) * IMAGE + Math.floor(x / SCALE)] ?? 0;
        const p = image.probabilities[Math.floor(y / CELL) * GRID + Math.floor(x / CELL)] ?? 0;
        const grey = Math.max(0, Math.min(1, px / 1.2)) * 200;
        const [r, g, b] = overlay(grey, p);
        const o = (y * IMAGE * SCALE + x) * 4;
        data.data[o] = r;
        data.data[o + 1] = g;
        data.data[o + 2] = b;
        data.data[o + 3] = 255;
      }
    }
    ctx.putImageData(data, 0, 0);
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#22d3ee";
    for (const t of image.targets) {
      ctx.beginPath();
      ctx.arc((t.col + 0.5) * CELL, (t.row + 0.5) * CELL, CELL * 2, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.strokeStyle = "#facc15";
    for (const d of image.detections)
      ctx.strokeRect((d.col - 1) * CELL, (d.row - 1) * CELL, CELL * 3, CELL * 3);
  }, [image]);

  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * GRID);
    const row = Math.floor(((e.clientY - rect.top) / rect.height) * GRID);
    onHover(row >= 0 && row < GRID && col >= 0 && col < GRID ? { row, col } : null);
  };

  return (
    <canvas
      ref={ref}
      width={IMAGE * SCALE}
      height={IMAGE * SCALE}
      role="img"
      aria-label={`${label}: ${image.targets.length} target(s), ${image.detections.length} detection(s) scoring at least ${DETECTION_THRESHOLD}`}
      className="h-auto w-full max-w-48 cursor-crosshair rounded [image-rendering:pixelated]"
      onPointerMove={onMove}
      onPointerLeave={() => onHover(null)}
    />
  );
}
