/**
 * A rehype plugin for MDX: typeset every `$…$` / `$$…$$` (from remark-math) with KaTeX at build
 * time and hand it to the page as one HTML string (`<Tex html="…" />`) instead of thousands of
 * JSX elements. The page then ships compact, already-typeset markup and none of KaTeX's code.
 * Only `\htmlClass` is trusted: the article uses it to tie equation terms to the figures.
 * KaTeX's inline styles become classes of `styles` (see katexStyles.ts), so the page needs no
 * `'unsafe-inline'` in its Content-Security-Policy.
 */
import type { Element, ElementContent, Root } from "hast";
import katex from "katex";
import { SKIP, visit } from "unist-util-visit";
import { inlineStylesToClasses, type StyleRegistry } from "./katexStyles";

const KATEX_OPTIONS = {
  throwOnError: true,
  strict: false,
  output: "htmlAndMathml",
  trust: (context: { command: string }) => context.command === "\\htmlClass",
} as const;

function classesOf(node: Element): string[] {
  const c = node.properties?.className;
  // hast keeps className as an array (mdast-util-to-hast always writes one).
  return Array.isArray(c) ? c.map(String) : [];
}

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/**
 * The term an inline formula consists of, when it is exactly one `\htmlClass{term-…}{…}` (such
 * as `$\htmlClass{term-gamma}{\gamma}$`): the page makes that formula a button that shows the
 * term in the figures. Display equations and formulas with several terms stay plain text.
 */
export function wholeTerm(tex: string): string | undefined {
  const m = /^\s*\\htmlClass\{term-(\w+)\}\{[\s\S]*\}\s*$/.exec(tex);
  if (!m) return undefined;
  return tex.match(/\\htmlClass\{/g)?.length === 1 ? m[1] : undefined;
}

/**
 * The text KaTeX's visible markup shows (`(1−pt)γ`), for a term button's accessible name, which
 * must contain the visible label (WCAG 2.5.3).
 */
export function visibleText(html: string): string {
  const start = html.indexOf('class="katex-html"');
  return html
    .slice(start < 0 ? 0 : start)
    .replace(/^[^>]*>/, "")
    .replace(/<[^>]*>/g, "")
    .replace(/[\s\u200b]+/g, "");
}

/** The MDX JSX element `<Tex html="…" term="…" shown="…" />`, rendered by the page's `Tex`. */
function texElement(html: string, term: string | undefined): ElementContent {
  const attributes = [{ type: "mdxJsxAttribute", name: "html", value: html }];
  if (term) {
    attributes.push({ type: "mdxJsxAttribute", name: "term", value: term });
    attributes.push({ type: "mdxJsxAttribute", name: "shown", value: visibleText(html) });
  }
  return {
    type: "mdxJsxTextElement",
    name: "Tex",
    attributes,
    children: [],
  } as unknown as ElementContent;
}

export default function rehypeKatexHtml({ styles }: { styles: StyleRegistry }) {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (!parent || index === undefined) return;
      const code =
        node.tagName === "pre"
          ? node.children.find((c): c is Element => c.type === "element")
          : node;
      if (!code || code.tagName !== "code") return;
      const classes = classesOf(code);
      const display = classes.includes("math-display");
      if (!display && !classes.includes("math-inline")) return;
      const tex = textOf(code);
      const html = inlineStylesToClasses(
        katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display }),
        styles,
      );
      parent.children[index] = texElement(html, display ? undefined : wholeTerm(tex));
      return SKIP;
    });
  };
}
