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

/** What happened to a parameter that could not be used as given. */
export interface ParamIssue {
  name: string;
  /** The raw value, shortened for display; always rendered as text, never as HTML. */
  raw: string;
  /** cut: text longer than allowed, shortened; cleaned: control characters removed. */
  action: "clamped" | "reset" | "cut" | "cleaned";
  /** The value used instead, as it will appear in the URL (shortened for text). */
  used: string;
  /** For "cut": the most characters the parameter keeps. */
  limit?: number;
}

const MAX_RAW_SHOWN = 40;

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
    const raw = params.get(name);
    if (raw === null) continue;
    const result = parseValue(param, raw);
    state[name] = result.value;
    if (result.action) {
      issues.push({
        name,
        raw: shorten(raw, MAX_RAW_SHOWN),
        action: result.action,
        used:
          param.kind === "text"
            ? shorten(formatValue(param, result.value), MAX_RAW_SHOWN)
            : formatValue(param, result.value),
        ...(result.action === "cut" && param.kind === "text" ? { limit: param.maxLength } : {}),
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
  // Commas in set values stay readable: URLSearchParams would write them as %2C.
  return params.toString().replaceAll("%2C", ",");
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

/** `text` cut to `max` UTF-16 units plus "…", never between the halves of a surrogate pair. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Characters a note never needs and a hostile link could use to disguise text: C0 and C1
 * controls (the line feed excepted), zero-width characters, bidirectional marks, embeddings,
 * overrides and isolates, and the byte-order mark.
 */
function isUnwanted(codePoint: number): boolean {
  return (
    (codePoint <= 0x1f && codePoint !== 0x0a) ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2069) ||
    codePoint === 0xfeff
  );
}

/**
 * A text value: line ends unified, unwanted characters removed, surrounding space trimmed, cut
 * to `maxLength` code points (so a cut never splits a surrogate pair).
 */
function cleanText(param: TextParam, raw: string): Parsed {
  const unified = raw.replaceAll("\r\n", "\n").replaceAll("\r", "\n").trim();
  const points = [...unified].filter((c) => !isUnwanted(c.codePointAt(0) ?? 0));
  const cleaned = points.join("").trim();
  if (points.length > param.maxLength) {
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
      const outOfRange = n < param.min || n > param.max;
      return outOfRange ? { value: v, action: "clamped" } : { value: v };
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
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) return null;
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
