/** Figure 5's caption numbers, data rows and table, from the math (pure; see LossBudgetFigure). */
import { formatCount, formatParam, formatShare, formatValue } from "../../math/format";
import { BUDGET_GROUPS, budgetShares, type LossBudget } from "../../math/population";
import type { DataRows } from "../chartData";
import type { DataTableSpec } from "../DataTable";

/** One loss's budget as the figure compares them (CE, α-CE, α-FL). */
export interface BudgetOf {
  id: string;
  label: string;
  budget: LossBudget;
}

export function lossBudgetCaption(
  comparison: readonly BudgetOf[],
  settings: { ratio: number; gamma: number; alpha: number; population: "training" | "init" },
) {
  const ce = comparison[0];
  const fl = comparison[comparison.length - 1];
  if (!ce || !fl) return null;
  const ceShares = budgetShares(ce.budget, "loss");
  const flShares = budgetShares(fl.budget, "loss");
  return {
    ratio: formatCount(settings.ratio),
    population: settings.population,
    gamma: formatParam(settings.gamma),
    alpha: formatParam(settings.alpha),
    easyExamples: formatShare(budgetShares(ce.budget, "count").easyNegatives),
    easyCe: formatShare(ceShares.easyNegatives),
    easyFl: formatShare(flShares.easyNegatives),
    positivesCe: formatShare(ceShares.positives),
    positivesFl: formatShare(flShares.positives),
  };
}

/** The CSV rows: loss, group, examples, summed loss, loss share, |gradient| share (numbers). */
export function lossBudgetRows(comparison: readonly BudgetOf[]): DataRows {
  return comparison.flatMap((c) =>
    BUDGET_GROUPS.map((g) => [
      c.label,
      g.label,
      c.budget[g.key].count,
      c.budget[g.key].loss,
      budgetShares(c.budget, "loss")[g.key],
      budgetShares(c.budget, "gradient")[g.key],
    ]),
  );
}

export function lossBudgetTable(comparison: readonly BudgetOf[]): DataTableSpec {
  return {
    columns: ["loss", "group", "examples", "loss", "loss share", "|gradient| share"],
    rows: lossBudgetRows(comparison).map(([loss, group, count, total, lossShare, gradShare]) => [
      String(loss),
      String(group),
      formatValue(count as number),
      formatValue(total as number),
      formatShare(lossShare as number),
      formatShare(gradShare as number),
    ]),
  };
}
