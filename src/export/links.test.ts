import { describe, expect, it } from "vitest";
import { chartLink, embedSnippet, embedUrl, fileStem, settingsOf, siteRootOf } from "./links";

describe("site root", () => {
  it("drops query, hash and file name, on a domain root or under a sub-path", () => {
    expect(siteRootOf("https://x.org/?gamma=2#gradient", "")).toBe("https://x.org/");
    expect(siteRootOf("https://x.org/course/focal/index.html?a=1", "")).toBe(
      "https://x.org/course/focal/",
    );
  });

  it("climbs out of a page's own folder", () => {
    expect(siteRootOf("https://x.org/focal/train/?run=1", "train/")).toBe("https://x.org/focal/");
  });
});

describe("links to a chart", () => {
  it("replace the state, keep other parameters and point at the chart", () => {
    expect(
      chartLink("http://h/?gamma=1&hide=controls#old", "gamma=0.5&alpha=0.25", "down-weighting"),
    ).toBe("http://h/?gamma=0.5&alpha=0.25&hide=controls#down-weighting");
  });

  it("pick the chart's settings in its own order", () => {
    expect(
      settingsOf("gamma=2&alpha=0.25&ratio=1000&family=0&logy=1", ["gamma", "family", "logy"]),
    ).toEqual([
      ["gamma", "2"],
      ["family", "0"],
      ["logy", "1"],
    ]);
  });

  it("build the embed URL with the chart first and options last", () => {
    expect(embedUrl("https://x.org/f/", "gradient", [["gamma", "2"]], "theme=dark")).toBe(
      "https://x.org/f/embed/?chart=gradient&gamma=2&theme=dark",
    );
    expect(embedUrl("https://x.org/", "gradient", [])).toBe("https://x.org/embed/?chart=gradient");
  });
});

describe("embed code", () => {
  const base = {
    url: "https://x.org/embed/?chart=gradient&gamma=2",
    title: 'The "gradient" <figure>',
    height: 612.4,
    siteRoot: "https://x.org/",
  };

  it("is an iframe with an escaped title and aria-label and a default height", () => {
    const code = embedSnippet({ ...base, withScript: false });
    expect(code).toContain('src="https://x.org/embed/?chart=gradient&amp;gamma=2"');
    expect(code).toContain(
      'title="The &quot;gradient&quot; &lt;figure&gt; (interactive chart, Focal Loss Explorer)"',
    );
    expect(code).toContain('aria-label="The &quot;gradient&quot;');
    expect(code).toContain('height="612"');
    expect(code).not.toContain("<script");
  });

  it("adds the resize script from the site's own origin on request", () => {
    const code = embedSnippet({ ...base, withScript: true });
    expect(code.split("\n")[1]).toBe('<script src="https://x.org/embed.js" async></script>');
  });
});

describe("file names", () => {
  it("carry the settings and nothing a file system dislikes", () => {
    expect(
      fileStem("loss-vs-pt", [
        ["gamma", "2"],
        ["logy", "0"],
      ]),
    ).toBe("loss-vs-pt_gamma-2_logy-0");
    expect(fileStem("x", [["a", "b/c d"]])).toBe("x_a-b_c_d");
  });
});
