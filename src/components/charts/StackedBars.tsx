/**
 * Horizontal 100% stacked bars: one row per bar, one segment per share. Labels sit inside a
 * segment when it is wide enough, so the smallest shares stay readable in the caption/table.
 */
import { useId } from "react";
import { formatShare } from "../../math/format";
import { groupPattern } from "./palette";
import { PatternDef, patternFill } from "./patterns";

export interface BarSegment {
  key: string;
  label: string;
  share: number;
  color: string;
}

export interface BarRow {
  id: string;
  label: string;
  segments: readonly BarSegment[];
}

interface StackedBarsProps {
  width: number;
  rows: readonly BarRow[];
  title: string;
  emphasized?: string | null;
}

const LABEL_W = 128;
const BAR_H = 26;
const GAP = 10;

export function StackedBars({ width, rows, title, emphasized = null }: StackedBarsProps) {
  const labelW = width < 420 ? 92 : LABEL_W;
  const barW = Math.max(40, width - labelW - 4);
  const height = rows.length * (BAR_H + GAP);
  const uid = useId();
  const patternId = (key: string) => `${uid}-${key}`;
  const groups = new Map(rows.flatMap((r) => r.segments).map((s) => [s.key, s.color]));
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      className="block"
    >
      <defs>
        {[...groups].map(([key, color]) => (
          <PatternDef key={key} id={patternId(key)} color={color} pattern={groupPattern(key)} />
        ))}
      </defs>
      {rows.map((row, i) => {
        let x0 = 0;
        return (
          <g key={row.id} transform={`translate(0,${i * (BAR_H + GAP)})`} data-bar={row.id}>
            <text
              x={labelW - 8}
              y={BAR_H / 2}
              dy="0.32em"
              textAnchor="end"
              className="fill-[var(--fg)] text-xs font-medium"
            >
              {row.label}
            </text>
            <g transform={`translate(${labelW},0)`}>
              <rect width={barW} height={BAR_H} rx={4} className="fill-[var(--bg)]" />
              {row.segments.map((s) => {
                const w = s.share * barW;
                const x = x0;
                x0 += w;
                const text = formatShare(s.share);
                const fits = w > text.length * 6.5 + 8;
                return (
                  <g key={s.key} data-segment={s.key} data-share={s.share}>
                    <rect
                      x={x}
                      width={Math.max(0, w)}
                      height={BAR_H}
                      fill={patternFill(patternId(s.key), s.color, groupPattern(s.key))}
                      opacity={emphasized === null || emphasized === s.key ? 1 : 0.3}
                      className="transition-[width,x] duration-150"
                    >
                      <title>{`${row.label}, ${s.label}: ${text}`}</title>
                    </rect>
                    {fits && (
                      <text
                        x={x + w / 2}
                        y={BAR_H / 2}
                        dy="0.32em"
                        textAnchor="middle"
                        className="pointer-events-none fill-[var(--on-series)] text-[11px] font-semibold"
                        // A halo of the segment's colour keeps the share readable on a pattern.
                        paintOrder="stroke"
                        stroke={s.color}
                        strokeWidth={3}
                      >
                        {text}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          </g>
        );
      })}
    </svg>
  );
}
