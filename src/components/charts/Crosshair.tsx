/** The crosshair of a line chart: a vertical rule, a dot per series and a readout box. */
import { formatValue } from "../../math/format";

export const CHART_MARGIN = { top: 16, right: 16, bottom: 42, left: 56 } as const;

export interface CrosshairRow {
  id: string;
  label: string;
  color: string;
  value: number;
  y: number;
}

interface CrosshairProps {
  x: number;
  xValue: number;
  xLabel: string;
  innerW: number;
  innerH: number;
  rows: readonly CrosshairRow[];
}

const ROW_H = 16;
const BOX_W = 150;

export function Crosshair({ x, innerW, innerH, xLabel, rows }: CrosshairProps) {
  const boxH = ROW_H * (rows.length + 1) + 8;
  const boxX = x + 12 + BOX_W > innerW ? x - 12 - BOX_W : x + 12;
  return (
    <g pointerEvents="none" data-testid="crosshair">
      <line x1={x} x2={x} y2={innerH} className="stroke-[var(--fg)]" strokeOpacity={0.4} />
      {rows.map((r) =>
        Number.isFinite(r.y) && r.y >= 0 && r.y <= innerH ? (
          <circle
            key={r.id}
            cx={x}
            cy={r.y}
            r={4}
            fill={r.color}
            stroke="var(--bg)"
            strokeWidth={1.5}
          />
        ) : null,
      )}
      <g transform={`translate(${boxX},4)`}>
        <rect
          width={BOX_W}
          height={boxH}
          rx={6}
          className="fill-[var(--panel)] stroke-[var(--grid)]"
          opacity={0.96}
        />
        <text x={8} y={ROW_H} className="fill-[var(--fg)] text-[11px] font-semibold">
          {xLabel}
        </text>
        {rows.map((r, i) => (
          <g key={r.id} transform={`translate(8,${ROW_H * (i + 2)})`}>
            <rect y={-8} width={8} height={8} fill={r.color} />
            <text x={12} className="fill-[var(--fg)] text-[11px]">
              {r.label}: {formatValue(r.value)}
            </text>
          </g>
        ))}
      </g>
    </g>
  );
}
