import { memo, useMemo, useState } from "react";
import type { RunId } from "../../experiment/protocol";
import { formatCount } from "../../math/format";
import { SwatchLegend } from "../charts/Legend";
import { COLORS } from "../charts/palette";
import { type BarRow, StackedBars } from "../charts/StackedBars";
import { Toggle } from "../controls/Toggle";
import { Figure } from "../Figure";
import type { RankedRuns } from "./Figure4Figure";
import {
  type MethodRow,
  methodRows,
  methodsCaption,
  methodsDataRows,
  methodsTable,
} from "./methodsText";
import { SHARE_GROUPS } from "./sharesText";

const GROUP_COLORS = {
  positives: COLORS.positive,
  hardNegatives: COLORS.hard,
  easyNegatives: COLORS.easy,
} as const;

function barsOf(rows: readonly MethodRow[], measure: "loss" | "gradient"): BarRow[] {
  return rows.map((r) => ({
    id: `${measure}-${r.id}`,
    label: r.short,
    segments: SHARE_GROUPS.map((g) => {
      const v = r.shares[measure][g.key];
      return {
        key: g.key,
        label: g.label,
        share: Number.isFinite(v) ? v : 0,
        color: GROUP_COLORS[g.key],
      };
    }),
  }));
}

interface MethodsProps {
  runs: RankedRuns;
  /** Each run's own loss in words ("α-CE α = 0.75"), for the model toggle. */
  losses: Readonly<Record<RunId, string>>;
}

/**
 * The paper's argument on one chart: for the current model's held-out logits, where CE, α-CE,
 * α-FL, FL* and OHEM would put the loss and the gradient. Memoized on its data.
 */
export const MethodsFigure = memo(function MethodsFigure({ runs, losses }: MethodsProps) {
  const [run, setRun] = useState<RunId>("b");
  const latest = runs[run].latest;
  const ranked = runs[run].ranked;
  const rows = useMemo(
    () =>
      ranked && latest
        ? methodRows({
            ranked,
            positives: latest.measured.positives,
            negatives: latest.measured.negatives,
          })
        : null,
    [ranked, latest],
  );
  const c = rows ? methodsCaption(rows) : null;
  const model = `run ${run.toUpperCase()}`;
  return (
    <Figure
      id="train-methods"
      controls={
        <Toggle
          label="Model"
          value={run}
          options={[
            { value: "a", label: `Run A (${losses.a})` },
            { value: "b", label: `Run B (${losses.b})` },
          ]}
          onChange={setRun}
        />
      }
      caption={
        latest && c ? (
          <>
            Run {run.toUpperCase()}'s model at step {latest.step}, its {c.locations} held-out
            locations scored once; each bar is what that loss would do with these scores (nothing is
            retrained). Settings, the paper's: {c.settings}. Easy negatives (p<sub>t</sub> &gt; 0.9)
            get {c.easyGradient.ce} of the gradient under CE, {c.easyGradient["alpha-ce"]} under
            α-CE, {c.easyGradient["alpha-fl"]} under α-FL and {c.easyGradient["fl-star"]} under FL*
            {c.focalTurnsDown ? ": both focal losses turn them down" : ""}; α-balancing only moves
            weight between the classes.{" "}
            {c.ohem && (
              <>
                OHEM spends nothing on what it drops: of the held-out images, taken as one batch, it
                keeps the {c.ohem.total} highest-CE locations ({c.ohem.positives} positives,{" "}
                {c.ohem.hardNegatives} hard and {c.ohem.easyNegatives} easy negatives)
                {c.ohem13 && (
                  <>
                    ; OHEM 1:3 keeps {c.ohem13.positives} positives, {c.ohem13.hardNegatives} hard
                    and {c.ohem13.easyNegatives} easy negatives
                  </>
                )}{" "}
                (the paper's batch of 128 per ∼100k anchors, scaled to our 1,024 locations per
                image).
              </>
            )}
            {ranked && ranked.negatives.length < latest.measured.negatives && (
              <>
                {" "}
                (Negatives: {formatCount(ranked.negatives.length)} of{" "}
                {formatCount(latest.measured.negatives)}, evenly spaced by loss rank, each standing
                for its neighbours.)
              </>
            )}
          </>
        ) : (
          "Waiting for the first evaluation…"
        )
      }
      data={() => (rows ? methodsDataRows(model, rows) : [])}
      table={() => methodsTable(rows ?? [])}
    >
      {(width) => (
        <div className="flex flex-col gap-2">
          <SwatchLegend items={SHARE_GROUPS.map((g) => ({ ...g, color: GROUP_COLORS[g.key] }))} />
          <h4 className="text-sm font-semibold">Share of the loss</h4>
          <StackedBars
            width={width}
            rows={rows ? barsOf(rows, "loss") : []}
            title={`Share of the held-out loss by group under each method, ${model}`}
          />
          <h4 className="text-sm font-semibold">Share of the gradient magnitude</h4>
          <StackedBars
            width={width}
            rows={rows ? barsOf(rows, "gradient") : []}
            title={`Share of the held-out gradient by group under each method, ${model}`}
          />
        </div>
      )}
    </Figure>
  );
});
