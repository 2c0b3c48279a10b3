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

export interface BudgetSettings {
  ratio: number;
  gamma: number;
  alpha: number;
  ceAlpha: number;
  population: "training" | "init";
}

/** The easy negatives' share of the loss under each loss, and the positives' under CE and α-FL. */
export function lossBudgetCaption(comparison: readonly BudgetOf[], s: BudgetSettings) {
  const [ce, alphaCe, fl] = comparison;
  if (!ce || !alphaCe || !fl) return null;
  const loss = (b: BudgetOf) => budgetShares(b.budget, "loss");
  return {
    negatives: s.ratio === 1 ? "one negative" : `${formatCount(s.ratio)} negatives`,
    population: s.population,
    gamma: formatParam(s.gamma),
    alpha: formatParam(s.alpha),
    ceAlpha: formatParam(s.ceAlpha),
    easyExamples: formatShare(budgetShares(ce.budget, "count").easyNegatives),
    easy: {
      ce: formatShare(loss(ce).easyNegatives),
      alphaCe: formatShare(loss(alphaCe).easyNegatives),
      fl: formatShare(loss(fl).easyNegatives),
    },
    positives: { ce: formatShare(loss(ce).positives), fl: formatShare(loss(fl).positives) },
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
