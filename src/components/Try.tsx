/**
 * An instruction in the article that asks the reader to do something ("Change γ and watch…"):
 * shown as written when the page lets the reader do it, replaced by `instead` (or left out)
 * when a lesson link hides what it needs, so the article never asks a class to move a slider
 * it cannot see. In the article: `<Try needs="controls" instead="…">Change γ and …</Try>`.
 *
 * Both texts are in the HTML; the page's `hide-<part>` classes choose which one shows
 * (styles.css, one rule per part a lesson can hide). The article is static HTML that React does
 * not hydrate (pages/explainer/ArticleBody.tsx), so the choice must not need React, and a
 * lesson link shows the right text from the first paint.
 */
import type { ReactNode } from "react";

export function Try(props: {
  /** Space-separated `hide=` values the instruction needs: all must be shown. */
  needs: string;
  /** What to say when one of them is hidden; nothing when absent. */
  instead?: string;
  children: ReactNode;
}) {
  return (
    <>
      <span className="try" data-needs={props.needs}>
        {props.children}
      </span>
      {props.instead && (
        <span className="try-instead" data-needs={props.needs}>
          {props.instead}
        </span>
      )}
    </>
  );
}
