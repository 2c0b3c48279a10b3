/**
 * One held-out image with a run's score map over it: the 64×64 image in grey, σ(logit) of each
 * 32×32 location as an orange overlay, ground-truth targets as circles, detections as squares.
 * Drawn on a canvas (putImageData for the dense map, as TensorFlow Playground does). The overlay's
 * strength is √p, so the low scores that matter here (the prior 0.01, the decode threshold 0.05)
 * stay visible on the grey image; `ScoreScale` draws the same mapping as a legend.
 */
import { type PointerEvent, useEffect, useRef } from "react";
import { DETECTION_THRESHOLD, type ImageReport } from "../../experiment/evaluation";
import { useHydrated } from "../useHydrated";

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

const SCALE_TICKS = [0, 0.01, 0.05, 0.25, 0.5, 1] as const;

/** The colour scale of the score maps, on a mid-grey pixel, with the scores that matter marked. */
export function ScoreScale() {
  // Style attributes in prerendered HTML are refused by the CSP (style-src 'self'); set from
  // script (CSSOM) once hydrated, they are allowed.
  const hydrated = useHydrated();
  const stops = Array.from({ length: 11 }, (_, i) => {
    const p = (i / 10) ** 2;
    const [r, g, b] = overlay(100, p);
    return `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)}) ${i * 10}%`;
  });
  return (
    <div className="max-w-80 text-xs text-[var(--muted)]" aria-hidden="true">
      <div>score σ(x)</div>
      <div
        className="h-3 rounded-sm"
        style={
          hydrated ? { background: `linear-gradient(to right, ${stops.join(", ")})` } : undefined
        }
      />
      <div className="relative h-4">
        {SCALE_TICKS.map((t) => (
          <span
            key={t}
            className="absolute -translate-x-1/2 tabular-nums"
            style={hydrated ? { left: `${Math.sqrt(t) * 100}%` } : undefined}
          >
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
