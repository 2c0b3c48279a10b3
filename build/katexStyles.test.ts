import katex from "katex";
import { describe, expect, it } from "vitest";
import { inlineStylesToClasses, normalizeStyle, StyleRegistry } from "./katexStyles";
import { visibleText, wholeTerm } from "./rehypeKatexHtml";

describe("KaTeX inline styles become classes", () => {
  it("leaves no style attribute in typeset HTML and keeps every class KaTeX wrote", () => {
    const html = katex.renderToString("\\mathrm{FL}(p_t) = -(1 - p_t)^\\gamma \\ln p_t", {
      displayMode: true,
      output: "htmlAndMathml",
    });
    expect(html).toMatch(/style="/);
    const registry = new StyleRegistry();
    const out = inlineStylesToClasses(html, registry);
    expect(out).not.toMatch(/style=/);
    expect(registry.size).toBeGreaterThan(3);
    const classesBefore = [...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]?.split(" "));
    const classesAfter = new Set(
      [...out.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]?.split(" ")),
    );
    for (const c of classesBefore) expect(classesAfter.has(c)).toBe(true);
    // Text content is untouched.
    const text = (s: string) => s.replace(/<[^>]*>/g, "");
    expect(text(out)).toBe(text(html));
  });

  it("gives one class per distinct style and writes its declarations as important rules", () => {
    const registry = new StyleRegistry();
    const a = inlineStylesToClasses('<span style="height:0.8em; top : -2em;">x</span>', registry);
    const b = inlineStylesToClasses(
      '<span class="vlist" style="height:0.8em;top:-2em">y</span>',
      registry,
    );
    const cls = /kx-[a-z0-9]+/.exec(a)?.[0];
    expect(cls).toBeDefined();
    expect(b).toBe(`<span class="vlist ${cls}">y</span>`);
    expect(registry.size).toBe(1);
    expect(registry.css()).toBe(`.katex .${cls}.${cls}{height:0.8em!important;top:-2em!important}`);
  });

  it("drops an empty style without registering it, and handles self-closing tags", () => {
    const registry = new StyleRegistry();
    expect(inlineStylesToClasses('<span style="">x</span>', registry)).toBe("<span>x</span>");
    expect(inlineStylesToClasses('<path d="M0 0" style="fill:red"/>', registry)).toMatch(
      /^<path d="M0 0" class="kx-[a-z0-9]+"\/>$/,
    );
    expect(registry.size).toBe(1);
  });

  it("normalizes whitespace and trailing semicolons", () => {
    expect(normalizeStyle(" height : 1em ; margin-right:0.05em; ")).toBe(
      "height:1em;margin-right:0.05em",
    );
  });
});

describe("which inline formulas become term buttons", () => {
  it("is a formula that is exactly one term", () => {
    expect(wholeTerm("\\htmlClass{term-gamma}{\\gamma}")).toBe("gamma");
    expect(wholeTerm(" \\htmlClass{term-mod}{(1 - p_t)^\\gamma} ")).toBe("mod");
    expect(wholeTerm("\\htmlClass{term-alpha}{\\alpha_t}\\,\\htmlClass{term-mod}{x}")).toBe(
      undefined,
    );
    expect(wholeTerm("-\\htmlClass{term-alpha}{\\alpha_t} \\ln p_t")).toBe(undefined);
    expect(wholeTerm("p_t")).toBe(undefined);
  });
});

describe("the text a typeset formula shows", () => {
  it("is KaTeX's visible text without its zero-width spaces, for a button's name", () => {
    const html = katex.renderToString("(1 - p_t)^\\gamma", { output: "htmlAndMathml" });
    expect(visibleText(html)).toBe("(1−pt)γ");
    expect(visibleText(katex.renderToString("\\mathrm{CE}", { output: "htmlAndMathml" }))).toBe(
      "CE",
    );
  });
});
