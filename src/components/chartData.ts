/**
 * What a figure hands to whoever exports it: the plotted data as plain numbers. The export code
 * turns it into files; figures never import that code (they reach the Share menu through
 * `ChartMenuContext`).
 */

/** A sampled curve as a chart draws it. */
export interface CurveData {
  id: string;
  label: string;
  points: readonly { x: number; y: number }[];
}

/** Table rows of numbers and text, in the order of the chart's documented CSV columns. */
export type DataRows = readonly (readonly (number | string | null)[])[];

/**
 * A chart's plotted data for the CSV export: its curves (merged on the x column), or rows built
 * on request. Column keys and their meaning are documented in the chart catalogue.
 */
export type ChartData = { x: string; curves: readonly CurveData[] } | (() => DataRows);
