import { memo } from "react";
import { SwatchLegend } from "../charts/Legend";
import { COLORS } from "../charts/palette";
import { type BarRow, StackedBars } from "../charts/StackedBars";
import { Figure } from "../Figure";
import {
  type RunShares,
  SHARE_GROUPS,
  type ShareBar,
  shareBars,
  sharesCaption,
  sharesTable,
} from "./sharesText";

const GROUP_COLORS = {
  positives: COLORS.positive,
  hardNegatives: COLORS.hard,
  easyNegatives: COLORS.easy,
} as const;

function rowOf(bar: ShareBar): BarRow {
  return {
    id: bar.id,
    label: bar.label,
    segments: SHARE_GROUPS.map((g) => ({
      key: g.key,
      label: g.label,
      share: bar.shares[g.key],
      color: GROUP_COLORS[g.key],
    })),
  };
}

/** Where each run's held-out loss and gradient come from, at init and now. Memoized on its data. */
export const SharesFigure = memo(function SharesFigure({ runs }: { runs: RunShares }) {
  const c = sharesCaption(runs);
  return (
    <Figure
      id="train-shares"
      caption={
        <>
          Easy negatives (p<sub>t</sub> &gt; 0.9, our cut-off) carry {c.a.initial} of A's loss at
          initialization and {c.a.latest} now; for B, {c.b.initial} and {c.b.latest}. Each run is
          measured on the held-out set under its own loss.
          {(["a", "b"] as const).map((id) => {
            const kept = c[id].kept;
            return (
              kept && (
                <span key={id}>
                  {" "}
                  Run {id.toUpperCase()} trains with OHEM, whose loss is CE on the locations it
                  keeps and nothing elsewhere: of the held-out set (taken as one batch) it keeps{" "}
                  {kept.total}: {kept.positives} positives, {kept.hardNegatives} hard and{" "}
                  {kept.easyNegatives} easy negatives.
                </span>
              )
            );
          })}
        </>
      }
      table={() => sharesTable(runs)}
    >
      {(width) => (
        <div className="flex flex-col gap-2">
          <SwatchLegend items={SHARE_GROUPS.map((g) => ({ ...g, color: GROUP_COLORS[g.key] }))} />
          <h4 className="text-sm font-semibold">Share of the loss</h4>
          <StackedBars
            width={width}
            rows={shareBars(runs, "loss").map(rowOf)}
            title="Share of the held-out loss by group, at init and now"
          />
          <h4 className="text-sm font-semibold">Share of the gradient magnitude</h4>
          <StackedBars
            width={width}
            rows={shareBars(runs, "gradient").map(rowOf)}
            title="Share of the held-out gradient by group, at init and now"
          />
        </div>
      )}
    </Figure>
  );
});
