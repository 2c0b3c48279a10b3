/**
 * Present mode (`?present=<chart id>`): one figure filling the screen for a lecture hall, scaled
 * up as far as it fits, with its caption beside it. Keys: ← → (and a clicker's Page Up / Page
 * Down) between figures, ↑ ↓ through the paper's γ family (0, 0.5, 1, 2, 5), Esc back to the
 * article. Everything it shows is in the URL, so a presenter's link reopens it. Loaded on use.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useExplainer } from "../../components/explainerContext";
import { FigureOptionsContext, PRESENT_FIGURE } from "../../components/figureContext";
import { ThemeToggle } from "../../components/ThemeToggle";
import { formatParam } from "../../math/format";
import { CHARTS, type ExplainerChartId } from "../../state/charts";
import { stepChart, stepGammaFamily, type Theme } from "../../state/view";
import { FIGURES } from "./figuresById";

/**
 * Layouts tried for each figure: a width (CSS px, before scaling) and the caption beside or
 * below the chart. The one that lets the figure be drawn largest wins: narrow widths stack a
 * figure's charts and grow tall, wide ones scale less.
 */
const LAYOUTS = [720, 840, 960, 1080, 1200, 1360].flatMap((width) =>
  (["beside", "below"] as const).map((caption) => ({ width, caption })),
);
type Layout = (typeof LAYOUTS)[number];

