/**
 * An equation the build already typeset with KaTeX (see build/rehypeKatexHtml.ts). The HTML is
 * produced at build time from the article's own TeX, never from anything a visitor supplies.
 */
export function Tex({ html }: { html: string }) {
  // Build-time KaTeX output of our own content (see the comment above), never visitor input.
  return <span className="tex" dangerouslySetInnerHTML={{ __html: html }} />;
}
