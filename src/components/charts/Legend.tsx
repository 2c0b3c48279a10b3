/** Compact HTML legends: a line swatch per series, or a filled swatch per bar segment. */
import { MarkerGlyph, type MarkerShape } from "./markers";
import { groupPattern } from "./palette";
import { PatternSwatch } from "./patterns";

interface LegendItem {
  id: string;
  label: string;
  color: string;
  dash?: string;
  marker?: MarkerShape;
}

export function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="mb-1 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-hidden="true">
      {items.map((item) => (
        <li key={item.id} className="flex items-center gap-1.5">
          <svg width="22" height="10" viewBox="0 -1 22 10" aria-hidden="true">
            <line
              x1="1"
              x2="21"
              y1="4"
              y2="4"
              stroke={item.color}
              strokeWidth="2.5"
              strokeDasharray={item.dash}
            />
            {item.marker && <MarkerGlyph shape={item.marker} x={11} y={4} color={item.color} />}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** A filled square per group, for stacked bars. */
export function SwatchLegend({
  items,
}: {
  items: readonly { key: string; label: string; color: string }[];
}) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-hidden="true">
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <PatternSwatch color={item.color} pattern={groupPattern(item.key)} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
