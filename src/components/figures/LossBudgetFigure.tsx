import { useMemo } from "react";
import { formatRatio } from "../../math/format";
import {
  BUDGET_GROUPS,
  budgetComparison,
  budgetShares,
  type LossBudget,
  POPULATIONS,
} from "../../math/population";
import { EXPLAINER_SCHEMA } from "../../state/explainer";
import { SwatchLegend } from "../charts/Legend";
import { COLORS } from "../charts/palette";
import { type BarRow, StackedBars } from "../charts/StackedBars";
import { SchemaSlider } from "../controls/SchemaSlider";
import { Toggle } from "../controls/Toggle";
import { useExplainer } from "../explainerContext";
import { Figure } from "../Figure";
import { lossBudgetCaption, lossBudgetRows, lossBudgetTable } from "./lossBudgetText";

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
  const { gamma, alpha, ceAlpha, ratio, population } = state;
  const comparison = useMemo(
    () => budgetComparison(POPULATIONS[population], ratio, gamma, alpha, ceAlpha),
    [population, ratio, gamma, alpha, ceAlpha],
  );
  const ce = comparison[0];
  const c = lossBudgetCaption(comparison, { ratio, gamma, alpha, ceAlpha, population });
  if (!ce || !c) return null;
  const countRow = rowOf("count", "Examples", ce.budget, "count");
  const lossRows = comparison.map((c) => rowOf(`loss-${c.id}`, c.label, c.budget, "loss"));
  const gradRows = comparison.map((c) => rowOf(`grad-${c.id}`, c.label, c.budget, "gradient"));
  const emphasized =
    highlight === "alpha"
      ? "positives"
      : highlight === "mod" || highlight === "gamma"
        ? "easyNegatives"
        : null;
  return (
    <Figure
      id="loss-budget"
      controls={
        <>
          <SchemaSlider
            param={EXPLAINER_SCHEMA.ratio}
            label={<>Negatives per positive, R</>}
            name="R, negatives per positive"
            value={ratio}
            scale="log"
            format={(v) => formatRatio(v)}
            onChange={(v) => update({ ratio: v })}
            testId="ratio-slider"
          />
          <SchemaSlider
            param={EXPLAINER_SCHEMA.ceAlpha}
            label={<>α of α-CE</>}
            name="alpha of the alpha-balanced CE bar"
            value={ceAlpha}
            onChange={(v) => update({ ceAlpha: v })}
            testId="ce-alpha-slider"
          />
          <Toggle
            label="Detector"
            value={population}
            options={[
              { value: "training", label: "Part-trained (assumed)" },
              { value: "init", label: "At prior init (π = 0.01)" },
            ]}
            onChange={(v) => update({ population: v })}
          />
        </>
      }
      caption={
        <>
          One positive per {c.negatives} (
          {c.population === "init"
            ? "every location scored π = 0.01, as at the paper's prior init"
            : "an assumed, illustrative part-trained detector, not a measurement: negatives mostly easy, a tail of hard ones"}
          ). Easy negatives (p<sub>t</sub> &gt; 0.9, our cut-off) are {c.easyExamples} of the
          examples. They carry <strong>{c.easy.ce} of the CE loss</strong>, {c.easy.alphaCe} of the
          α-CE loss (α = {c.ceAlpha}) and <strong>{c.easy.fl} of the α-FL loss</strong> (γ ={" "}
          {c.gamma}, α = {c.alpha}). The positives' share is {c.positives.ce} under CE and{" "}
          {c.positives.fl} under α-FL.
        </>
      }
      data={() => lossBudgetRows(comparison)}
      table={() => lossBudgetTable(comparison)}
    >
      {(width) => (
        <div className="flex flex-col gap-3">
          <SwatchLegend items={BUDGET_GROUPS.map((g) => ({ ...g, color: GROUP_COLORS[g.key] }))} />
          <StackedBars width={width} rows={[countRow]} title="Share of examples" />
          <h4 className="text-sm font-semibold">Share of the total loss</h4>
          <StackedBars
            width={width}
            rows={lossRows}
            title="Share of the total loss under CE, α-CE and α-FL"
            emphasized={emphasized}
          />
          <h4 className="text-sm font-semibold">Share of the total gradient magnitude</h4>
          <StackedBars
            width={width}
            rows={gradRows}
            title="Share of the total gradient under CE, α-CE and α-FL"
            emphasized={emphasized}
          />
        </div>
      )}
    </Figure>
  );
}
