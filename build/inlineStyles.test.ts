import { describe, expect, it } from "vitest";
import {
  appendStylesheets,
  inlineStylesheets,
  linkedByEveryPage,
  prefixFor,
  rebaseCssUrls,
  styleHash,
  stylePolicy,
  stylePolicyProblems,
  stylesheetLinks,
  withStylePolicy,
} from "./inlineStyles";

const page = (prefix: string, body = "") =>
  `<!doctype html>\n<html><head>\n    <meta charset="UTF-8" />\n    <title>t</title>\n    <script type="module" crossorigin src="${prefix}assets/e-1.js"></script>\n    <link rel="stylesheet" crossorigin href="${prefix}assets/site-1.css">\n    <link rel="stylesheet" crossorigin href="${prefix}assets/extra-2.css">\n  </head><body>${body}</body></html>`;

describe("rebaseCssUrls", () => {
  it("makes the stylesheet's ./ URLs relative to the page, quoted or not", () => {
    const css = `@font-face{src:url(./K-1.woff2)format("woff2"),url("./K-1.woff")}a{b:url('./x.svg')}`;
    expect(rebaseCssUrls(css, "./")).toBe(
      `@font-face{src:url(./assets/K-1.woff2)format("woff2"),url("./assets/K-1.woff")}a{b:url('./assets/x.svg')}`,
    );
    expect(rebaseCssUrls(css, "../")).toContain("url(../assets/K-1.woff2)");
  });

  it("leaves data:, absolute and fragment URLs alone and refuses any other relative URL", () => {
    const kept = "a{b:url(data:image/png;base64,AA==)}c{d:url(#m)}e{f:url(/x.png)}";
    expect(rebaseCssUrls(kept, "../")).toBe(kept);
    expect(() => rebaseCssUrls("a{b:url(font.woff2)}", "./")).toThrow(/cannot rebase/);
    expect(() => rebaseCssUrls("a{b:url(../font.woff2)}", "./")).toThrow(/cannot rebase/);
  });
});

describe("styleHash", () => {
  it("is the CSP sha256 source of the text (values from openssl dgst -sha256 | base64)", () => {
    expect(styleHash("a{color:red}")).toBe("'sha256-6hWWMOcF+mJesSJGYhmK2lkIIEw9Xc5XKGLPVzh8yxs='");
    expect(styleHash("b{background:url(../assets/f.woff2)}")).toBe(
      "'sha256-Jq3ULJstmofNrc+lgZcOdGPA/t0ysHj+i3mAr0050us='",
    );
  });
});

describe("inlineStylesheets", () => {
  const files: Record<string, string> = {
    "assets/site-1.css": "b{background:url(./f.woff2)}i{content:'$&'}",
    "assets/extra-2.css": "u{color:blue}",
  };

  it("replaces the links to the given files by their rules, rebased, and hashes each style", () => {
    const { html, hashes } = inlineStylesheets(
      page("../"),
      new Set(["assets/site-1.css"]),
      (f) => files[f] ?? "",
    );
    const text = "b{background:url(../assets/f.woff2)}i{content:'$&'}";
    expect(html).toContain(`<style data-href="../assets/site-1.css">${text}</style>`);
    expect(html).not.toContain('<link rel="stylesheet" crossorigin href="../assets/site-1.css">');
    // A file not asked for keeps its link.
    expect(stylesheetLinks(html).map((l) => l.file)).toEqual(["assets/extra-2.css"]);
    // The hash is of the text exactly as the page holds it.
    const inPage = html.match(/<style data-href="[^"]+">([^<]*)<\/style>/)?.[1];
    expect(inPage).toBe(text);
    expect(hashes).toEqual([styleHash(text)]);
  });

  it("refuses rules that would end the style element", () => {
    expect(() =>
      inlineStylesheets(page("./"), new Set(["assets/site-1.css"]), () => "a{b:'</style>'}"),
    ).toThrow(/<\/style/);
  });
});

describe("withStylePolicy", () => {
  it("puts the policy right after the charset, before any script, link or style", () => {
    const html = withStylePolicy(page("./"), ["'sha256-A'", "'sha256-B'"]);
    const meta = `<meta http-equiv="Content-Security-Policy" content="style-src 'self' 'sha256-A' 'sha256-B'" />`;
    const at = html.indexOf(meta);
    expect(at).toBeGreaterThan(html.indexOf('<meta charset="UTF-8" />'));
    expect(at).toBeLessThan(html.indexOf("<title>"));
    expect(at).toBeLessThan(html.indexOf("<script"));
    expect(at).toBeLessThan(html.indexOf("<link"));
  });

  it("allows no inline style at all on a page without hashes", () => {
    expect(stylePolicy([])).toBe("style-src 'self'");
    expect(withStylePolicy(page("./"), [])).toContain(`content="style-src 'self'" />`);
  });

  it("fails on a page without a charset declaration", () => {
    expect(() => withStylePolicy("<html><head></head></html>", [])).toThrow(/charset/);
  });
});

describe("linkedByEveryPage", () => {
  it("is the stylesheets all pages link", () => {
    const other = `<head><link rel="stylesheet" crossorigin href="../assets/site-1.css"></head>`;
    expect([...linkedByEveryPage([page("./"), page("../"), other])]).toEqual(["assets/site-1.css"]);
    expect(linkedByEveryPage([page("./"), "<head></head>"]).size).toBe(0);
  });
});

describe("stylePolicyProblems", () => {
  const files = new Set(["assets/site-1.css", "assets/extra-2.css"]);
  const inlined = () => {
    const { html, hashes } = inlineStylesheets(page("./"), files, () => "a{color:red}");
    return withStylePolicy(html, hashes);
  };

  it("passes a page built as the plugin builds it", () => {
    expect(stylePolicyProblems(inlined(), true)).toEqual([]);
    expect(stylePolicyProblems(withStylePolicy(page("../"), []), false)).toEqual([]);
  });

  it("finds a stale hash, a missing or late policy, and a page left with its links", () => {
    expect(
      stylePolicyProblems(inlined().replace("a{color:red}", "a{color:blue}"), true)[0],
    ).toMatch(/is not/);
    expect(stylePolicyProblems(page("./"), false)).toEqual(["0 <meta> policies, not one"]);
    const late = page("./").replace(
      "</head>",
      `<meta http-equiv="Content-Security-Policy" content="style-src 'self'" /></head>`,
    );
    expect(stylePolicyProblems(late, false)).toEqual(["a style, link or script before the policy"]);
    expect(stylePolicyProblems(withStylePolicy(page("./"), []), true)).toEqual([
      "no inline stylesheet",
      "a stylesheet link holds the first paint",
    ]);
  });
});

describe("appendStylesheets and prefixFor", () => {
  it("adds each file's rules, rebased and hashed, at the end of the head", () => {
    expect(prefixFor("index.html")).toBe("./");
    expect(prefixFor("train/index.html")).toBe("../");
    const { html, hashes } = appendStylesheets(
      page("../"),
      "../",
      ["assets/a-3.css"],
      () => "k{src:url(./K.woff2)}",
    );
    const text = "k{src:url(../assets/K.woff2)}";
    expect(html).toContain(`<style data-href="../assets/a-3.css">${text}</style></head>`);
    expect(hashes).toEqual([styleHash(text)]);
    expect(() => appendStylesheets(page("./"), "./", ["x.css"], () => "a{}</STYLE>")).toThrow(
      /<\/style/,
    );
  });
});
