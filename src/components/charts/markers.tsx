/**
 * Point markers that tell series apart without colour (WCAG 1.4.1): a few shapes drawn along a
 * line, and the same shape in its legend swatch.
 */
export type MarkerShape = "circle" | "square" | "triangle" | "diamond";

/** One marker of `shape`, centred on (x, y), about 7 px across. */
export function MarkerGlyph({
  shape,
  x,
  y,
  color,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  color: string;
}) {
  const common = { fill: color, stroke: "var(--panel)", strokeWidth: 1 };
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={3.5} {...common} />;
    case "square":
      return <rect x={x - 3.2} y={y - 3.2} width={6.4} height={6.4} {...common} />;
    case "triangle":
      return <path d={`M${x},${y - 4.2}L${x + 4},${y + 3}L${x - 4},${y + 3}Z`} {...common} />;
    case "diamond":
      return (
        <path d={`M${x},${y - 4.5}L${x + 4.5},${y}L${x},${y + 4.5}L${x - 4.5},${y}Z`} {...common} />
      );
  }
}

/**
 * Indexes of `count` points spread evenly along a series of `length` points (ends excluded, so
 * markers of series that meet at an end stay apart), shifted by `phase` (0…1) so that markers
 * of overlapping series do not sit on top of each other.
 */
export function markerIndexes(length: number, count: number, phase = 0): number[] {
  if (length < 3 || count <= 0) return [];
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = (i + 0.5 + phase * 0.25) / count;
    out.push(Math.min(length - 2, Math.max(1, Math.round(t * (length - 1)))));
  }
  return [...new Set(out)];
}
