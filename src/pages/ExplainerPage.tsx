import {
  type FocusEvent,
  memo,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { ControlBar } from "../components/ControlBar";
import { ExplainerContext, type Term } from "../components/explainerContext";
import { FreezeWhenHidden } from "../components/FreezeWhenHidden";
import { AlphaBalancedFigure } from "../components/figures/AlphaBalancedFigure";
import { DownweightFigure } from "../components/figures/DownweightFigure";
import { GradientFigure } from "../components/figures/GradientFigure";
import { LossBudgetFigure } from "../components/figures/LossBudgetFigure";
import { LossVsPtFigure } from "../components/figures/LossVsPtFigure";
import { ParamNotice } from "../components/ParamNotice";
import { SiteHeader } from "../components/SiteHeader";
import Article from "../content/article.mdx";
import { EXPLAINER_SCHEMA } from "../state/explainerState";
import { useUrlState } from "../state/useUrlState";

/** Wrap a figure so that it only follows the state while it is near the viewport. */
function lazy(Component: () => ReactNode) {
  const Lazy = () => (
    <FreezeWhenHidden>
      <Component />
    </FreezeWhenHidden>
  );
  Lazy.displayName = `Lazy(${Component.name})`;
  return Lazy;
}

/** The figures the article places by name; figures read the shared state from context. */
const FIGURES = {
  LossVsPtFigure: lazy(LossVsPtFigure),
  AlphaBalancedFigure: lazy(AlphaBalancedFigure),
  DownweightFigure: lazy(DownweightFigure),
  GradientFigure: lazy(GradientFigure),
  LossBudgetFigure: lazy(LossBudgetFigure),
};
const TERMS: readonly Term[] = ["pt", "mod", "alpha", "gamma", "ce"];

function termOf(target: EventTarget | null): Term | null {
  const el = target instanceof Element ? target.closest('[class*="term-"]') : null;
  const match = el?.className.toString().match(/term-(\w+)/);
  const term = match?.[1] as Term | undefined;
  return term && TERMS.includes(term) ? term : null;
}

/** The article, rendered once: only the figures inside it follow the state (through context). */
const ArticleBody = memo(function ArticleBody({ onTerm }: { onTerm: (t: Term | null) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Equation terms are focusable so keyboard users can tie them to the figures too.
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.katex [class*="term-"]') ?? []) {
      el.tabIndex = 0;
    }
  }, []);
  const onPoint = (e: PointerEvent | FocusEvent) => onTerm(termOf(e.target));
  return (
    <div
      ref={ref}
      className="article"
      onPointerOver={onPoint}
      onPointerLeave={() => onTerm(null)}
      onFocus={onPoint}
      onBlur={() => onTerm(null)}
    >
      <Article components={FIGURES} />
    </div>
  );
});

export function ExplainerPage() {
  const { state, update, issues, dismissIssues } = useUrlState(EXPLAINER_SCHEMA);
  const [highlight, setHighlight] = useState<Term | null>(null);
  const onTerm = useCallback((t: Term | null) => setHighlight(t), []);
  const context = useMemo(() => ({ state, update, highlight }), [state, update, highlight]);
  return (
    <ExplainerContext.Provider value={context}>
      <SiteHeader current="explainer" />
      <ParamNotice issues={issues} onDismiss={dismissIssues} />
      <ControlBar />
      <main className="mx-auto max-w-3xl px-4 pb-16">
        <h1 className="mt-8 text-3xl font-bold tracking-tight sm:text-4xl">Why focal loss works</h1>
        <p className="mt-3 text-lg text-[var(--muted)]">
          An interactive walk through Lin et al.'s <em>Focal Loss for Dense Object Detection</em>:
          move γ and α and every figure follows.
        </p>
        <ArticleBody onTerm={onTerm} />
      </main>
      <footer className="border-t border-[var(--grid)] py-6 text-center text-xs text-[var(--muted)]">
        Focal Loss Explorer — open source; works offline; sends no data anywhere.
      </footer>
    </ExplainerContext.Provider>
  );
}
