/** SVG axes rendered by React from a D3 scale's ticks. */
import type { ScaleContinuousNumeric } from "d3-scale";

type Scale = ScaleContinuousNumeric<number, number>;

interface AxisProps {
  scale: Scale;
  /** Length of the perpendicular grid lines (the plot's other dimension). */
  gridLength: number;
  ticks?: number;
  format: (v: number) => string;
  label: string;
  highlighted?: boolean;
  tickValues?: number[];
}

export function AxisBottom({
  scale,
  gridLength,
  ticks = 6,
  format,
  label,
  highlighted,
  tickValues,
}: AxisProps) {
  const [x0, x1] = scale.range() as [number, number];
  return (
    <g className="axis" aria-hidden="true">
      {(tickValues ?? scale.ticks(ticks)).map((t) => (
        <g key={t} transform={`translate(${scale(t)},0)`}>
          <line y1={0} y2={-gridLength} className="stroke-[var(--grid)]" />
          <text y={16} textAnchor="middle" className="fill-[var(--muted)] text-[11px]">
            {format(t)}
          </text>
        </g>
      ))}
      <line x1={x0} x2={x1} className="stroke-[var(--axis)]" />
      <text
        x={(x0 + x1) / 2}
        y={34}
        textAnchor="middle"
        className={`text-xs ${highlighted ? "fill-[var(--accent)] font-semibold" : "fill-[var(--fg)]"}`}
      >
        {label}
      </text>
    </g>
  );
}

export function AxisLeft({
  scale,
  gridLength,
  ticks = 5,
  format,
  label,
  highlighted,
  tickValues,
}: AxisProps) {
  const [y0, y1] = scale.range() as [number, number];
  return (
    <g className="axis" aria-hidden="true">
      {(tickValues ?? scale.ticks(ticks)).map((t) => (
        <g key={t} transform={`translate(0,${scale(t)})`}>
          <line x1={0} x2={gridLength} className="stroke-[var(--grid)]" />
          <text x={-6} dy="0.32em" textAnchor="end" className="fill-[var(--muted)] text-[11px]">
            {format(t)}
          </text>
        </g>
      ))}
      <line y1={y0} y2={y1} className="stroke-[var(--axis)]" />
      <text
        transform={`translate(-44,${(y0 + y1) / 2}) rotate(-90)`}
        textAnchor="middle"
        className={`text-xs ${highlighted ? "fill-[var(--accent)] font-semibold" : "fill-[var(--fg)]"}`}
      >
        {label}
      </text>
    </g>
  );
}
