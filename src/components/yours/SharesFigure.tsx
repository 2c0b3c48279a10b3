/** The explainer's Figure 5 with the reader's examples: where CE, α-CE and α-FL put the loss. */
import { memo } from "react";
import type { GroupTotals } from "../../math/shares";
import { YOURS_SCHEMA } from "../../state/yours";
import { type BarRow, StackedBars } from "../charts/StackedBars";
import { SchemaSlider } from "../controls/SchemaSlider";
import { Figure } from "../Figure";
import { GROUPS, GroupLegend } from "./groups";
import { countShares, type LossRow, yoursSharesCaption, yoursSharesTable } from "./yoursText";

export type { LossRow };

function bar(id: string, label: string, shares: GroupTotals): BarRow {
  return {
    id,
    label,
    segments: GROUPS.map((g) => ({
      key: g.key,
      label: g.label,
      share: Number.isFinite(shares[g.key]) ? shares[g.key] : 0,
      color: g.color,
    })),
  };
}

export const YoursSharesFigure = memo(function YoursSharesFigure({
  rows,
  gamma,
  alpha,
  ceAlpha,
  onCeAlpha,
  number,
}: {
  rows: readonly LossRow[];
  gamma: number;
  alpha: number;
  ceAlpha: number;
  onCeAlpha: (v: number) => void;
  number: number;
}) {
  const ce = rows[0];
  const c = yoursSharesCaption(rows, { gamma, alpha, ceAlpha });
  if (!ce || !c) return null;
  return (
    <Figure
      id="yours-shares"
      number={number}
      title="Where your model's loss and gradient come from"
      controls={
        <SchemaSlider
          param={YOURS_SCHEMA.ceAlpha}
          label="α of α-CE"
          name="alpha of the alpha-balanced CE bar"
          value={ceAlpha}
          onChange={onCeAlpha}
          testId="ce-alpha-slider"
        />
      }
      caption={
        <>
          Easy negatives (p<sub>t</sub> &gt; 0.9, our cut-off) are {c.easyExamples} of your{" "}
          {c.examples} examples. They carry <strong>{c.easy.ce} of the CE loss</strong>,{" "}
          {c.easy.alphaCe} of the α-CE loss (α = {c.ceAlpha}) and{" "}
          <strong>{c.easy.fl} of the α-FL loss</strong> (γ = {c.gamma}, α = {c.alpha}). The
          positives' share of the loss is {c.positives.ce} under CE and {c.positives.fl} under α-FL;
          of the gradient, {c.positives.gradientCe} and {c.positives.gradientFl}.
        </>
      }
      data={() =>
        rows.flatMap((r) =>
          GROUPS.map((g) => [
            r.label,
            g.label,
            r.shares.counts[g.key],
            r.shares.loss[g.key],
            r.shares.gradient[g.key],
          ]),
        )
      }
      table={() => yoursSharesTable(rows)}
    >
      {(width) => (
        <div className="flex flex-col gap-3">
          <GroupLegend />
          <StackedBars
            width={width}
            rows={[bar("count", "Examples", countShares(ce.shares.counts))]}
            title="Share of your examples by group"
          />
          <h4 className="text-sm font-semibold">Share of the total loss</h4>
          <StackedBars
            width={width}
            rows={rows.map((r) => bar(`loss-${r.id}`, r.label, r.shares.loss))}
            title="Share of the total loss under CE, α-CE and α-FL"
          />
          <h4 className="text-sm font-semibold">Share of the total gradient magnitude</h4>
          <StackedBars
            width={width}
            rows={rows.map((r) => bar(`grad-${r.id}`, r.label, r.shares.gradient))}
            title="Share of the total gradient under CE, α-CE and α-FL"
          />
        </div>
      )}
    </Figure>
  );
});
