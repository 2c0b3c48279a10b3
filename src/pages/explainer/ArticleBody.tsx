/**
 * The article. On a prerendered page its HTML (prose, 88 typeset equations, the figures at their
 * default state) is adopted as it is: React does not hydrate it, so none of it is in the page's
 * JavaScript and none of its elements costs hydration work. Only the figures are hydrated, each in
 * its slot between the static parts (explainerFigures.tsx). What the article itself does in the
 * browser is done on its one element: terms lit on hover and focus, term buttons pinned on
 * press, wide equations made scrollable by keyboard. Lesson links choose between an instruction
 * and its `instead` text with CSS (components/Try.tsx).
 *
 * Where there is no server markup to adopt (the page was opened in present mode or asked a
 * question first, and the article mounts later; or in development), the article's own code is
 * loaded and rendered by React, with the figures in it.
 */
import {
  type ComponentType,
  createContext,
  type FocusEvent,
  type MouseEvent,
  memo,
  type PointerEvent,
  type RefObject,
  Suspense,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { PinnedTermContext, type Term } from "../../components/explainerContext";
import { ChunkBoundary, lazyPart } from "../../components/lazyPart";
import { ARTICLE_PART_CLASS } from "../../content/articleParts";
import { isTerm } from "../../content/terms";
import type { ExplainerChartId } from "../../state/charts";
import { isRootHydrating } from "../../state/hydration";
import { FigureSlot, isFigureSlot, openFigures, prefetchFigures } from "./explainerFigures";

/** The article's own code, with what it places by name. */
const Article = lazyPart(() =>
  Promise.all([import("../../content/article.mdx"), import("./articleComponents")]).then(
    ([article, { ARTICLE_COMPONENTS }]) => ({
      default: () => <article.default components={ARTICLE_COMPONENTS} />,
    }),
  ),
);

/**
 * The article's component, given by the build-time renderer (src/prerender/render.tsx), which
 * imports it directly: the server's markup then has no Suspense boundary around the article, so
 * the browser adopts it in the page's first hydration pass (a boundary would hydrate later, after
 * the linked state has reached the figures, and no longer match). Null in the browser.
 */
export const ServerArticleContext = createContext<ComponentType | null>(null);

/** Markup React leaves alone: an element whose inner HTML is set (here, by the server). */
const ADOPTED = { __html: "" };

/** The term under the pointer or focus: a term button, or a term inside a typeset equation. */
function termOf(target: EventTarget | null): Term | null {
  const el =
    target instanceof Element ? target.closest('[data-term], .katex [class*="term-"]') : null;
  if (!(el instanceof HTMLElement)) return null;
  const term = el.dataset.term ?? el.className.toString().match(/term-(\w+)/)?.[1];
  return isTerm(term) ? term : null;
}

/** The article's handlers that light the term under the pointer or focus (and none once it leaves). */
function termEvents(onTerm: (t: Term | null) => void) {
  const onPoint = (e: PointerEvent | FocusEvent) => onTerm(termOf(e.target));
  return {
    onPointerOver: onPoint,
    onPointerLeave: () => onTerm(null),
    onFocus: onPoint,
    onBlur: () => onTerm(null),
  };
}

/**
 * A display equation too wide for the screen scrolls: keyboard users can reach and scroll it.
 * Checked again whenever its size changes (fonts arriving, a rotated phone). `ready` turns true
 * once the article's markup is in `ref`.
 */
function useScrollableEquations(ref: RefObject<HTMLElement | null>, ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const displays = ref.current?.querySelectorAll<HTMLElement>(".katex-display") ?? [];
    const check = (el: HTMLElement) => {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.tabIndex = 0;
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", "Equation (scrolls sideways)");
      } else {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
      }
    };
    // The box changes with the page width (observed), its content's width with KaTeX's fonts.
    const observer = new ResizeObserver((entries) => {
      for (const e of entries) check(e.target as HTMLElement);
    });
    for (const el of displays) observer.observe(el);
    const recheck = () => {
      for (const el of displays) check(el);
    };
    void document.fonts.ready.then(recheck);
    document.fonts.addEventListener("loadingdone", recheck);
    return () => {
      observer.disconnect();
      document.fonts.removeEventListener("loadingdone", recheck);
    };
  }, [ref, ready]);
}

