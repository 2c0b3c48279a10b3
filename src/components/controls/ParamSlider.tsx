/**
 * A labelled range slider with a typed numeric field beside it. Both work from the keyboard;
 * the field commits on Enter or blur, clamps to the range and never commits NaN.
 */
import { type ReactNode, useEffect, useId, useState } from "react";

interface ParamSliderProps {
  label: ReactNode;
  /** Plain-text name for assistive technology and the numeric field. */
  name: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (v: number) => void;
  /** "log": the slider moves in log10 space (for ratios spanning decades). */
  scale?: "linear" | "log";
  format: (v: number) => string;
  testId?: string;
  onFocusTerm?: (focused: boolean) => void;
}

export function ParamSlider(props: ParamSliderProps) {
  const { label, name, value, min, max, step, onChange, scale = "linear", format, testId } = props;
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setDraft(String(value));
    setInvalid(false);
  }, [value]);

  const toSlider = (v: number) => (scale === "log" ? Math.log10(v) : v);
  const fromSlider = (s: number) => (scale === "log" ? Math.round(10 ** s) : s);
  const commit = () => {
    const n = Number(draft.trim());
    if (draft.trim() === "" || !Number.isFinite(n)) {
      setInvalid(true);
      return;
    }
    const clamped = Math.min(max, Math.max(min, n));
    onChange(scale === "log" ? Math.round(clamped) : clamped);
    setDraft(String(clamped));
  };

  return (
    <div className="flex items-center gap-x-2 sm:gap-x-3" data-testid={testId}>
      <label
        htmlFor={id}
        className="w-20 shrink-0 text-xs font-medium sm:w-auto sm:min-w-24 sm:text-sm"
      >
        {label}
      </label>
      <input
        id={id}
        type="range"
        aria-label={name}
        aria-valuetext={format(value)}
        min={toSlider(min)}
        max={toSlider(max)}
        step={scale === "log" ? 0.01 : step}
        value={toSlider(value)}
        onChange={(e) => onChange(fromSlider(Number(e.target.value)))}
        onFocus={() => props.onFocusTerm?.(true)}
        onBlur={() => props.onFocusTerm?.(false)}
        className="h-6 w-0 min-w-0 flex-1 accent-[var(--accent)]"
      />
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={`${name} value`}
        aria-invalid={invalid}
        title={invalid ? `Type a number from ${min} to ${max}` : undefined}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
        className={`w-16 shrink-0 rounded border sm:w-24 bg-[var(--panel)] px-2 py-1 text-right text-sm tabular-nums ${invalid ? "border-red-500 ring-2 ring-red-500" : "border-[var(--grid)]"}`}
      />
    </div>
  );
}
