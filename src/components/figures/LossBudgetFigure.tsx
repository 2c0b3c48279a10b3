import { useMemo } from "react";
import { formatCount, formatParam, formatShare, formatValue } from "../../math/format";
import {
  BUDGET_GROUPS,
  budgetComparison,
  budgetShares,
  type LossBudget,
  POPULATIONS,
} from "../../math/population";
import { EXPLAINER_SCHEMA } from "../../state/explainer";
import { COLORS } from "../charts/palette";
import { type BarRow, StackedBars } from "../charts/StackedBars";
import { ParamSlider } from "../controls/ParamSlider";
import { Toggle } from "../controls/Toggle";
import { useExplainer } from "../explainerContext";
import { Figure } from "../Figure";

const GROUP_COLORS = {
  positives: COLORS.positive,
  hardNegatives: COLORS.hard,
  easyNegatives: COLORS.easy,
} as const;

function rowOf(
  id: string,
  label: string,
  budget: LossBudget,
  measure: "loss" | "gradient" | "count",
): BarRow {
  const shares = budgetShares(budget, measure);
  return {
    id,
    label,
    segments: BUDGET_GROUPS.map((g) => ({
      key: g.key,
      label: g.label,
      share: shares[g.key],
      color: GROUP_COLORS[g.key],
    })),
  };
}

/** Figure 5: which examples the total loss and gradient come from, under CE, α-CE and α-FL. */
export function LossBudgetFigure() {
  const { state, update, highlight } = useExplainer();
  const { gamma, alpha, ratio, population } = state;
  const comparison = useMemo(
    () => budgetComparison(POPULATIONS[population], ratio, gamma, alpha),
    [population, ratio, gamma, alpha],
  );
  const [ce, , fl] = comparison;
  if (!ce || !fl) return null;
  const ceShares = budgetShares(ce.budget, "loss");
  const flShares = budgetShares(fl.budget, "loss");
  const countRow = rowOf("count", "Examples", ce.budget, "count");
  const lossRows = comparison.map((c) => rowOf(`loss-${c.id}`, c.label, c.budget, "loss"));
  const gradRows = comparison.map((c) => rowOf(`grad-${c.id}`, c.label, c.budget, "gradient"));
  const ratioParam = EXPLAINER_SCHEMA.ratio;
  const emphasized =
    highlight === "alpha"
      ? "positives"
      : highlight === "mod" || highlight === "gamma"
        ? "easyNegatives"
        : null;
  return (
    <Figure
      id="loss-budget"
      number={5}
      title="Where the loss goes in a 1 : R imbalanced population"
      controls={
        <>
          <ParamSlider
            label={<>Negatives per positive, R</>}
            name="R, negatives per positive"
            value={ratio}
            min={ratioParam.min}
            max={ratioParam.max}
            step={1}
            scale="log"
            format={(v) => `1 to ${formatCount(v)}`}
            onChange={(v) => update({ ratio: v })}
            testId="ratio-slider"
          />
          <Toggle
            label="Detector"
            value={population}
            options={[
              { value: "training", label: "Part-trained" },
              { value: "init", label: "At prior init (π = 0.01)" },
            ]}
            onChange={(v) => update({ population: v })}
          />
        </>
      }
      caption={
        <>
          One positive per {formatCount(ratio)} negatives (
          {population === "init"
            ? "every location scored π = 0.01"
            : "negatives mostly easy, a tail of hard ones"}
          ). Easy negatives (p<sub>t</sub> &gt; 0.9) are{" "}
          {formatShare(budgetShares(ce.budget, "count").easyNegatives)} of the examples and carry{" "}
          <strong>{formatShare(ceShares.easyNegatives)} of the CE loss</strong> but{" "}
          <strong>{formatShare(flShares.easyNegatives)} of the α-FL loss</strong> (γ ={" "}
          {formatParam(gamma)}, α = {formatParam(alpha)}). The positives' share goes from{" "}
          {formatShare(ceShares.positives)} to {formatShare(flShares.positives)}.
        </>
      }
      data={() =>
        comparison.flatMap((c) =>
          BUDGET_GROUPS.map((g) => [
            c.label,
            g.label,
            c.budget[g.key].count,
            c.budget[g.key].loss,
            budgetShares(c.budget, "loss")[g.key],
            budgetShares(c.budget, "gradient")[g.key],
          ]),
        )
      }
      table={{
        columns: ["loss", "group", "examples", "loss", "loss share", "|gradient| share"],
        rows: comparison.flatMap((c) =>
          BUDGET_GROUPS.map((g) => [
            c.label,
            g.label,
            formatValue(c.budget[g.key].count),
            formatValue(c.budget[g.key].loss),
            formatShare(budgetShares(c.budget, "loss")[g.key]),
            formatShare(budgetShares(c.budget, "gradient")[g.key]),
          ]),
        ),
      }}
    >
      {(width) => (
        <div className="flex flex-col gap-3">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-hidden="true">
            {BUDGET_GROUPS.map((g) => (
              <li key={g.key} className="flex items-center gap-1.5">
                <span
                  className="inline-block h-3 w-3 rounded-sm"
                  style={{ background: GROUP_COLORS[g.key] }}
                />
                {g.label}
              </li>
            ))}
          </ul>
          <StackedBars width={width} rows={[countRow]} title="Share of examples" />
          <h4 className="text-sm font-semibold">Share of the total loss</h4>
          <StackedBars
            width={width}
            rows={lossRows}
            title="Share of the total loss under CE, alpha-CE and alpha-FL"
            emphasized={emphasized}
          />
          <h4 className="text-sm font-semibold">Share of the total gradient magnitude</h4>
          <StackedBars
            width={width}
            rows={gradRows}
            title="Share of the total gradient under CE, alpha-CE and alpha-FL"
            emphasized={emphasized}
          />
        </div>
      )}
    </Figure>
  );
}
