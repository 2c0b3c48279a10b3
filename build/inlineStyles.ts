/**
 * The site's stylesheet inside the HTML of the prerendered pages (issue 12, docs/benchmarks.md,
 * "Fifth pass"). A `<link rel="stylesheet">` holds the first paint for one more round trip; on
 * a slow mobile link (Lighthouse's: 562.5 ms per request, 1.47 Mbit/s, CPU 4×) `/` painted
 * 0.5-1.8 s sooner with the rules in the page (6 of 6 side-by-side pairs), `/train/` 1.2-1.3 s.
 *
 * For every page the build writes, the Content-Security-Policy stays as strict as before, by two
 * policies a browser enforces together: the host's header allows inline styles (`style-src 'self' 'unsafe-inline'`,
 * public/_headers), and each page narrows that with a `<meta>` policy that allows only the hashes
 * of its own `<style>` elements (none on pages with none). A host still sending the old header
 * (`style-src 'self'`) blocks the inline rules; the page then loads the same rules from the file
 * the build keeps (src/pages/restoreBlockedStyles.ts).
 */
import { createHash } from "node:crypto";
import type { Plugin } from "vite";

/** The pages whose stylesheets go inside their HTML: the prerendered ones (build/prerender.ts). */
export const INLINE_STYLE_PAGES = ["index.html", "train/index.html"];

/** A stylesheet link as Vite writes it into a page: the prefix up to `assets/`, and the file. */
const STYLESHEET_LINK =
  /<link rel="stylesheet"(?: crossorigin)? href="((?:\.\.?\/)+)(assets\/[^"]+\.css)">/g;

export interface StylesheetLink {
  tag: string;
  /** From the page to the site's root: "./" or "../". */
  prefix: string;
  /** The file in the build, e.g. "assets/site-1a2b.css". */
  file: string;
}

export function stylesheetLinks(html: string): StylesheetLink[] {
  return [...html.matchAll(STYLESHEET_LINK)].map((m) => ({
    tag: m[0],
    prefix: m[1] ?? "",
    file: m[2] ?? "",
  }));
}

/**
 * A stylesheet from `assets/` with its relative URLs (KaTeX's fonts: `url(./x.woff2)`) made
 * relative to a page at `prefix` instead. Any other relative URL is an error: it would resolve
 * against the page and load nothing.
 */
