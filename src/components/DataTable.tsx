/**
 * A figure's plotted data as a table, on request. Rows are rendered only while it is open, so a
 * slider move does not rewrite a hidden table on every input.
 */
import { useState } from "react";

export interface DataTableSpec {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/** A table, or how to build it: built only while the reader has it open. */
export type DataTableSource = DataTableSpec | (() => DataTableSpec);

export function DataTable({ table: source }: { table: DataTableSource }) {
  const [open, setOpen] = useState(false);
  const table = open ? (typeof source === "function" ? source() : source) : null;
  return (
    <details className="mt-2 text-sm print:hidden" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-[var(--accent)]">Data table</summary>
      {table && (
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
              {table.rows.map((row, r) => (
                // Rows keep their place as values change: key by position, not by content.
                <tr key={r}>
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
      )}
    </details>
  );
}
