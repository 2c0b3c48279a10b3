/**
 * A typed schema for page state that lives in the URL query. Parsing and serializing are pure:
 * they take and return strings, never touch `window`, and never throw on user input.
 */

/** A number parameter with an allowed range; `integer` rounds, `precision` snaps to decimals. */
export interface NumberParam {
  kind: "number";
  default: number;
  min: number;
  max: number;
  integer?: boolean;
  /** Decimal places kept (e.g. 2 for slider steps of 0.01). */
  precision?: number;
}

/** An on/off parameter, written as 1/0 (true/false/yes/no/on/off are also read). */
export interface BooleanParam {
  kind: "boolean";
  default: boolean;
}

/** One of a fixed list of string values. */
export interface EnumParam<V extends string = string> {
  kind: "enum";
  default: V;
  values: readonly V[];
}

/**
 * A subset of a fixed list of values, written comma-separated in the list's order (so a state
 * has exactly one spelling and links round-trip): `hide=controls,text`.
 */
export interface SetParam<V extends string = string> {
  kind: "set";
  default: readonly V[];
  values: readonly V[];
}

/**
 * Free text that is only ever rendered as text (a teacher's note): control and bidirectional
 * formatting characters are removed, and text longer than `maxLength` characters is cut.
 */
export interface TextParam {
  kind: "text";
  default: string;
  maxLength: number;
}

export type Param = NumberParam | BooleanParam | EnumParam | SetParam | TextParam;

/** A schema: parameter name → definition. */
export type Schema = Record<string, Param>;

/** The state a schema describes. */
export type StateOf<S extends Schema> = {
  [K in keyof S]: S[K] extends NumberParam
    ? number
    : S[K] extends BooleanParam
      ? boolean
      : S[K] extends EnumParam<infer V>
        ? V
        : S[K] extends SetParam<infer V>
          ? readonly V[]
          : S[K] extends TextParam
            ? string
            : never;
};

/**
 * What happened to a parameter that could not be used exactly as given. The rule: a notice
 * whenever the value used differs from the value the link gave (clamped, rounded, reset, too
 * long) or part of the link was not read (a repeated parameter, unknown set members); none when
 * only the spelling changes ("+0.50" for 0.5, "1e-3", "WASM", "yes", surrounding spaces).
 */
export interface ParamIssue {
  name: string;
  /** The raw value (the first, if repeated), shortened for display; text only, never HTML. */
  raw: string;
  /**
   * clamped: out of range; rounded: finer than the setting's step (or not a whole number);
   * reset: not a valid value; too-long: longer than any valid value, not parsed at all;
   * repeated: the first value was used as given, the other copies were ignored;
   * cut: text longer than its parameter keeps, shortened; cleaned: control or invisible
   * formatting characters removed from text.
   */
  action: "clamped" | "rounded" | "reset" | "too-long" | "repeated" | "cut" | "cleaned";
  /** The value used instead, as it will appear in the URL (shortened, for text). */
  used: string;
  /** How many times the link gave the parameter, when more than once (only the first is read). */
  count?: number;
  /** The raw value's length in characters, for "too-long". */
  length?: number;
  /** For "cut": the most characters the parameter keeps. */
  limit?: number;
}

const MAX_RAW_SHOWN = 40;

/**
 * No valid value of any parameter but free text is this long (the longest, a lesson's full
 * `hide` list, is under half of it); a longer one is refused before it is parsed, so no pattern
 * ever runs over a megabyte of link. Free text is cut instead (below).
 */
export const MAX_PARAM_LENGTH = 400;

/**
 * Free text (a teacher's note) is not refused for its length but cut, and only its first
 * `TEXT_READ_FACTOR × maxLength` UTF-16 units are ever read: room for the longest note even if
 * every character is an emoji (2 units) and as many again are removed while cleaning.
 */
const TEXT_READ_FACTOR = 4;