export function rebaseCssUrls(css: string, prefix: string): string {
  return css.replace(/url\(\s*(["']?)([^)"']*)\1\s*\)/g, (whole, quote: string, url: string) => {
    if (/^(data:|#|[a-z][a-z0-9+.-]*:|\/)/i.test(url)) return whole;
    if (!url.startsWith("./"))
      throw new Error(`inlineStyles: cannot rebase url(${url}) (only ./ URLs are expected)`);
    return `url(${quote}${prefix}assets/${url.slice(2)}${quote})`;
  });
}

/** The CSP hash-source of a `<style>` element's text. */
export function styleHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The page's `<meta>` policy: its own inline styles (by hash) and the site's files, nothing else. */
export function stylePolicy(hashes: readonly string[]): string {
  return ["style-src 'self'", ...hashes].join(" ");
}

const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;

/** `html` with the `<meta>` policy right after its charset, before any style or script. */
export function withStylePolicy(html: string, hashes: readonly string[]): string {
  const charset = html.match(CHARSET);
  if (!charset || charset.index === undefined)
    throw new Error("inlineStyles: the page has no <meta charset> to put its policy after");
  const at = charset.index + charset[0].length;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${stylePolicy(hashes)}" />`;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
}

/**
 * `html` with each link to one of `files` replaced by a `<style>` holding the same rules, and
 * the hashes of those styles. The style names its file (`data-href`) for the fallback.
 */
export function inlineStylesheets(
  html: string,
  files: ReadonlySet<string>,
  read: (file: string) => string,
): { html: string; hashes: string[] } {
  const hashes: string[] = [];
  let out = html;
  for (const link of stylesheetLinks(html)) {
    if (!files.has(link.file)) continue;
    const style = styleFor(link.file, link.prefix, read);
    hashes.push(style.hash);
    out = out.replace(link.tag, () => style.tag);
  }
  return { html: out, hashes };
}

/** A `<style>` with `file`'s rules for a page at `prefix`, naming its file, and its hash. */
function styleFor(
  file: string,
  prefix: string,
  read: (file: string) => string,
): { tag: string; hash: string } {
  const text = rebaseCssUrls(read(file), prefix);
  if (/<\/style/i.test(text)) throw new Error(`inlineStyles: ${file} contains </style`);
  return { tag: `<style data-href="${prefix}${file}">${text}</style>`, hash: styleHash(text) };
}

/** From a page of the build (e.g. "train/index.html") to the site's root: "./" or "../". */
export function prefixFor(page: string): string {
  return "../".repeat(page.split("/").length - 1) || "./";
}

/**
 * `html` with a `<style>` for each of `files` (rebased for a page at `prefix`) at the end of its
 * head, and their hashes: rules the page's prerendered HTML needs that no link of it names.
 */
export function appendStylesheets(
  html: string,
  prefix: string,
  files: readonly string[],
  read: (file: string) => string,
): { html: string; hashes: string[] } {
  const styles = files.map((file) => styleFor(file, prefix, read));
  const at = html.indexOf("</head>");
  if (at < 0) throw new Error("inlineStyles: the page has no </head>");
  const tags = styles.map((st) => st.tag).join("");
  return {
    html: `${html.slice(0, at)}${tags}${html.slice(at)}`,
    hashes: styles.map((st) => st.hash),
  };
}

/** The files every page links: each page has them, as a link or inline. */
export function linkedByEveryPage(pages: readonly string[]): Set<string> {
  const sets = pages.map((html) => new Set(stylesheetLinks(html).map((l) => l.file)));
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((file) => rest.every((s) => s.has(file))));
}

/**
 * Inline the stylesheet every page links into `pages` (the prerendered ones), and give every
 * page its `<meta>` style policy. `alsoCssOf`: modules whose chunk's CSS the prerendered HTML
 * needs too, though that chunk loads later or never (the article's: KaTeX's layout classes,
 * build/katexStylesPlugin.ts); it is added to those pages as well, and stays a dependency of its
 * chunk for pages that render it in the browser. Runs in `generateBundle` after the prerender
 * (the pages' HTML is final) and before Workbox lists the files for the offline precache.
 */
export function inlineStylesPlugin(
  pages: readonly string[],
  { alsoCssOf }: { alsoCssOf?: RegExp } = {},
): Plugin {
  return {
    name: "focal-loss-explorer:inline-styles",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const source = (file: string): string => {
        const asset = bundle[file];
        if (asset?.type !== "asset") throw new Error(`inlineStyles: ${file} is not in the bundle`);
        return String(asset.source);
      };
      const htmlFiles = Object.keys(bundle).filter((f) => f.endsWith(".html"));
      for (const page of pages)
        if (!htmlFiles.includes(page)) throw new Error(`inlineStyles: no page ${page}`);
      const shared = linkedByEveryPage(htmlFiles.map(source));
      if (shared.size === 0) throw new Error("inlineStyles: no stylesheet is linked by every page");
      const extra = new Set<string>();
      for (const chunk of Object.values(bundle))
        if (chunk.type === "chunk" && alsoCssOf && chunk.moduleIds.some((m) => alsoCssOf.test(m)))
          for (const file of chunk.viteMetadata?.importedCss ?? []) extra.add(file);
      if (alsoCssOf && extra.size === 0)
        throw new Error(`inlineStyles: no chunk with CSS holds a module matching ${alsoCssOf}`);
      for (const file of htmlFiles) {
        const asset = bundle[file];
        if (asset?.type !== "asset") continue;
        let html = String(asset.source);
        const hashes: string[] = [];
        if (pages.includes(file)) {
          const linked = inlineStylesheets(html, shared, source);
          const added = appendStylesheets(
            linked.html,
            prefixFor(file),
            [...extra].filter((f) => !shared.has(f)),
            source,
          );
          html = added.html;
          hashes.push(...linked.hashes, ...added.hashes);
        }
        asset.source = withStylePolicy(html, hashes);
      }
      // A lazy chunk lists the CSS of the chunks it imports, and Vite's preload helper fetches
      // any such file that no <link> in the page names: a page with the rules inline would
      // fetch and apply them a second time (a full restyle of the page). Every page has these.
      for (const chunk of Object.values(bundle))
        if (chunk.type === "chunk")
          for (const file of shared) chunk.viteMetadata?.importedCss.delete(file);
    },
  };
}

/**
 * What is wrong with a built page's styles, for the check after the build (build/checkBundles.ts):
 * its `<meta>` policy must come before any style, link or script and allow exactly the hashes of
 * its `<style>` elements; `inline` pages must have their rules inline and link no stylesheet.
 */
export function stylePolicyProblems(html: string, inline: boolean): string[] {
  const problems: string[] = [];
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
  const first = metas[0];
  if (metas.length !== 1 || first?.index === undefined)
    return [`${metas.length} <meta> policies, not one`];
  const firstTag = html.search(/<(style|link|script)\b/);
  if (firstTag >= 0 && firstTag < first.index)
    problems.push("a style, link or script before the policy");
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? "");
  const wanted = stylePolicy(styles.map(styleHash));
  if (first[1] !== wanted)
    problems.push(`policy "${first[1]?.slice(0, 80)}…" is not "${wanted.slice(0, 80)}…"`);
  if (inline && styles.length === 0) problems.push("no inline stylesheet");
  if (inline && stylesheetLinks(html).length > 0)
    problems.push("a stylesheet link holds the first paint");
  return problems;
}
