/**
 * The frame of every figure: title, its own controls, a chart sized to the frame, a caption
 * that states the current numbers (the text alternative), and the plotted data on request.
 */
import { type ReactNode, useContext } from "react";
import { CHARTS, chartTitle, isChartId } from "../state/charts";
import { ChartMenu } from "./ChartMenu";
import type { ChartData } from "./chartData";
import { useElementWidth } from "./charts/useElementWidth";
import { DataTable, type DataTableSource } from "./DataTable";
import { FigureOptionsContext } from "./figureContext";

export type { DataTableSource, DataTableSpec } from "./DataTable";

interface FigureProps {
  /** A chart of the catalogue takes its number and title from there; other figures pass them. */
  id: string;
  number?: number;
  title?: string;
  controls?: ReactNode;
  caption: ReactNode;
  table: DataTableSource;
  /** The plotted data, for the CSV export (numbers, not the table's formatted strings). */
  data?: ChartData;
  children: (width: number) => ReactNode;
}

const FRAME = {
  page: "my-8 rounded-xl border border-[var(--grid)] bg-[var(--panel)] p-3 shadow-sm sm:p-5",
  embed: "p-2 sm:p-3",
};

export function Figure(props: FigureProps) {
  const { id, controls, caption, table, data, children } = props;
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const show = useContext(FigureOptionsContext);
  const number = props.number ?? (isChartId(id) ? CHARTS[id].number : undefined);
  const title = props.title ?? (isChartId(id) ? chartTitle(id, show.recorded) : id);
  const embed = show.variant === "embed";
  return (
    <figure
      id={id}
      data-chart={id}
      aria-labelledby={show.title ? `${id}-title` : undefined}
      aria-label={show.title ? undefined : title}
      className={`${FRAME[show.variant]} print:break-inside-avoid print:shadow-none`}
    >
      {(show.title || show.menu) && (
        <div className="mb-2 flex items-start justify-between gap-2">
          {show.title && (
            <h3 id={`${id}-title`} className="text-base font-semibold">
              {!embed && number !== undefined && (
                <span className="text-[var(--muted)]">Figure {number}.</span>
              )}{" "}
              {title}
            </h3>
          )}
          {show.menu && <ChartMenu id={id} title={title} data={data} chartRef={ref} />}
        </div>
      )}
      {(controls || show.extraControls) && show.controls && (
        <div className="mb-3 flex flex-col gap-2 print:hidden" data-figure-controls="">
          {show.extraControls}
          {controls}
        </div>
      )}
      <div ref={ref} className="w-full" data-chart-body="">
        {children(width)}
      </div>
      {show.caption && (
        <>
          <figcaption
            className="mt-3 text-sm leading-relaxed text-[var(--muted)]"
            aria-live={show.liveCaption === false ? undefined : "polite"}
            data-testid={`${id}-caption`}
          >
            {caption}
          </figcaption>
          <DataTable table={table} label={title} />
        </>
      )}
    </figure>
  );
}
