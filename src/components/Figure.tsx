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
  present: "",
};

export function Figure(props: FigureProps) {
  const { id, controls, caption, table, data, children } = props;
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const show = useContext(FigureOptionsContext);
  const number = props.number ?? (isChartId(id) ? CHARTS[id].number : undefined);
  const title = props.title ?? (isChartId(id) ? chartTitle(id, show.recorded) : id);
  const embed = show.variant === "embed";
  const present = show.variant === "present";
  const head = (show.title || show.menu) && (
    <div className={`flex items-start justify-between gap-2 ${present ? "mb-4" : "mb-2"}`}>
      {show.title && (
        <h3
          id={`${id}-title`}
          className={present ? "text-3xl font-semibold leading-tight" : "text-base font-semibold"}
        >
          {!embed && number !== undefined && (
            <span className="text-[var(--muted)]">Figure {number}.</span>
          )}{" "}
          {title}
        </h3>
      )}
      {show.menu && <ChartMenu id={id} title={title} data={data} chartRef={ref} />}
    </div>
  );
  const ownControls = (controls || show.extraControls) && show.controls && (
    <div className="mb-3 flex flex-col gap-2 print:hidden" data-figure-controls="">
      {show.extraControls}
      {controls}
    </div>
  );
  const body = (
    <div ref={ref} className="w-full min-w-0" data-chart-body="">
      {children(width)}
    </div>
  );
  const figcaption = show.caption && (
    <figcaption
      className={
        present
          ? "text-base leading-relaxed text-[var(--fg)]"
          : "mt-3 text-sm leading-relaxed text-[var(--muted)]"
      }
      aria-live={show.liveCaption === false ? undefined : "polite"}
      data-testid={`${id}-caption`}
    >
      {caption}
    </figcaption>
  );
  const label = {
    id,
    "data-chart": id,
    "aria-labelledby": show.title ? `${id}-title` : undefined,
    "aria-label": show.title ? undefined : title,
  };
  if (present) {
    // The chart, then its controls and caption: beside it or below, as present mode lays it
    // out (styles.css, `.present-grid`).
    return (
      <figure {...label} className="present-grid">
        <div className="present-head">{head}</div>
        {body}
        <div className="present-side">
          {ownControls}
          {figcaption}
        </div>
      </figure>
    );
  }
  return (
    <figure
      {...label}
      className={`${FRAME[show.variant]} print:break-inside-avoid print:shadow-none`}
    >
      {head}
      {ownControls}
      {body}
      {show.caption && (
        <>
          {figcaption}
          <DataTable table={table} label={title} />
        </>
      )}
    </figure>
  );
}
