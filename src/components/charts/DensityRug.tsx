/**
 * A density rug: for each row (a class), equal bins along the x-axis of the chart above, each
 * shaded by the share of that row's examples it holds. Aligned with LineChart's plot area.
 */
import { CHART_MARGIN } from "./Crosshair";

export interface RugRow {
  id: string;
  label: string;
  color: string;
  /** Share of the row's examples in each bin (bins span the x domain evenly). */
  shares: ArrayLike<number>;
}

const ROW_H = 14;

export function DensityRug({
  width,
  rows,
  title,
}: {
  width: number;
  rows: readonly RugRow[];
  title: string;
}) {
  const innerW = Math.max(10, width - CHART_MARGIN.left - CHART_MARGIN.right);
  const height = rows.length * (ROW_H + 4);
  return (
    <svg width={width} height={height} role="img" aria-label={title} className="block">
      {rows.map((row, r) => {
        const n = row.shares.length;
        let max = 0;
        for (let i = 0; i < n; i++) max = Math.max(max, row.shares[i] as number);
        const w = innerW / n;
        return (
          <g key={row.id} transform={`translate(0,${r * (ROW_H + 4)})`} data-rug={row.id}>
            <text
              x={CHART_MARGIN.left - 6}
              y={ROW_H / 2}
              dy="0.32em"
              textAnchor="end"
              className="fill-[var(--muted)] text-[10px]"
            >
              {row.label}
            </text>
            <rect
              x={CHART_MARGIN.left}
              width={innerW}
              height={ROW_H}
              className="fill-[var(--bg)]"
            />
            {Array.from({ length: n }, (_, i) => {
              const share = row.shares[i] as number;
              if (!(share > 0)) return null;
              // √ scale: a bin with 1% of the examples stays visible beside one with 90%.
              return (
                <rect
                  key={i}
                  x={CHART_MARGIN.left + i * w}
                  width={Math.max(1, w)}
                  height={ROW_H}
                  fill={row.color}
                  opacity={0.15 + 0.85 * Math.sqrt(share / max)}
                />
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
