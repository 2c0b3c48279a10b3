/** A segmented choice between a few options (a radio group styled as buttons). */
import { useId } from "react";

interface ToggleProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (v: V) => void;
}

export function Toggle<V extends string>({ label, value, options, onChange }: ToggleProps<V>) {
  const name = useId();
  return (
    <fieldset className="flex flex-wrap items-center gap-2 text-sm">
      <legend className="sr-only">{label}</legend>
      <span aria-hidden="true" className="text-[var(--muted)]">
        {label}
      </span>
      <span className="inline-flex overflow-hidden rounded-md border border-[var(--grid)]">
        {options.map((o) => (
          <label
            key={o.value}
            // relative: the visually hidden radio sits inside its label, so focusing it scrolls
            // the label into view; the outline is drawn inside (the group clips its corners).
            className={`relative cursor-pointer px-2.5 py-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:-outline-offset-2 has-[:focus-visible]:outline-[var(--fg)] ${o.value === value ? "bg-[var(--accent)] text-[var(--on-accent)]" : "hover:bg-[var(--grid)]"}`}
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
              className="sr-only"
            />
            {o.label}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
