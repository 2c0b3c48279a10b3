/**
 * The small share / export menu of a chart. Only the button is in the page's first load: the
 * menu and the export code load when a reader opens it.
 */
import { lazy, type RefObject, Suspense, useState } from "react";
import type { CsvTable, CurveData } from "../export/csv";

/**
 * A chart's plotted data for the CSV export: its curves (merged on the x column), or rows built
 * on request. Column keys and their meaning are documented in the chart registry.
 */
export type ChartData = { x: string; curves: readonly CurveData[] } | (() => CsvTable["rows"]);

export interface ChartMenuProps {
  id: string;
  title: string;
  data?: ChartData;
  /** The element holding the chart (legend, SVG, readouts): what SVG and PNG exports show. */
  chartRef: RefObject<HTMLElement | null>;
}

const ChartMenuPanel = lazy(() => import("../export/ChartMenuPanel"));

export function ChartMenu(props: ChartMenuProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative ml-auto shrink-0 print:hidden" data-chart-menu={props.id}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${props.id}-menu`}
        aria-label={`Share or export: ${props.title}`}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-[var(--grid)] px-2 text-sm text-[var(--muted)] hover:bg-[var(--grid)]"
      >
        Share ▾
      </button>
      {open && (
        <Suspense fallback={null}>
          <ChartMenuPanel {...props} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
