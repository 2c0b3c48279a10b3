/**
 * One held-out image with a run's score map over it: the 64×64 image in grey, σ(logit) of each
 * 32×32 location as an orange overlay, ground-truth targets as circles, detections as squares.
 * Drawn on a canvas (putImageData for the dense map, as TensorFlow Playground does).
 */
import { type PointerEvent, useEffect, useRef } from "react";
import type { ImageReport } from "../../experiment/evaluation";

const SCALE = 3;
const IMAGE = 64;
const GRID = 32;
const CELL = (IMAGE / GRID) * SCALE;

interface HeatmapCanvasProps {
  image: ImageReport;
  label: string;
  onHover: (cell: { row: number; col: number } | null) => void;
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
        const o = (y * IMAGE * SCALE + x) * 4;
        data.data[o] = grey * (1 - p) + 255 * p;
        data.data[o + 1] = grey * (1 - p) + 110 * p;
        data.data[o + 2] = grey * (1 - p);
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
      aria-label={`${label}: ${image.targets.length} target(s), ${image.detections.length} detection(s) above 0.5`}
      className="h-auto w-full max-w-48 cursor-crosshair rounded [image-rendering:pixelated]"
      onPointerMove={onMove}
      onPointerLeave={() => onHover(null)}
    />
  );
}
