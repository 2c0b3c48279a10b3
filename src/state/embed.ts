/**
 * The parameters of an embed (`/embed/?chart=…`): which chart, its display options, and (read
 * by the chart's host, not here) the same state parameters as the main pages. Pure.
 */
import { type ParamIssue, parseState, type StateOf, shortenRaw } from "./schema";
import { THEME_SCHEMA } from "./view";

/** Display options of an embed; each is left out of a link while at its default. */
export const EMBED_OPTIONS_SCHEMA = {
  /** "none": a fixed view (hover readouts still work); "own": the chart's own sliders. */
  controls: { kind: "enum", default: "none", values: ["none", "own"] },
  /** "auto" follows the reader's system setting; "light" / "dark" force one (as on every page). */
  theme: THEME_SCHEMA.theme,
  /** The caption stating the current numbers, and the data table. */
  caption: { kind: "boolean", default: true },
  /** The chart's title above it. */
  title: { kind: "boolean", default: true },
  /**
   * Shrink the chart to the frame (no inner scrollbar, nothing cut), for slides and apps that
   * never resize a frame. "auto": when the frame does not grow to the reported height.
   */
  fit: { kind: "enum", default: "auto", values: ["auto", "1", "0"] },
} as const;

export type EmbedOptions = StateOf<typeof EMBED_OPTIONS_SCHEMA>;

export type EmbedRequest<Id extends string> =
  | { ok: true; chart: Id; options: EmbedOptions; issues: ParamIssue[] }
  | {
      ok: false;
      /** What was asked for, shortened; render it as text only. */
      asked: string | null;
      options: EmbedOptions;
    };

/** Read an embed's chart id and options from its query string. */
export function parseEmbedQuery<Id extends string>(
  query: string,
  chartIds: readonly Id[],
): EmbedRequest<Id> {
  const { state: options, issues } = parseState(EMBED_OPTIONS_SCHEMA, query);
  const raw = new URLSearchParams(query).get("chart");
  const id = raw?.trim().toLowerCase() ?? "";
  if (chartIds.includes(id as Id)) return { ok: true, chart: id as Id, options, issues };
  const asked = raw === null ? null : shortenRaw(raw);
  return { ok: false, asked, options };
}
