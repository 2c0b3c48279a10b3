/** The score maps' legend is drawn by classes and CSS, and must say what the overlay does. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { overlay, SCALE_TICKS, scoreScaleGradient } from "./HeatmapCanvas";

describe("the score maps' legend", () => {
  it("puts each tick at √t of the bar, where the overlay reaches that score's strength", () => {
    for (const { t, at } of SCALE_TICKS) {
      const percent = at === "left-0" ? 0 : Number(/^left-\[([\d.]+)%\]$/.exec(at)?.[1]);
      expect(percent, `tick ${t}`).toBeCloseTo(Math.sqrt(t) * 100, 2);
    }
  });

  it("draws the bar in the stylesheet exactly as the overlay blends a mid-grey pixel", () => {
    const css = readFileSync("src/styles.css", "utf8").replace(/\s+/g, " ");
    expect(css).toContain(`.score-scale-bar { background: ${scoreScaleGradient()}; }`);
    // The bar's ends: grey under score 0, full orange under score 1.
    expect(scoreScaleGradient()).toMatch(/^linear-gradient\(to right, rgb\(100 100 100\) 0%, /);
    expect(overlay(100, 1)).toEqual([255, 110, 0]);
  });
});