/** The largest scale at which a `width` × `height` box fits the stage. */
function scaleToFit(stage: DOMRect, width: number, height: number): number {
  return Math.min(stage.width / width, stage.height / height);
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

interface Fit extends Layout {
  scale: number;
}

/** Lay `content` out at `layout`, unscaled, to measure it. */
function lay(content: HTMLElement, layout: Layout) {
  content.style.width = `${layout.width}px`;
  content.style.transform = "none";
  content.dataset.layout = layout.caption;
}

/** Place `content` (laid out `fit.width` wide) scaled and centred on `stage`. */
function place(content: HTMLElement, stage: DOMRect, fit: Fit) {
  const height = content.offsetHeight;
  const x = Math.max(0, (stage.width - fit.width * fit.scale) / 2);
  const y = Math.max(0, (stage.height - height * fit.scale) / 2);
  content.style.width = `${fit.width}px`;
  content.dataset.layout = fit.caption;
  content.style.transform = `translate(${x}px, ${y}px) scale(${fit.scale})`;
  content.dataset.scale = String(fit.scale);
}

const BAR_BUTTON =
  "rounded-md border border-[var(--grid)] px-3 py-1 hover:bg-[var(--grid)] focus-visible:outline-2 focus-visible:outline-[var(--accent)] disabled:opacity-40";

export default function PresentView(props: {
  chart: ExplainerChartId;
  /** The figures to step through (a lesson's hidden figures are left out). */
  charts: readonly ExplainerChartId[];
  onChart: (chart: ExplainerChartId) => void;
  onExit: () => void;
  theme: Theme;
  onTheme: (t: Theme) => void;
}) {
  const { chart, charts, onChart, onExit } = props;
  const { state, update } = useExplainer();
  const stage = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const fit = useRef<Fit | null>(null);
  const [ready, setReady] = useState(false);
  const [said, setSaid] = useState("");
  const Figure = FIGURES[chart];
  const index = charts.indexOf(chart);

  const go = useCallback(
    (direction: 1 | -1) => onChart(stepChart(charts, chart, direction)),
    [charts, chart, onChart],
  );
  const stepGamma = useCallback(
    (direction: 1 | -1) => {
      const gamma = stepGammaFamily(state.gamma, direction);
      update({ gamma });
      setSaid(`γ = ${formatParam(gamma)}`);
    },
    [state.gamma, update],
  );

  useEffect(() => {
    setSaid(
      `Figure ${CHARTS[chart].number}, ${index + 1} of ${charts.length}: ${CHARTS[chart].title}`,
    );
  }, [chart, index, charts.length]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      // Keys typed into a control (a slider, a field, a select) stay with it.
      if (e.target instanceof Element && e.target.closest("input, select, textarea")) return;
      const actions: Record<string, () => void> = {
        ArrowRight: () => go(1),
        PageDown: () => go(1),
        ArrowLeft: () => go(-1),
        PageUp: () => go(-1),
        Home: () => charts[0] && onChart(charts[0]),
        End: () => charts[charts.length - 1] && onChart(charts[charts.length - 1] ?? chart),
        ArrowUp: () => stepGamma(1),
        ArrowDown: () => stepGamma(-1),
        Escape: onExit,
      };
      const action = actions[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, stepGamma, charts, chart, onChart, onExit]);

  // Choose the layout width that draws the figure largest, whenever the figure or the screen
  // changes; then keep it fitted while its content changes height (captions, legends).
  useLayoutEffect(() => {
    const box = stage.current;
    const el = content.current;
    if (!box || !el) return;
    let cancelled = false;
    let size = box.getBoundingClientRect();
    const choose = async () => {
      setReady(false);
      fit.current = null;
      let best: Fit = { width: 960, caption: "beside", scale: 0 };
      for (const layout of LAYOUTS) {
        lay(el, layout);
        // The charts re-measure their width and redraw: let that settle.
        for (let i = 0; i < 3; i += 1) await frame();
        if (cancelled) return;
        const scale = scaleToFit(size, layout.width, el.offsetHeight);
        if (scale > best.scale) best = { ...layout, scale };
      }
      lay(el, best);
      for (let i = 0; i < 3; i += 1) await frame();
      if (cancelled) return;
      fit.current = { ...best, scale: scaleToFit(size, best.width, el.offsetHeight) };
      place(el, size, fit.current);
      setReady(true);
    };
    void choose();
    const onContent = new ResizeObserver(() => {
      if (!fit.current) return;
      fit.current = { ...fit.current, scale: scaleToFit(size, fit.current.width, el.offsetHeight) };
      place(el, size, fit.current);
    });
    onContent.observe(el);
    let last = `${size.width}x${size.height}`;
    const onStage = new ResizeObserver(() => {
      size = box.getBoundingClientRect();
      const now = `${size.width}x${size.height}`;
      if (now !== last) {
        last = now;
        void choose();
      }
    });
    onStage.observe(box);
    return () => {
      cancelled = true;
      onContent.disconnect();
      onStage.disconnect();
    };
  }, [chart]);

  return (
    <div className="fixed inset-0 flex flex-col bg-[var(--panel)]" data-testid="present">
      <div ref={stage} className="relative min-h-0 flex-1 overflow-hidden p-0">
        <div
          ref={content}
          data-testid="present-figure"
          className="absolute left-0 top-0 origin-top-left px-6 pt-4 pb-2"
          style={{ visibility: ready ? "visible" : "hidden" }}
        >
          <FigureOptionsContext.Provider value={PRESENT_FIGURE}>
            <Figure />
          </FigureOptionsContext.Provider>
        </div>
      </div>
      <nav
        aria-label="Present mode"
        className="flex flex-wrap items-center justify-center gap-x-4 gap-y-1 border-t border-[var(--grid)] px-4 py-1.5 text-[clamp(13px,1.5vh,20px)] text-[var(--muted)]"
      >
        <button
          type="button"
          className={BAR_BUTTON}
          disabled={index <= 0}
          onClick={() => go(-1)}
          aria-label="Previous figure"
        >
          ←
        </button>
        <span className="tabular-nums">
          {index + 1} / {charts.length}
        </span>
        <button
          type="button"
          className={BAR_BUTTON}
          disabled={index >= charts.length - 1}
          onClick={() => go(1)}
          aria-label="Next figure"
        >
          →
        </button>
        <span>↑ ↓ the paper's γ family: γ = {formatParam(state.gamma)}</span>
        <ThemeToggle theme={props.theme} onTheme={props.onTheme} />
        <button type="button" className={BAR_BUTTON} onClick={onExit}>
          Exit (Esc)
        </button>
        <span role="status" aria-live="polite" className="sr-only">
          {said}
        </span>
      </nav>
    </div>
  );
}
