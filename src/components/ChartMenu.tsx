/**
 * The small share / export menu of a chart. Only the button is part of a figure: the open menu
 * is whatever the page provides through `ChartMenuContext` (the export code, loaded on first
 * use), so figures never import export code and a page without a provider shows no button.
 */
import {
  type ComponentType,
  createContext,
  type RefObject,
  Suspense,
  useContext,
  useRef,
  useState,
} from "react";
import type { ChartData } from "./chartData";
import { ChunkBoundary } from "./lazyPart";

export interface ChartMenuProps {
  id: string;
  title: string;
  data?: ChartData;
  /** The element holding the chart (legend, SVG, readouts): what SVG and PNG exports show. */
  chartRef: RefObject<HTMLElement | null>;
}

/**
 * The open menu's panel, as a page provides it (usually `lazyPart(() => import(…))`, whose
 * `retry` loads it again after a failure).
 */
export type ChartMenuPanel = ComponentType<
  ChartMenuProps & { onClose: (returnFocus: boolean) => void }
> & {
  retry?: () => void;
};

export const ChartMenuContext = createContext<ChartMenuPanel | null>(null);

export function ChartMenu(props: ChartMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const Panel = useContext(ChartMenuContext);
  if (!Panel) return null;
  return (
    <div className="relative ml-auto shrink-0 print:hidden" data-chart-menu={props.id}>
      <button
        ref={button}
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
        <ChunkBoundary what="The Share menu" retry={() => Panel.retry?.()}>
          <Suspense fallback={null}>
            <Panel
              {...props}
              onClose={(returnFocus) => {
                setOpen(false);
                if (returnFocus) button.current?.focus();
              }}
            />
          </Suspense>
        </ChunkBoundary>
      )}
    </div>
  );
}
