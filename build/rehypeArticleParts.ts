/**
 * A rehype plugin for the article (MDX): put each run of prose between two figures into one
 * `<div class="…">` (the class is an option: src/content/articleParts.ts), so the article's top level is parts and figures, alternating.
 * In the browser the prerendered parts are adopted as static HTML and only the figures are
 * hydrated (src/pages/explainer/ArticleBody.tsx); the parts have `display: contents`, so the
 * layout is the article's own. A figure is a top-level JSX element whose name ends in "Figure"
 * (`<LossVsPtFigure />`); imports and exports stay at the top level, where MDX needs them.
 */
import type { ElementContent, Root, RootContent } from "hast";

export function isFigureNode(node: RootContent): boolean {
  const n = node as { type: string; name?: string | null };
  return n.type === "mdxJsxFlowElement" && typeof n.name === "string" && /Figure$/.test(n.name);
}

export default function rehypeArticleParts(options: { partClass: string }) {
  return (tree: Root) => {
    const top: RootContent[] = [];
    let prose: RootContent[] = [];
    const endPart = () => {
      top.push({
        type: "element",
        tagName: "div",
        properties: { className: [options.partClass] },
        children: prose as ElementContent[],
      });
      prose = [];
    };
    for (const node of tree.children) {
      if ((node as { type: string }).type === "mdxjsEsm") top.push(node);
      else if (isFigureNode(node)) {
        endPart();
        top.push(node);
      } else prose.push(node);
    }
    endPart();
    tree.children = top;
  };
}
