/**
 * An instruction in the article that asks the reader to do something ("Change γ and watch…"):
 * shown as written when the page lets the reader do it, replaced by `instead` (or left out)
 * when a lesson link hides what it needs, so the article never asks a class to move a slider
 * it cannot see. In the article: `<Try needs="controls" instead="…">Change γ and …</Try>`.
 */
import { createContext, type ReactNode, useContext } from "react";

/** The parts of the page a lesson link hides (`hide=` values). Empty on an ordinary page. */
export const HiddenPartsContext = createContext<readonly string[]>([]);

export function Try(props: {
  /** Space-separated `hide=` values the instruction needs: all must be shown. */
  needs: string;
  /** What to say when one of them is hidden; nothing when absent. */
  instead?: string;
  children: ReactNode;
}) {
  const hidden = useContext(HiddenPartsContext);
  const possible = props.needs
    .split(/\s+/)
    .filter(Boolean)
    .every((part) => !hidden.includes(part));
  if (possible) return <>{props.children}</>;
  return props.instead ? <>{props.instead}</> : null;
}
