/** Every instruction of the article names parts a lesson can hide, and offers text that fits. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXPLAINER_CHART_IDS } from "../state/charts";
import { HIDEABLE } from "../state/lesson";

// The article without its MDX comments (the header explains <Try> with an example).
const ARTICLE = readFileSync(new URL("./article.mdx", import.meta.url), "utf8").replace(
  /\{\/\*[\s\S]*?\*\/\}/g,
  "",
);
const TRIES = [
  ...ARTICLE.matchAll(/<Try needs="([^"]*)"(?: instead="([^"]*)")?>([\s\S]*?)<\/Try>/g),
];

describe("the article's instructions (<Try>)", () => {
  it("exist, and each names only parts that a lesson link can hide", () => {
    expect(TRIES.length).toBeGreaterThanOrEqual(3);
    for (const [, needs] of TRIES) {
      const parts = (needs ?? "").split(/\s+/).filter(Boolean);
      expect(parts.length).toBeGreaterThan(0);
      for (const part of parts) expect(HIDEABLE).toContain(part);
    }
  });

  it("ask the reader to move a control only inside a <Try> that needs it", () => {
    // The imperative instructions of the article, wherever they are.
    const imperatives = /\b(Change γ|Slide \$R\$|Set Figure 5|Drag|Move the)\b/g;
    const outside = ARTICLE.replace(/<Try[\s\S]*?<\/Try>/g, "");
    expect(outside.match(imperatives)).toBeNull();
    for (const [, needs, , text] of TRIES) {
      if (/Change γ/.test(text ?? "")) expect(needs).toContain("controls");
      if (/Slide \$R\$|Set Figure 5/.test(text ?? "")) expect(needs).toContain("figure-controls");
    }
  });

  it("never ask for a control in the text shown instead", () => {
    for (const [, , instead] of TRIES) {
      expect(instead ?? "").not.toMatch(/\b(change|move|slide|set|drag)\b/i);
    }
  });
});

describe("the page's CSS for lesson links (styles.css)", () => {
  // Read by path from the repository root (vitest's working directory): content does not import CSS.
  const CSS = readFileSync("src/styles.css", "utf8");
  const rule = (selector: string) => new RegExp(`(^|,\\s*)${selector}\\s*[,{]`, "m");
  const esc = (s: string) => s.replace(/[.[\]"~#-]/g, (c) => `\\${c}`);

  it("swaps every instruction for its `instead` text for each part a lesson can hide", () => {
    for (const part of HIDEABLE) {
      expect(CSS).toMatch(rule(esc(`.hide-${part} .try[data-needs~="${part}"]`)));
      expect(CSS).toMatch(rule(esc(`.hide-${part} .try-instead[data-needs~="${part}"]`)));
    }
  });

  it("hides every figure a lesson can hide", () => {
    for (const id of EXPLAINER_CHART_IDS) expect(CSS).toMatch(rule(esc(`.hide-${id} #${id}`)));
  });
});
