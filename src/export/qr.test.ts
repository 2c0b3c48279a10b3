import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { QUIET_ZONE, qrSymbol } from "./qr";

/** Paint the path's runs (M x y h w v1 h-w z) into an RGBA image, `scale` pixels a module. */
function rasterize(path: string, size: number, scale: number) {
  const side = size * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py += 1) {
      for (let px = x * scale; px < (x + w) * scale; px += 1) {
        const i = (py * side + px) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return { data, side };
}

const LESSON =
  "https://example.org/focal-loss/?gamma=2&alpha=0.25&hide=controls,text,loss-budget&predict=downweight&note=Read+figure+3+first%2C+then+answer+%C2%AB%C3%A9t%C3%A9%C2%BB+%F0%9F%98%80";

describe("QR codes for lesson links", () => {
  it("decode back to the exact link with an independent reader (jsQR)", () => {
    for (const text of [LESSON, "http://127.0.0.1:4450/?predict=downweight", "x"]) {
      const { size, path } = qrSymbol(text);
      const { data, side } = rasterize(path, size, 4);
      const read = jsQR(data, side, side);
      expect(read?.data).toBe(text);
    }
  });

  it("keep the quiet zone light and draw only whole modules", () => {
    const { size, path } = qrSymbol(LESSON);
    const runs = [...path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
    // The path is nothing but runs, and every run lies inside the symbol.
    expect(runs.map((m) => m[0]).join("")).toBe(path);
    for (const [, x, y, w, back] of runs) {
      expect(Number(w)).toBe(Number(back));
      expect(Number(x)).toBeGreaterThanOrEqual(QUIET_ZONE);
      expect(Number(y)).toBeGreaterThanOrEqual(QUIET_ZONE);
      expect(Number(x) + Number(w)).toBeLessThanOrEqual(size - QUIET_ZONE);
      expect(Number(y)).toBeLessThan(size - QUIET_ZONE);
    }
    // Version 1 is 21 modules; each version adds 4.
    expect((size - 2 * QUIET_ZONE - 21) % 4).toBe(0);
  });

  it("a damaged symbol still reads (level M)", () => {
    const { size, path } = qrSymbol(LESSON);
    const { data, side } = rasterize(path, size, 4);
    // Blot out a block of modules in the lower right data area (about 2 % of the symbol).
    const from = Math.round(side * 0.6);
    const block = Math.round(side * 0.12);
    for (let y = from; y < from + block; y += 1) {
      for (let x = from; x < from + block; x += 1)
        data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
    expect(jsQR(data, side, side)?.data).toBe(LESSON);
  });
});
