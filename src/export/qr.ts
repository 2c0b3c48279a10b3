/**
 * A QR code for a link, as one SVG path (lean-qr encodes; we draw): dark modules merged into
 * horizontal runs, in module units, inside the 4-module quiet zone the standard asks for.
 * Pure: no DOM, so it is tested in Node by decoding it back.
 */
import { correction, generate } from "lean-qr";

/** The light margin around the symbol, in modules (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

export interface QrSymbol {
  /** Modules across, quiet zone included: the SVG's viewBox is 0 0 size size. */
  size: number;
  /** The dark modules as an SVG path in module units. */
  path: string;
}

/** Encode `text` (level M: about 15 % of the symbol may be damaged and it still reads). */
export function qrSymbol(text: string): QrSymbol {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const parts: string[] = [];
  for (let y = 0; y < code.size; y += 1) {
    let x = 0;
    while (x < code.size) {
      if (!code.get(x, y)) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < code.size && code.get(x, y)) x += 1;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  }
  return { size: code.size + 2 * QUIET_ZONE, path: parts.join("") };
}

/** The symbol as a standalone SVG document: black on white whatever the page's theme. */
export function qrSvg(symbol: QrSymbol, pixels: number, title: string): string {
  const esc = title.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" ` +
    `viewBox="0 0 ${symbol.size} ${symbol.size}" shape-rendering="crispEdges">` +
    `<title>${esc}</title><rect width="${symbol.size}" height="${symbol.size}" fill="#ffffff"/>` +
    `<path d="${symbol.path}" fill="#000000"/></svg>`
  );
}
