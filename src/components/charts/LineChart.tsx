/**
 * A line chart that only displays: series in, SVG out. D3 computes the scales and path strings;
 * React renders the elements. A hover/keyboard crosshair reads every series at one x.
 */
import { bisector } from "d3-array";
import { type ScaleContinuousNumeric, scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";
import { type KeyboardEvent, memo, type PointerEvent, useId, useMemo, useState } from "react";
import type { Point } from "../../math/curves";
import { AxisBottom, AxisLeft } from "./Axes";
import { CHART_MARGIN, Crosshair, type CrosshairRow } from "./Crosshair";
import { MarkerGlyph, type MarkerShape, markerIndexes } from "./markers";

export interface Series {
  id: string;
  label: string;
  points: readonly Point[];
  /** A CSS colour, usually a var(--c-…) custom property. */
  color: string;
  dash?: string;
  /** Exact value at x for the crosshair readout; without it the nearest sample is shown. */
  evaluate?: (x: number) => number;
  emphasis?: "normal" | "strong" | "faded";
  /** A shape drawn at a few points, so the series is told apart without its colour. */
  marker?: MarkerShape;
}

export interface AxisSpec {
  domain: readonly [number, number];
  label: string;
  type?: "linear" | "log";
  format: (v: number) => string;
  highlighted?: boolean;
}

export interface Marker {
  x: number;
  label: string;
  /** Where the label sits against the line (default: centred on it). */
  anchor?: "start" | "middle" | "end";
}

export interface LineChartProps {
  width: number;
  height: number;
  series: readonly Series[];
  x: AxisSpec;
  y: AxisSpec;
  markers?: readonly Marker[];
  /** Read the crosshair's x in the unit of the x-axis (e.g. "p_t"). */
  xName: string;
  title: string;
}

const bisectX = bisector<Point, number>((p) => p.x).center;

function makeScale(
  type: AxisSpec["type"],
  lo: number,
  hi: number,
  range: [number, number],
): ScaleContinuousNumeric<number, number> {
  const s = type === "log" ? scaleLog() : scaleLinear();
  return s.domain([lo, hi]).range(range);
}

function logTicks(scale: ScaleContinuousNumeric<number, number>): number[] {
  return scale.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
}

/** Memoized: a figure re-renders on every state change, its charts only when their props do. */
export const LineChart = memo(function LineChart({
  width,
  height,
  series,
  x,
  y,
  markers = [],
  xName,
  title,
}: LineChartProps) {
  const clipId = useId();
  const innerW = Math.max(10, width - CHART_MARGIN.left - CHART_MARGIN.right);
  const innerH = Math.max(10, height - CHART_MARGIN.top - CHART_MARGIN.bottom);
  const [x0, x1] = x.domain;
  const [y0, y1] = y.domain;
  // Scales depend on numbers, not on the identity of the (often inline) axis objects.
  const xScale = useMemo(() => makeScale(x.type, x0, x1, [0, innerW]), [x.type, x0, x1, innerW]);
  const yScale = useMemo(() => makeScale(y.type, y0, y1, [innerH, 0]), [y.type, y0, y1, innerH]);
  const paths = useMemo(() => {
    const [lo, hi] = yScale.domain() as [number, number];
    // Keep off-scale values drawable (clipped) without letting ±∞ or NaN reach the path.
    const yClamp = (v: number) =>
      Math.min(hi * 1e3, Math.max(y.type === "log" ? lo / 1e3 : lo - (hi - lo) * 1e3, v));
    const gen = line<Point>()
      .defined((p) => Number.isFinite(p.y) && (y.type !== "log" || p.y > 0))
      .x((p) => xScale(p.x))
      .y((p) => yScale(yClamp(p.y)));
    return series.map((s) => gen(s.points as Point[]) ?? "");
  }, [series, xScale, yScale, y.type]);
  // Markers: only at points that are drawn and inside the plot.
  const marks = useMemo(() => {
    const [lo, hi] = yScale.domain() as [number, number];
    const inside = (p: Point | undefined): p is Point =>
      p !== undefined &&
      Number.isFinite(p.y) &&
      p.y >= Math.min(lo, hi) &&
      p.y <= Math.max(lo, hi) &&
      (y.type !== "log" || p.y > 0);
    return series.map((s, i) => {
      const at = (p: Point) => ({ x: xScale(p.x), y: yScale(p.y) });
      return s.marker
        ? markerIndexes(s.points.length, 6, (i % 3) / 2)
            .map((k) => s.points[k])
            .filter(inside)
            .map(at)
        : [];
    });
  }, [series, xScale, yScale, y.type]);
  const [hoverX, setHoverX] = useState<number | null>(null);

  const rows: CrosshairRow[] =
    hoverX === null
      ? []
      : series.map((s) => {
          const v = s.evaluate
            ? s.evaluate(hoverX)
            : (s.points[bisectX(s.points as Point[], hoverX)]?.y ?? NaN);
          return { id: s.id, label: s.label, color: s.color, value: v, y: yScale(v) };
        });

  const onPointer = (e: PointerEvent<SVGRectElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    // On screen the plot may be scaled (present mode): map back to the chart's own pixels.
    const v = xScale.invert(((e.clientX - rect.left) * innerW) / (rect.width || innerW));
    setHoverX(Math.min(x1, Math.max(x0, v)));
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = (x1 - x0) / 100;
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      e.preventDefault();
      const from = hoverX ?? (x0 + x1) / 2;
      const next = from + (e.key === "ArrowRight" ? step : -step);
      setHoverX(Math.min(x1, Math.max(x0, next)));
    } else if (e.key === "Escape") setHoverX(null);
  };

  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      tabIndex={0}
      onKeyDown={onKey}
      onBlur={() => setHoverX(null)}
      className="block touch-pan-y select-none overflow-visible rounded focus-visible:outline-2 focus-visible:outline-[var(--accent)]"
    >
      <defs>
        <clipPath id={clipId}>
          <rect width={innerW} height={innerH} />
        </clipPath>
      </defs>
      <g transform={`translate(${CHART_MARGIN.left},${CHART_MARGIN.top})`}>
        <g transform={`translate(0,${innerH})`}>
          <AxisBottom
            scale={xScale}
            gridLength={innerH}
            format={x.format}
            label={x.label}
            highlighted={x.highlighted}
            ticks={width < 420 ? 4 : 6}
            tickValues={x.type === "log" ? logTicks(xScale) : undefined}
          />
        </g>
        <AxisLeft
          scale={yScale}
          gridLength={innerW}
          format={y.format}
          label={y.label}
          highlighted={y.highlighted}
          tickValues={y.type === "log" ? logTicks(yScale) : undefined}
        />
        {markers.map((m) => (
          <g
            key={m.label}
            transform={`translate(${xScale(m.x)},0)`}
            className="text-[var(--muted)]"
          >
            <line y2={innerH} stroke="currentColor" strokeDasharray="2 3" />
            <text y={-4} textAnchor={m.anchor ?? "middle"} className="fill-current text-[10px]">
              {m.label}
            </text>
          </g>
        ))}
        <g clipPath={`url(#${clipId})`}>
          {series.map((s, i) => (
            <path
              key={s.id}
              data-series={s.id}
              d={paths[i]}
              fill="none"
              stroke={s.color}
              strokeDasharray={s.dash}
              strokeWidth={s.emphasis === "strong" ? 4 : 2}
              strokeOpacity={s.emphasis === "faded" ? 0.25 : 1}
              strokeLinejoin="round"
              className="transition-[stroke-width,stroke-opacity] duration-150"
            />
          ))}
          {series.map((s, i) => (
            <g
              key={`${s.id}-marks`}
              data-series-marks={s.id}
              opacity={s.emphasis === "faded" ? 0.25 : 1}
            >
              {s.marker &&
                marks[i]?.map((m) => (
                  <MarkerGlyph
                    key={`${m.x},${m.y}`}
                    shape={s.marker ?? "circle"}
                    x={m.x}
                    y={m.y}
                    color={s.color}
                  />
                ))}
            </g>
          ))}
        </g>
        {hoverX !== null && (
          <Crosshair
            x={xScale(hoverX)}
            innerW={innerW}
            innerH={innerH}
            xLabel={`${xName} = ${x.format(hoverX)}`}
            xValue={hoverX}
            rows={rows}
          />
        )}
        <rect
          width={innerW}
          height={innerH}
          fill="transparent"
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          onPointerLeave={() => setHoverX(null)}
        />
      </g>
    </svg>
  );
});
