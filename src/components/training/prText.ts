/** Figure 8's curve points, caption and data table (pure; see PrFigure). */
import type { Evaluation } from "../../experiment/evaluation";
import { RUN_IDS, type RunId } from "../../experiment/protocol";
import { tiedStartRecall } from "../../experiment/runSummary";
import { formatValue } from "../../math/format";
import type { DataTableSpec } from "../DataTable";

/** At most this many PR points per run reach the chart. */
export const MAX_PR_POINTS = 300;
/** Rows per run in the data table. */
const TABLE_POINTS = 9;

export type LatestEvaluations = Readonly<
  Record<RunId, { latest: Pick<Evaluation, "step" | "ap" | "recallAtP50" | "pr"> | null }>
>;

/** A PR curve thinned to at most about `max` points: evenly spaced, first and last kept. */
export function thinPr(
  pr: Pick<Evaluation["pr"], "recall" | "precision">,
  max = MAX_PR_POINTS,
): { x: number; y: number }[] {
  const n = pr.recall.length;
  const every = Math.max(1, Math.ceil(n / max));
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < n; i += every)
    points.push({ x: pr.recall[i] as number, y: pr.precision[i] as number });
  if (n > 0 && (n - 1) % every !== 0)
    points.push({ x: pr.recall[n - 1] as number, y: pr.precision[n - 1] as number });
  return points;
}

/**
 * Each run's AP and recall, and — where a run's curve starts at high recall because many
 * locations share its top score — why: tied scores enter together as one operating point.
 */
export function prCaption(runs: LatestEvaluations): string {
  const parts = RUN_IDS.flatMap((id) => {
    const e = runs[id].latest;
    return e
      ? [
          `${id.toUpperCase()}: AP ${formatValue(e.ap)}, recall ${formatValue(e.recallAtP50)} at precision ≥ 0.5.`,
        ]
      : [];
  });
  for (const id of RUN_IDS) {
    const e = runs[id].latest;
    const tie = e ? tiedStartRecall(e.pr) : null;
    if (tie !== null)
      parts.push(
        `Run ${id.toUpperCase()}'s curve starts at recall ${formatValue(tie)}: that many objects share its top score with many background locations, and tied scores enter together as one operating point — the model cannot order them. AP depends only on the order of the scores, not on their level.`,
      );
  }
  return parts.join(" ");
}

/** A few evenly spaced points of each run's curve, first and last included. */
export function prTable(
  curves: Readonly<Record<RunId, readonly { x: number; y: number }[]>>,
): DataTableSpec {
  return {
    columns: ["run", "recall", "precision"],
    rows: RUN_IDS.flatMap((id) => {
      const points = curves[id];
      const picks = new Set<number>();
      for (let k = 0; k < TABLE_POINTS && points.length > 0; k++)
        picks.add(Math.round((k * (points.length - 1)) / (TABLE_POINTS - 1)));
      return [...picks].map((i) => {
        const p = points[i] as { x: number; y: number };
        return [id.toUpperCase(), formatValue(p.x), formatValue(p.y)];
      });
    }),
  };
}
