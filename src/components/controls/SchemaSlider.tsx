/**
 * A slider whose range and step come from the parameter's schema entry, so no range is typed
 * twice: the URL, the slider and the numeric field always agree on what is allowed.
 */
import type { ReactNode } from "react";
import { formatParam } from "../../math/format";
import { type NumberParam, normalizeNumber } from "../../state/schema";
import { ParamSlider } from "./ParamSlider";

interface SchemaSliderProps {
  param: NumberParam;
  label: ReactNode;
  /** Plain-text name for assistive technology and the numeric field. */
  name: string;
  value: number;
  onChange: (v: number) => void;
  scale?: "linear" | "log";
  format?: (v: number) => string;
  testId?: string;
  onFocusTerm?: (focused: boolean) => void;
}

/** The slider step a parameter allows: 1 for integers, 10^−precision for decimals. */
export function stepOf(param: NumberParam): number {
  if (param.integer) return 1;
  return param.precision === undefined ? (param.max - param.min) / 100 : 10 ** -param.precision;
}

export function SchemaSlider({
  param,
  onChange,
  format = formatParam,
  ...rest
}: SchemaSliderProps) {
  return (
    <ParamSlider
      {...rest}
      min={param.min}
      max={param.max}
      step={stepOf(param)}
      format={format}
      // What the slider or the field gives is snapped exactly as the URL parser would snap it.
      onChange={(v) => onChange(normalizeNumber(param, v))}
    />
  );
}
