import type { Root, RootContent } from "hast";
import { describe, expect, it } from "vitest";
import rehypeArticleParts from "./rehypeArticleParts";

const p = (text: string): RootContent => ({
  type: "element",
  tagName: "p",
  properties: {},
  children: [{ type: "text", value: text }],
});
// MDX's node types, as hast sees them after remark-mdx (not in hast's own types).
const figure = (name: string) => ({ type: "mdxJsxFlowElement", name }) as unknown as RootContent;
const esm = { type: "mdxjsEsm", value: "import x from 'y'" } as unknown as RootContent;
const nl: RootContent = { type: "text", value: "\n" };

function shape(tree: Root): string[] {
  return tree.children.map((n) => {
    const node = n as { type: string; name?: string; tagName?: string; children?: unknown[] };
    if (node.type === "element") return `${node.tagName}(${node.children?.length})`;
    return node.name ?? node.type;
  });
}

describe("rehypeArticleParts", () => {
  it("groups each run of prose between figures into one part; figures and imports stay on top", () => {
    const tree: Root = {
      type: "root",
      children: [
        esm,
        p("a"),
        nl,
        p("b"),
        figure("LossVsPtFigure"),
        nl,
        figure("GradientFigure"),
        p("c"),
      ],
    };
    rehypeArticleParts({ partClass: "part" })(tree);
    expect(shape(tree)).toEqual([
      "mdxjsEsm",
      "div(3)",
      "LossVsPtFigure",
      "div(1)",
      "GradientFigure",
      "div(1)",
    ]);
    const part = tree.children[1] as { properties: { className: string[] } };
    expect(part.properties.className).toEqual(["part"]);
  });

  it("leaves other JSX (an equation, an instruction) inside the prose", () => {
    const tree: Root = { type: "root", children: [p("a"), figure("Try"), figure("Tex")] };
    rehypeArticleParts({ partClass: "part" })(tree);
    expect(shape(tree)).toEqual(["div(3)"]);
  });
});
