import { memo } from "react";
import type { SessionView } from "../../experiment/history";
import { RUN_IDS } from "../../experiment/protocol";
import { formatShare } from "../../math/format";
import type { LossShares } from "../../math/shares";
import { COLORS } from "../charts/palette";
import { type BarRow, StackedBars } from "../charts/StackedBars";
import { Figure } from "../Figure";

const GROUPS = [
  { key: "positives", label: "Positives", color: COLORS.positive },
  { key: "hardNegatives", label: "Hard negatives (p_t ≤ 0.9)", color: COLORS.hard },
  { key: "easyNegatives", label: "Easy negatives (p_t > 0.9)", color: COLORS.easy },
] as const;

function row(id: string, label: string, shares: LossShares["loss"]): BarRow {
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

/** Where each run's held-out loss and gradient come from, at initialization and now. */
/** Memoized: re-renders when its run data or props change, not on unrelated page state. */
export const SharesFigure = memo(function SharesFigure({
  view,
  number,
}: {
  view: SessionView;
  number: number;
}) {
  const rows = (measure: "loss" | "gradient") =>
    RUN_IDS.flatMap((id) => {
      const r = view.runs[id];
      const name = id.toUpperCase();
      const out: BarRow[] = [];
      if (r.initial)
        out.push(row(`${measure}-${id}-init`, `${name} at init`, r.initial.shares[measure]));
      if (r.latest && r.latest.step > 0)
        out.push(
          row(`${measure}-${id}-now`, `${name} step ${r.latest.step}`, r.latest.shares[measure]),
        );
      return out;
    });
  const easy = (id: "a" | "b", which: "initial" | "latest") => {
    const v = view.runs[id][which]?.shares.loss.easyNegatives;
    return v === undefined || !Number.isFinite(v) ? "–" : formatShare(v);
  };
  return (
    <Figure
      id="train-shares"
      number={number}
      title="Where the held-out loss comes from, at init and now"
      caption={
        <>
          Easy negatives carry {easy("a", "initial")} of A's loss at initialization and{" "}
          {easy("a", "latest")} now; for B, {easy("b", "initial")} and {easy("b", "latest")}. Each
          run is measured under its own loss.
        </>
      }
      table={{
        columns: ["bar", ...GROUPS.map((g) => g.label)],
        rows: [...rows("loss"), ...rows("gradient")].map((r) => [
          r.id,
          ...r.segments.map((s) => formatShare(s.share)),
        ]),
      }}
    >
      {(width) => (
        <div className="flex flex-col gap-2">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-hidden="true">
            {GROUPS.map((g) => (
              <li key={g.key} className="flex items-center gap-1.5">
                <span className="inline-block h-3 w-3 rounded-sm" style={{ background: g.color }} />
                {g.label}
              </li>
            ))}
          </ul>
          <h4 className="text-sm font-semibold">Share of the loss</h4>
          <StackedBars
            width={width}
            rows={rows("loss")}
            title="Share of the held-out loss by group, at init and now"
          />
          <h4 className="text-sm font-semibold">Share of the gradient magnitude</h4>
          <StackedBars
            width={width}
            rows={rows("gradient")}
            title="Share of the held-out gradient by group, at init and now"
          />
        </div>
      )}
    </Figure>
  );
});
