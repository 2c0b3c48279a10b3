/**
 * A rehype plugin for MDX: typeset every `$…$` / `$$…$$` (from remark-math) with KaTeX at build
 * time and hand it to the page as one HTML string (`<Tex html="…" />`) instead of thousands of
 * JSX elements. The page then ships compact, already-typeset markup and none of KaTeX's code.
 * Only `\htmlClass` is trusted: the article uses it to tie equation terms to the figures.
 */
import type { Element, ElementContent, Root } from "hast";
import katex from "katex";
import { SKIP, visit } from "unist-util-visit";

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

/** The MDX JSX element `<Tex html="…" />`, rendered by the page's `Tex` component. */
function texElement(html: string): ElementContent {
  return {
    type: "mdxJsxTextElement",
    name: "Tex",
    attributes: [{ type: "mdxJsxAttribute", name: "html", value: html }],
    children: [],
  } as unknown as ElementContent;
}

export default function rehypeKatexHtml() {
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
      const html = katex.renderToString(textOf(code), { ...KATEX_OPTIONS, displayMode: display });
      parent.children[index] = texElement(html);
      return SKIP;
    });
  };
}
