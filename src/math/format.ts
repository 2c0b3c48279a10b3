/**
 * Number formatting for readouts, captions and tables. One fixed notation (a "." decimal point,
 * no grouping surprises) whatever the browser's language, so a shared link or an embed reads
 * the same in every classroom.
 */
import { format } from "d3-format";

const fixed2 = format(".2f");
const sig3 = format(".3~g");
const sig3exp = format(".2~e");
const percent1 = format(".1~%");
const grouped = format(",d");

/** A value with three significant digits; tiny or huge values in exponent notation. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? "∞" : v < 0 ? "−∞" : "–";
  if (v === 0) return "0";
  const a = Math.abs(v);
  return (a < 1e-3 || a >= 1e6 ? sig3exp(v) : sig3(v)).replace("-", "−");
}

/** A parameter such as γ or α, two decimals. */
export function formatParam(v: number): string {
  return fixed2(v);
}

/** A share in [0, 1] as a percentage; shares under 0.1% keep two significant digits. */
export function formatShare(v: number): string {
  if (v > 0 && v < 0.001) return `${format(".2~r")(v * 100)}%`;
  return percent1(v);
}

/** "100×", "1.2k×": how many times less. */
export function formatTimes(v: number): string {
  if (Number.isNaN(v)) return "–";
  if (!Number.isFinite(v)) return "∞×";
  if (v >= 1e4) return `${format(".3~s")(v).replace("G", "B")}×`;
  return `${format(".3~r")(v)}×`;
}

/** An integer with thousands separators: 100,000. */
export function formatCount(v: number): string {
  return grouped(Math.round(v));
}