/** `raw` cut to `max` UTF-16 units plus "…", never between the two halves of a surrogate pair. */
export function shortenRaw(raw: string, max = MAX_RAW_SHOWN): string {
  if (raw.length <= max) return raw;
  let end = max;
  const last = raw.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${raw.slice(0, end)}…`;
}

/** The schema's defaults. */
export function defaultsOf<S extends Schema>(schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(schema)) out[name] = param.default;
  return out as StateOf<S>;
}

/**
 * Parse a query string (with or without the leading "?") into a full state. Missing
 * parameters take their default; unknown ones are ignored; a malformed value resets to the
 * default and an out-of-range number is clamped, each reported as a `ParamIssue`.
 */
export function parseState<S extends Schema>(
  schema: S,
  query: string,
): { state: StateOf<S>; issues: ParamIssue[] } {
  const params = new URLSearchParams(query);
  const state: Record<string, unknown> = defaultsOf(schema);
  const issues: ParamIssue[] = [];
  for (const [name, param] of Object.entries(schema)) {
    const all = params.getAll(name);
    const raw = all[0];
    if (raw === undefined) continue;
    const result: Parsed =
      raw.length > MAX_PARAM_LENGTH && param.kind !== "text"
        ? { value: param.default, action: "too-long" }
        : parseValue(param, raw);
    state[name] = result.value;
    const action = result.action ?? (all.length > 1 ? "repeated" : undefined);
    if (action) {
      issues.push({
        name,
        raw: shortenRaw(raw),
        action,
        used:
          param.kind === "text"
            ? shortenRaw(formatValue(param, result.value))
            : formatValue(param, result.value),
        ...(all.length > 1 ? { count: all.length } : {}),
        ...(action === "too-long" ? { length: raw.length } : {}),
        ...(action === "cut" && param.kind === "text" ? { limit: param.maxLength } : {}),
      });
    }
  }
  return { state: state as StateOf<S>, issues };
}

/**
 * Serialize a state as a query string (no leading "?"), every parameter in schema order.
 * `omitDefaults` leaves out parameters at their default, for optional extras such as lesson
 * flags that should not clutter every link.
 */
export function serializeState<S extends Schema>(
  schema: S,
  state: StateOf<S>,
  { omitDefaults = false } = {},
): string {
  const params = new URLSearchParams();
  for (const [name, param] of Object.entries(schema)) {
    const text = formatValue(param, (state as Record<string, unknown>)[name]);
    if (omitDefaults && text === formatValue(param, param.default)) continue;
    params.set(name, text);
  }
  // Commas in set values and colons ("1:3") stay readable: URLSearchParams would escape them.
  return params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
}

/** Snap a number to a parameter's range and precision (NaN gives the default). */
export function normalizeNumber(param: NumberParam, value: number): number {
  if (Number.isNaN(value)) return param.default;
  let v = Math.min(param.max, Math.max(param.min, value));
  if (param.integer) v = Math.round(v);
  else if (param.precision !== undefined) v = Number(v.toFixed(param.precision));
  return v;
}

type Parsed = { value: unknown; action?: ParamIssue["action"] };

/**
 * Plain decimal notation: optional sign, digits with an optional fraction (or a bare fraction),
 * an optional exponent. Each part is one unambiguous run (no `\d+\.?\d*`, whose two digit runs
 * can split a long number in n ways), so matching takes time linear in the text's length.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/;

/** Whether `text` (lower case) is a plain decimal number. */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/**
 * Characters a note never needs and a hostile link could use to disguise text: C0 and C1
 * controls (the line feed excepted), zero-width characters, bidirectional marks, embeddings,
 * overrides and isolates, the byte-order mark, and lone surrogates.
 */
function isUnwanted(codePoint: number): boolean {
  return (
    (codePoint <= 0x1f && codePoint !== 0x0a) ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2069) ||
    codePoint === 0xfeff ||
    // A lone half of a surrogate pair (a whole pair is one code point above 0xffff).
    (codePoint >= 0xd800 && codePoint <= 0xdfff)
  );
}

/**
 * A text value: line ends unified, unwanted characters removed, surrounding space trimmed, cut
 * to `maxLength` code points (so a cut never splits a surrogate pair).
 */
function cleanText(param: TextParam, raw: string): Parsed {
  // Enough of the text to fill the parameter even after cleaning; the rest is cut unread.
  const read = raw.slice(0, TEXT_READ_FACTOR * param.maxLength);
  const unified = read.replaceAll("\r\n", "\n").replaceAll("\r", "\n").trim();
  const points = [...unified].filter((c) => !isUnwanted(c.codePointAt(0) ?? 0));
  const cleaned = points.join("").trim();
  if (points.length > param.maxLength || read.length < raw.length) {
    return { value: points.slice(0, param.maxLength).join("").trim(), action: "cut" };
  }
  return cleaned === unified ? { value: cleaned } : { value: cleaned, action: "cleaned" };
}

function parseValue(param: Param, raw: string): Parsed {
  if (param.kind === "text") return cleanText(param, raw);
  const text = raw.trim().toLowerCase();
  switch (param.kind) {
    case "number": {
      const n = parseDecimal(text);
      if (n === null) return { value: param.default, action: "reset" };
      const v = normalizeNumber(param, n);
      if (n < param.min || n > param.max) return { value: v, action: "clamped" };
      return v === n ? { value: v } : { value: v, action: "rounded" };
    }
    case "boolean":
      if (["1", "true", "yes", "on"].includes(text)) return { value: true };
      if (["0", "false", "no", "off"].includes(text)) return { value: false };
      return { value: param.default, action: "reset" };
    case "enum":
      return param.values.includes(text)
        ? { value: text }
        : { value: param.default, action: "reset" };
    case "set": {
      const given = text
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
      const value = param.values.filter((v) => given.includes(v));
      const unknown = given.some((v) => !param.values.includes(v));
      return unknown ? { value, action: "reset" } : { value };
    }
  }
}

/**
 * Strict decimal parsing: Number("") is 0 and Number("0x10") is 16, so only plain decimal
 * notation (and ±infinity, which is then clamped) is accepted; anything else gives null.
 */
function parseDecimal(text: string): number | null {
  if (/^[+-]?infinity$/.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (!isDecimal(text)) return null;
  return Number(text);
}

function formatValue(param: Param, value: unknown): string {
  if (param.kind === "text") return String(value);
  if (param.kind === "boolean") return value ? "1" : "0";
  if (param.kind === "set") {
    const members = value as readonly string[];
    return param.values.filter((v) => members.includes(v)).join(",");
  }
  return String(value);
}
