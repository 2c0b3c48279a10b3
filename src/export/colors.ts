/**
 * Any CSS colour the browser computed (rgb(), rgba(), oklch(), color(srgb …)) as a hex colour
 * and an alpha, by painting it on a 1×1 canvas: SVG editors read hex, not every CSS syntax.
 */

const cache = new Map<string, { hex: string; alpha: number }>();
let context: CanvasRenderingContext2D | null = null;

export function resolveColor(css: string): { hex: string; alpha: number } {
  const hit = cache.get(css);
  if (hit) return hit;
  const simple = css.match(/^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/);
  let result: { hex: string; alpha: number };
  if (simple) {
    const [r, g, b] = [simple[1], simple[2], simple[3]].map(Number) as [number, number, number];
    result = { hex: toHex(r, g, b), alpha: simple[4] === undefined ? 1 : Number(simple[4]) };
  } else {
    context ??= document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    if (!context) return { hex: "#000000", alpha: 1 };
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = css;
    context.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0, a = 255] = context.getImageData(0, 0, 1, 1).data;
    result = { hex: toHex(r, g, b), alpha: Math.round((a / 255) * 1000) / 1000 };
  }
  cache.set(css, result);
  return result;
}

function toHex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}
