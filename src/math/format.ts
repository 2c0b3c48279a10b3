/**
 * Number formatting for readouts, captions and tables. One fixed notation whatever the browser's
 * language, so a shared link or an embed reads the same in every classroom: a "." decimal point,
 * "," grouping thousands, a real minus sign (−), "×" for ratios and "%" for shares.
 */
import { format } from "d3-format";

const sig3 = format(".3~g");
const sig3exp = format(".2~e");
const percent1 = format(".1~%");
const grouped = format(",d");
const groupedSig3 = format(",.3~r");
const param2 = format(".2~f");

/** "−" for every hyphen-minus a d3 format wrote (leading sign and exponent sign alike), no "e+". */
function minus(text: string): string {
  return text.replaceAll("e+", "e").replaceAll("-", "−");
}

/** A value with three significant digits; tiny or huge values in exponent notation. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? "∞" : v < 0 ? "−∞" : "–";
  if (v === 0) return "0";
  const a = Math.abs(v);
  return minus(a < 1e-3 || a >= 1e6 ? sig3exp(v) : sig3(v));
}

/** A parameter such as γ or α: up to two decimals, trailing zeros dropped ("2", "0.25", "0.5"). */
export function formatParam(v: number): string {
  return minus(param2(v));
}

/**
 * A share in [0, 1] as a percentage. Shares under 0.1% keep two significant digits; below
 * 0.0001% they read "< 0.0001%", and a share just short of 1 reads "> 99.9%", never "100%".
 */
export function formatShare(v: number): string {
  if (!Number.isFinite(v)) return "–";
  if (v > 0 && v < 1e-6) return "< 0.0001%";
  if (v > 0 && v < 0.001) return `${format(".2~r")(v * 100)}%`;
  if (v > 0.999 && v < 1) return "> 99.9%";
  return percent1(v);
}

/** "1.23×", "100×", "10,000×", "1.2e7×": how many times less (or more). */
export function formatTimes(v: number): string {
  if (Number.isNaN(v)) return "–";
  if (!Number.isFinite(v)) return "∞×";
  if (v >= 1e6) return `${minus(sig3exp(v))}×`;
  return `${groupedSig3(v)}×`;
}

/** An integer with thousands separators: 100,000. */
export function formatCount(v: number): string {
  return grouped(Math.round(v));
}

/** An imbalance of one positive per `ratio` negatives: "1 : 1,000". */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `1 : ${formatCount(ratio)}` : "no positives";
}
