/** Figure 7's caption numbers and data table (pure; see MetricsFigure). */
import type { RunHistory } from "../../experiment/history";
import type { RunId } from "../../experiment/protocol";
import { formatCount, formatValue } from "../../math/format";
import type { DataTableSpec } from "../DataTable";

export type MetricTraces = Readonly<Record<RunId, Pick<RunHistory, "metrics">>>;

/** Each run's latest held-out AP and recall, or null before both have been evaluated. */
export function metricsCaption(runs: MetricTraces) {
  const a = runs.a.metrics.at(-1);
  const b = runs.b.metrics.at(-1);
  if (!a || !b) return null;
  const of = (m: { ap: number; recallAtP50: number }) => ({
    ap: formatValue(m.ap),
    recall: formatValue(m.recallAtP50),
  });
  return { step: formatCount(a.step), a: of(a), b: of(b) };
}

/** One row per evaluation of A, with B's evaluation at the same step (or "–"). */
export function metricsTable(runs: MetricTraces): DataTableSpec {
  const bAt = new Map(runs.b.metrics.map((m) => [m.step, m]));
  return {
    columns: ["step", "A AP", "A recall", "B AP", "B recall"],
    rows: runs.a.metrics.map((m) => {
      const mb = bAt.get(m.step);
      return [
        String(m.step),
        formatValue(m.ap),
        formatValue(m.recallAtP50),
        mb ? formatValue(mb.ap) : "–",
        mb ? formatValue(mb.recallAtP50) : "–",
      ];
    }),
  };
}
