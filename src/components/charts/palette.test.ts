/**
 * Contrast of the palette, read from src/styles.css (where every colour is written once, as
 * `light-dark(light, dark)`), in both schemes, by the WCAG 2.1 formulas: text ≥ 4.5:1
 * (1.4.3), curves, bars and axes ≥ 3:1 against what they are drawn on (1.4.11). Series colours
 * are held to 4.5:1 because they are also used as text (run labels, readouts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COLORS, FAMILY_COLORS } from "./palette";

/** sRGB relative luminance (WCAG 2.1). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const css = readFileSync("src/styles.css", "utf8");
const root = css.slice(css.indexOf(":root {"), css.indexOf("}", css.indexOf(":root {")));
const PALETTE = new Map<string, { light: string; dark: string }>();
for (const m of root.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) {
  PALETTE.set(m[1] ?? "", { light: (m[2] ?? "").toLowerCase(), dark: (m[3] ?? "").toLowerCase() });
}
const SCHEMES = ["light", "dark"] as const;

function color(name: string, scheme: (typeof SCHEMES)[number]): string {
  const entry = PALETTE.get(name);
  if (!entry) throw new Error(`--${name} is not in styles.css as light-dark(#rrggbb, #rrggbb)`);
  return entry[scheme];
}

/** The custom property names behind the charts' series colours (`var(--c-ce)` → `c-ce`). */
const SERIES = [...Object.values(COLORS), ...FAMILY_COLORS].map(
  (v) => /^var\(--([\w-]+)\)$/.exec(v)?.[1] ?? v,
);

/** Every pair below a floor, as readable lines (an empty list passes). */
function failures(pairs: [string, string][], floor: number): string[] {
  const out: string[] = [];
  for (const scheme of SCHEMES) {
    for (const [a, b] of pairs) {
      const r = contrast(color(a, scheme), color(b, scheme));
      if (r < floor) out.push(`${scheme}: --${a} on --${b} is ${r.toFixed(2)}:1 (< ${floor})`);
    }
  }
  return out;
}

const GROUNDS = ["bg", "panel"];

describe("the contrast formula", () => {
  it("gives WCAG's reference values", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrast("#ffffff", "#ffffff")).toBe(1);
  });

  it("reads every colour of the palette, in both schemes", () => {
    expect(PALETTE.size).toBeGreaterThan(25);
    for (const name of SERIES) expect(PALETTE.has(name), name).toBe(true);
    // A parse that lost the dark values would compare light with light and pass wrongly.
    expect(color("bg", "light")).not.toBe(color("bg", "dark"));
  });
});

describe("the palette's contrast, light and dark", () => {
  it("text: body, muted, links and error text ≥ 4.5:1 on the page and on panels", () => {
    const text = ["fg", "muted", "accent", "error-text"];
    expect(
      failures(
        text.flatMap((t) => GROUNDS.map((g) => [t, g] as [string, string])),
        4.5,
      ),
    ).toEqual([]);
  });

  it("text on coloured grounds: buttons, notices, labels inside bars ≥ 4.5:1", () => {
    const pairs: [string, string][] = [
      ["on-accent", "accent"],
      ["on-accent", "accent-hover"],
      ["warn-fg", "warn-bg"],
      ["warn-fg", "warn-hover"],
      ["error-fg", "error-bg"],
      ...SERIES.map((s) => ["on-series", s] as [string, string]),
    ];
    expect(failures(pairs, 4.5)).toEqual([]);
  });

  it("every curve and bar colour ≥ 4.5:1 against the page and the panel (≥ 3:1 needed, also used as text)", () => {
    expect(
      failures(
        SERIES.flatMap((s) => GROUNDS.map((g) => [s, g] as [string, string])),
        4.5,
      ),
    ).toEqual([]);
  });

  it("axes and the focus ring (the accent) ≥ 3:1 against what they are drawn on", () => {
    expect(
      failures(
        ["axis", "accent"].flatMap((s) => GROUNDS.map((g) => [s, g] as [string, string])),
        3,
      ),
    ).toEqual([]);
  });
});
