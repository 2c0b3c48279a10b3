/**
 * An equation the build already typeset with KaTeX (see build/rehypeKatexHtml.ts). The HTML is
 * produced at build time from the article's own TeX, never from anything a visitor supplies.
 *
 * KaTeX's visible markup is `aria-hidden` (screen readers read its MathML), so nothing inside it
 * may take focus. An inline formula that is one whole term (`term`) is instead wrapped in a real
 * button: focusing or hovering it lights the term in the figures, pressing it keeps it lit.
 */
import { useContext } from "react";
import { isTerm, TERM_NAMES } from "../content/terms";
import { PinnedTermContext, usePinnedTerm } from "./explainerContext";

export function Tex({ html, term, shown }: { html: string; term?: string; shown?: string }) {
  const pinning = useContext(PinnedTermContext);
  const pinned = usePinnedTerm(pinning);
  // Build-time KaTeX output of our own content (see the comment above), never visitor input.
  const markup = { __html: html };
  if (!pinning || !isTerm(term)) return <span className="tex" dangerouslySetInnerHTML={markup} />;
  const pressed = pinned === term;
  return (
    <button
      type="button"
      className="tex term-button"
      data-term={term}
      aria-pressed={pressed}
      // Starts with what the button shows (WCAG 2.5.3), then says what it is.
      aria-label={`${shown ? `${shown}, ` : ""}${TERM_NAMES[term]}: show in the figures`}
      onClick={() => pinning.pin(pressed ? null : term)}
      dangerouslySetInnerHTML={markup}
    />
  );
}
