/**
 * The frame of every figure: title, its own controls, a chart sized to the frame, a caption
 * that states the current numbers (the text alternative), and the plotted data on request.
 */
import type { ReactNode } from "react";
import { useElementWidth } from "./charts/useElementWidth";

export interface DataTableSpec {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

interface FigureProps {
  id: string;
  number: number;
  title: string;
  controls?: ReactNode;
  caption: ReactNode;
  table: DataTableSpec;
  children: (width: number) => ReactNode;
}

export function Figure({ id, number, title, controls, caption, table, children }: FigureProps) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  return (
    <figure
      id={id}
      data-chart={id}
      aria-labelledby={`${id}-title`}
      className="my-8 rounded-xl border border-[var(--grid)] bg-[var(--panel)] p-3 shadow-sm sm:p-5 print:break-inside-avoid print:shadow-none"
    >
      <h3 id={`${id}-title`} className="mb-2 text-base font-semibold">
        <span className="text-[var(--muted)]">Figure {number}.</span> {title}
      </h3>
      {controls && <div className="mb-3 flex flex-col gap-2 print:hidden">{controls}</div>}
      <div ref={ref} className="w-full">
        {children(width)}
      </div>
      <figcaption
        className="mt-3 text-sm leading-relaxed text-[var(--muted)]"
        aria-live="polite"
        data-testid={`${id}-caption`}
      >
        {caption}
      </figcaption>
      <details className="mt-2 text-sm print:hidden">
        <summary className="cursor-pointer text-[var(--accent)]">Data table</summary>
        <div className="mt-2 max-w-full overflow-x-auto">
          <table className="w-full border-collapse text-right tabular-nums">
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th
                    key={c}
                    scope="col"
                    className="border-b border-[var(--grid)] px-2 py-1 font-medium"
                  >
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.join("|")}>
                  {row.map((cell, i) => (
                    <td
                      key={table.columns[i]}
                      className="border-b border-[var(--grid)]/50 px-2 py-0.5"
                    >
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
