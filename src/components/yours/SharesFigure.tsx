/** The explainer's Figure 5 with the reader's examples: where CE, α-CE and α-FL put the loss. */
import { memo } from "react";
import { formatCount, formatParam, formatShare, formatValue } from "../../math/format";
import type { GroupTotals, LossShares } from "../../math/shares";
import { type BarRow, StackedBars } from "../charts/StackedBars";
import { Figure } from "../Figure";
import { GROUPS, GroupLegend } from "./groups";

export interface LossRow {
  id: string;
  label: string;
  shares: LossShares;
}

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
  number,
}: {
  rows: readonly LossRow[];
  gamma: number;
  alpha: number;
  number: number;
}) {
  const ce = rows[0];
  const fl = rows[rows.length - 1];
  if (!ce || !fl) return null;
  const counts = ce.shares.counts;
  const total = counts.positives + counts.hardNegatives + counts.easyNegatives;
  const countShares = {
    positives: counts.positives / total,
    hardNegatives: counts.hardNegatives / total,
    easyNegatives: counts.easyNegatives / total,
  };
  return (
    <Figure
      id="yours-shares"
      number={number}
      title="Where your model's loss and gradient come from"
      caption={
        <>
          Easy negatives are {formatShare(countShares.easyNegatives)} of your {formatCount(total)}{" "}
          examples and carry{" "}
          <strong>{formatShare(ce.shares.loss.easyNegatives)} of the CE loss</strong> but{" "}
          <strong>{formatShare(fl.shares.loss.easyNegatives)} of the α-FL loss</strong> (γ ={" "}
          {formatParam(gamma)}, α = {formatParam(alpha)}). The positives' share of the loss goes
          from {formatShare(ce.shares.loss.positives)} to {formatShare(fl.shares.loss.positives)};
          of the gradient, from {formatShare(ce.shares.gradient.positives)} to{" "}
          {formatShare(fl.shares.gradient.positives)}.
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
      table={{
        columns: ["loss", "group", "examples", "loss share", "|gradient| share"],
        rows: rows.flatMap((r) =>
          GROUPS.map((g) => [
            r.label,
            g.label,
            formatValue(r.shares.counts[g.key]),
            formatShare(r.shares.loss[g.key]),
            formatShare(r.shares.gradient[g.key]),
          ]),
        ),
      }}
    >
      {(width) => (
        <div className="flex flex-col gap-3">
          <GroupLegend />
          <StackedBars
            width={width}
            rows={[bar("count", "Examples", countShares)]}
            title="Share of your examples by group"
          />
          <h4 className="text-sm font-semibold">Share of the total loss</h4>
          <StackedBars
            width={width}
            rows={rows.map((r) => bar(`loss-${r.id}`, r.label, r.shares.loss))}
            title="Share of the total loss under CE, alpha-CE and alpha-FL"
          />
          <h4 className="text-sm font-semibold">Share of the total gradient magnitude</h4>
          <StackedBars
            width={width}
            rows={rows.map((r) => bar(`grad-${r.id}`, r.label, r.shares.gradient))}
            title="Share of the total gradient under CE, alpha-CE and alpha-FL"
          />
        </div>
      )}
    </Figure>
  );
});
