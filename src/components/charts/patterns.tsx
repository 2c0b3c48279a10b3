/**
 * Fill patterns that tell bar segments apart without colour (WCAG 1.4.1): solid, hatched or
 * dotted over the segment's colour, in the bars and in their legend.
 */
import { useId } from "react";

export type SegmentPattern = "solid" | "hatch" | "dots";

/** Marks drawn over the colour: light lines on light-mode colours, dark ones in dark mode. */
const INK = "var(--on-series)";

function PatternMarks({ pattern }: { pattern: SegmentPattern }) {
  if (pattern === "hatch") {
    return (
      <path
        d="M-1,7 L7,-1 M-1,1 L1,-1 M5,7 L7,5"
        stroke={INK}
        strokeWidth={1.4}
        strokeOpacity={0.7}
      />
    );
  }
  if (pattern === "dots") return <circle cx={3} cy={3} r={1.1} fill={INK} fillOpacity={0.75} />;
  return null;
}

/** A `<pattern>` of `color` + `pattern`, 6 px tiles, for `fill="url(#id)"`. */
export function PatternDef({
  id,
  color,
  pattern,
}: {
  id: string;
  color: string;
  pattern: SegmentPattern;
}) {
  return (
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse">
      <rect width={6} height={6} fill={color} />
      <PatternMarks pattern={pattern} />
    </pattern>
  );
}

/** The fill for a segment: its colour when solid, else the pattern with `id`. */
export function patternFill(id: string, color: string, pattern: SegmentPattern): string {
  return pattern === "solid" ? color : `url(#${id})`;
}

/** A 12 px legend swatch with the same fill as the segments. */
export function PatternSwatch({ color, pattern }: { color: string; pattern: SegmentPattern }) {
  const id = useId();
  return (
    <svg width="12" height="12" aria-hidden="true" className="shrink-0 rounded-sm">
      {pattern !== "solid" && (
        <defs>
          <PatternDef id={id} color={color} pattern={pattern} />
        </defs>
      )}
      <rect width="12" height="12" rx="2" fill={patternFill(id, color, pattern)} />
    </svg>
  );
}
