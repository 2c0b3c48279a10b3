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

export type Param = NumberParam | BooleanParam | EnumParam | SetParam;

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
          : never;
};

/** What happened to a parameter that could not be used as given. */
export interface ParamIssue {
  name: string;
  /** The raw value, shortened for display; always rendered as text, never as HTML. */
  raw: string;
  action: "clamped" | "reset";
  /** The value used instead, as it will appear in the URL. */
  used: string;
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
        raw: raw.length > MAX_RAW_SHOWN ? `${raw.slice(0, MAX_RAW_SHOWN)}…` : raw,
        action: result.action,
        used: formatValue(param, result.value),
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

function parseValue(param: Param, raw: string): Parsed {
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
  if (param.kind === "boolean") return value ? "1" : "0";
  if (param.kind === "set") {
    const members = value as readonly string[];
    return param.values.filter((v) => members.includes(v)).join(",");
  }
  return String(value);
}