/** The article's top level on the server: its static parts and the figures between them. */
type Piece = { kind: "part" } | { kind: "figure"; chart: ExplainerChartId };

/** The pieces of the prerendered article in the page, or null when there is none to adopt. */
function serverPieces(): Piece[] | null {
  const article = document.querySelector("#root .article");
  if (!article || article.children.length === 0) return null;
  const pieces: Piece[] = [];
  for (const el of article.children) {
    const chart = el instanceof HTMLElement ? el.dataset.figureSlot : undefined;
    if (el.classList.contains(ARTICLE_PART_CLASS)) pieces.push({ kind: "part" });
    else if (isFigureSlot(chart)) pieces.push({ kind: "figure", chart });
    else return null;
  }
  return pieces;
}

/**
 * The prerendered article, adopted: its static parts stay the server's HTML, its figures are
 * hydrated, in the page's first hydration pass.
 */
function AdoptedArticle({
  pieces,
  onTerm,
}: {
  pieces: readonly Piece[];
  onTerm: (t: Term | null) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const pinning = useContext(PinnedTermContext);
  useEffect(() => prefetchFigures(), []);
  useScrollableEquations(ref, true);
  // The term buttons are the server's: their pressed state follows the pinned term from here,
  // without re-rendering the article (a figure in it that has not hydrated must not see a press:
  // React would drop its HTML).
  useEffect(() => {
    if (!pinning) return;
    const show = () => {
      const pinned = pinning.get();
      for (const button of ref.current?.querySelectorAll(".article-part button[data-term]") ?? [])
        button.setAttribute("aria-pressed", String(button.getAttribute("data-term") === pinned));
    };
    show();
    return pinning.subscribe(show);
  }, [pinning]);
  const onClick = (e: MouseEvent) => {
    // The article's own term buttons (a figure's are React's and handle their own presses).
    const button =
      e.target instanceof Element ? e.target.closest(".article-part button[data-term]") : null;
    const term = button?.getAttribute("data-term") ?? undefined;
    if (pinning && isTerm(term)) pinning.pin(pinning.get() === term ? null : term);
  };
  return (
    <div ref={ref} className="article" {...termEvents(onTerm)} onClick={onClick}>
      {pieces.map((piece, i) =>
        piece.kind === "part" ? (
          <div
            // The pieces never change order: the index is their identity.
            key={i}
            className={ARTICLE_PART_CLASS}
            // The server's markup stays as it is (see the header): the page's own build output.
            dangerouslySetInnerHTML={ADOPTED}
            suppressHydrationWarning
          />
        ) : (
          <FigureSlot key={piece.chart} chart={piece.chart} />
        ),
      )}
    </div>
  );
}

function ArticlePlaceholder() {
  return <div aria-busy="true" className="min-h-[100vh]" />;
}

/** Tells the article that its markup has mounted. */
function Rendered({ onRendered }: { onRendered: () => void }) {
  useEffect(onRendered, []);
  return null;
}

/** The article rendered by React from its own code (lazily loaded), figures included. */
function RenderedArticle({ onTerm }: { onTerm: (t: Term | null) => void }) {
  const Server = useContext(ServerArticleContext);
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => prefetchFigures(), []);
  useScrollableEquations(ref, ready);
  return (
    <div ref={ref} className="article" {...termEvents(onTerm)}>
      {Server ? (
        <Server />
      ) : (
        <ChunkBoundary what="The article" retry={Article.retry}>
          <Suspense fallback={<ArticlePlaceholder />}>
            <Article />
            <Rendered onRendered={() => setReady(true)} />
          </Suspense>
        </ChunkBoundary>
      )}
    </div>
  );
}

/** The article, rendered once: only the figures inside it follow the state (through context). */
export const ArticleBody = memo(function ArticleBody({
  onTerm,
}: {
  onTerm: (t: Term | null) => void;
}) {
  // Decided once: adopting needs the server's markup, which only a hydrating first render has.
  // Only adopted figures wait to be wanted before hydrating; rendered ones get their code at once.
  const [pieces] = useState(() => {
    const adopted = !import.meta.env.SSR && isRootHydrating() ? serverPieces() : null;
    if (!adopted) openFigures();
    return adopted;
  });
  return pieces ? (
    <AdoptedArticle pieces={pieces} onTerm={onTerm} />
  ) : (
    <RenderedArticle onTerm={onTerm} />
  );
});
