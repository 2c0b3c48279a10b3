/**
 * What the reader chose and can change: which column holds labels and which scores, whether
 * scores are probabilities or logits, and which label is the positive class. Also the progress
 * of a read, with a cancel button, and what the read found.
 */
import { useId } from "react";
import { formatCount } from "../../math/format";
import type { Inspection, ReadOptions, ReadProgress } from "../../userdata/types";

const selectClass =
  "rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-1 text-sm max-w-full";

/** A sampled value as the chooser shows it: numbers to 4 significant digits. */
function shortValue(v: string): string {
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? String(Number(n.toPrecision(4))) : v.slice(0, 12);
}

export function ColumnChooser({
  inspection,
  options,
  disabled,
  onChange,
}: {
  inspection: Inspection;
  options: ReadOptions;
  disabled: boolean;
  onChange: (o: ReadOptions) => void;
}) {
  const id = useId();
  const labelColumn = inspection.columns[options.label];
  const distinct = labelColumn?.distinct ?? null;
  const field = (key: string, text: string, control: React.ReactNode) => (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`${id}-${key}`} className="text-xs font-medium text-[var(--muted)]">
        {text}
      </label>
      {control}
    </div>
  );
  const columnOptions = inspection.columns.map((c) => (
    <option key={c.index} value={c.index}>
      {c.name || `column ${c.index + 1}`} ({c.sample.slice(0, 3).map(shortValue).join(", ")}
      {c.sample.length > 3 ? ", …" : ""})
    </option>
  ));
  return (
    <fieldset
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4"
      disabled={disabled}
      data-testid="column-chooser"
    >
      <legend className="sr-only">How to read the file</legend>
      {field(
        "label",
        "Label column",
        <select
          id={`${id}-label`}
          className={selectClass}
          value={options.label}
          onChange={(e) =>
            onChange({ ...options, label: Number(e.target.value), labelRule: { kind: "binary" } })
          }
        >
          {columnOptions}
        </select>,
      )}
      {field(
        "score",
        "Score column",
        <select
          id={`${id}-score`}
          className={selectClass}
          value={options.score}
          onChange={(e) => onChange({ ...options, score: Number(e.target.value) })}
        >
          {columnOptions}
        </select>,
      )}
      {field(
        "kind",
        "Scores are",
        <select
          id={`${id}-kind`}
          className={selectClass}
          value={options.scoreMode}
          onChange={(e) =>
            onChange({ ...options, scoreMode: e.target.value as ReadOptions["scoreMode"] })
          }
        >
          <option value="auto">detected from the data</option>
          <option value="probability">probabilities in [0, 1]</option>
          <option value="logit">logits</option>
        </select>,
      )}
      {field(
        "positive",
        "Positive class",
        distinct ? (
          <select
            id={`${id}-positive`}
            className={selectClass}
            value={options.labelRule.kind === "binary" ? "" : options.labelRule.value}
            onChange={(e) =>
              onChange({
                ...options,
                labelRule:
                  e.target.value === ""
                    ? { kind: "binary" }
                    : { kind: "positive", value: e.target.value },
              })
            }
          >
            <option value="">labels are 0/1 (1 = positive)</option>
            {distinct.map((v) => (
              <option key={v} value={v}>
                {v} (every other label negative)
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-positive`}
            className={selectClass}
            placeholder="0/1 labels; or type the positive label"
            defaultValue={options.labelRule.kind === "positive" ? options.labelRule.value : ""}
            onKeyDown={(e) => {
              if (e.key !== "Enter") return;
              const v = e.currentTarget.value.trim();
              onChange({
                ...options,
                labelRule: v === "" ? { kind: "binary" } : { kind: "positive", value: v },
              });
            }}
          />
        ),
      )}
    </fieldset>
  );
}

export function ReadProgressBar({
  progress,
  size,
  onCancel,
}: {
  progress: ReadProgress | null;
  size: number;
  onCancel: () => void;
}) {
  const fraction = progress ? progress.bytesRead / Math.max(1, progress.totalBytes) : 0;
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="read-progress">
      <progress
        className="h-3 min-w-40 flex-1 accent-[var(--accent)]"
        value={fraction}
        max={1}
        aria-label="Reading the file"
      />
      <span className="text-sm tabular-nums" aria-live="polite">
        {Math.floor(fraction * 100)}% · {formatCount(progress?.rows ?? 0)} rows
        {size >= 1e8
          ? ` of a ${(size / 1e9).toFixed(size >= 1e9 ? 1 : 2)} GB file, streamed in 1 MiB chunks`
          : ""}
      </span>
      <button
        type="button"
        onClick={onCancel}
        className="rounded-md border border-[var(--grid)] px-3 py-1 text-sm hover:bg-[var(--grid)]"
      >
        Cancel
      </button>
    </div>
  );
}
