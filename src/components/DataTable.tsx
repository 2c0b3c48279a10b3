/**
 * A figure's plotted data as a table, on request. Rows are rendered only while it is open, so a
 * slider move does not rewrite a hidden table on every input.
 *
 * On a page that can grow, the table opens below the chart (`<details>`). Where it cannot (an
 * embed in a frame of fixed height, `ContainedContext`), it opens in a modal dialog that scrolls
 * inside the frame, and closes with Escape or its button, returning focus to where it was.
 */
import { useContext, useEffect, useId, useRef, useState } from "react";
import { ContainedContext } from "./figureContext";

export interface DataTableSpec {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/** A table, or how to build it: built only while the reader has it open. */
export type DataTableSource = DataTableSpec | (() => DataTableSpec);

export function DataTable({ table: source, label }: { table: DataTableSource; label: string }) {
  const [open, setOpen] = useState(false);
  const contained = useContext(ContainedContext);
  const table = open ? (typeof source === "function" ? source() : source) : null;
  if (contained) return <TableDialog table={table} label={label} open={open} setOpen={setOpen} />;
  return (
    <details
      className="mt-2 text-sm print:hidden"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer text-[var(--accent)]">Data table</summary>
      {table && (
        // Wider than a phone: it scrolls sideways, so keyboard users must be able to reach it.
        <div
          className="mt-2 max-w-full overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label={`Data table: ${label}`}
        >
          <Table table={table} />
        </div>
      )}
    </details>
  );
}

function TableDialog(props: {
  table: DataTableSpec | null;
  label: string;
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const { table, label, open, setOpen } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    // Also when the frame turns out not to grow while an inline table was open.
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="mt-2 text-sm text-[var(--accent)] underline print:hidden"
      >
        Data table
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        data-testid="data-table-dialog"
        className="m-auto max-h-[calc(100vh-1rem)] w-[calc(100vw-1rem)] max-w-3xl overflow-auto rounded-lg border border-[var(--grid)] bg-[var(--panel)] p-0 text-sm text-[var(--fg)] backdrop:bg-black/50"
      >
        <div className="sticky top-0 flex items-start justify-between gap-2 border-b border-[var(--grid)] bg-[var(--panel)] p-2">
          <h2 id={titleId} className="font-semibold">
            Data table: {label}
          </h2>
          <button
            type="button"
            onClick={() => setOpen(false)}
            className="rounded-md border border-[var(--grid)] px-2"
          >
            Close
          </button>
        </div>
        {table && (
          <div className="p-2">
            <Table table={table} />
          </div>
        )}
      </dialog>
    </>
  );
}

function Table({ table }: { table: DataTableSpec }) {
  return (
    <table className="w-full border-collapse text-right tabular-nums">
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c} scope="col" className="border-b border-[var(--grid)] px-2 py-1 font-medium">
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
              <td key={table.columns[i]} className="border-b border-[var(--grid)]/50 px-2 py-0.5">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
