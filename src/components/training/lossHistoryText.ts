/** Figure 6's caption numbers and data table (pure; see LossHistoryFigure). */
import type { RunHistory } from "../../experiment/history";
import { RUN_IDS, type RunId } from "../../experiment/protocol";
import { formatCount, formatValue } from "../../math/format";
import type { DataTableSpec } from "../DataTable";

export type LossTraces = Readonly<
  Record<RunId, Pick<RunHistory, "loss" | "lossPositive" | "lossNegative">>
>;

/** About ten evenly spaced steps (1-based), always ending at the last one. */
export function tableSteps(steps: number): number[] {
  if (steps === 0) return [];
  const every = Math.max(1, Math.ceil(steps / 10));
  const out: number[] = [];
  for (let s = every; s <= steps; s += every) out.push(s);
  if (out[out.length - 1] !== steps) out.push(steps);
  return out;
}

export function stepsOf(runs: LossTraces): number {
  return Math.max(runs.a.loss.length, runs.b.loss.length);
}

const lastOf = (values: readonly number[]) => {
  const v = values[values.length - 1];
  return v === undefined ? "–" : formatValue(v);
};

/** The latest loss of each run and its parts, or null before the first step. */
export function lossHistoryCaption(runs: LossTraces) {
  const steps = stepsOf(runs);
  if (steps === 0) return null;
  const run = (id: RunId) => ({
    loss: lastOf(runs[id].loss),
    positives: lastOf(runs[id].lossPositive),
    negatives: lastOf(runs[id].lossNegative),
  });
  return { steps: formatCount(steps), a: run("a"), b: run("b") };
}

export function lossHistoryTable(runs: LossTraces): DataTableSpec {
  const cell = (v: number | undefined) => (v === undefined ? "–" : formatValue(v));
  return {
    columns: [
      "step",
      "A loss",
      "A positives",
      "A negatives",
      "B loss",
      "B positives",
      "B negatives",
    ],
    rows: tableSteps(stepsOf(runs)).map((s) => [
      String(s),
      ...RUN_IDS.flatMap((id) => {
        const r = runs[id];
        return [r.loss, r.lossPositive, r.lossNegative].map((v) => cell(v[s - 1]));
      }),
    ]),
  };
}
