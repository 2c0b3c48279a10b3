/** Figure 9's bars, caption and data table (pure; see SharesFigure). */
import type { Evaluation } from "../../experiment/evaluation";
import { RUN_IDS, type RunId } from "../../experiment/protocol";
import { formatCount, formatShare } from "../../math/format";
import type { LossShares } from "../../math/shares";
import type { DataTableSpec } from "../DataTable";

export const SHARE_GROUPS = [
  { key: "positives", label: "Positives" },
  { key: "hardNegatives", label: "Hard negatives (pₜ ≤ 0.9)" },
  { key: "easyNegatives", label: "Easy negatives (pₜ > 0.9)" },
] as const;

type Shared = Pick<Evaluation, "step" | "shares" | "trained">;
export type RunShares = Readonly<Record<RunId, { initial: Shared | null; latest: Shared | null }>>;

/** One bar: a run at init or at its latest evaluation, with the share of each group. */
export interface ShareBar {
  id: string;
  label: string;
  shares: Record<(typeof SHARE_GROUPS)[number]["key"], number>;
}

/** Non-finite shares (no examples in any group) draw as 0. */
function finite(shares: LossShares["loss"]): ShareBar["shares"] {
  const f = (v: number) => (Number.isFinite(v) ? v : 0);
  return {
    positives: f(shares.positives),
    hardNegatives: f(shares.hardNegatives),
    easyNegatives: f(shares.easyNegatives),
  };
}

export function shareBars(runs: RunShares, measure: "loss" | "gradient"): ShareBar[] {
  return RUN_IDS.flatMap((id) => {
    const r = runs[id];
    const name = id.toUpperCase();
    const out: ShareBar[] = [];
    if (r.initial)
      out.push({
        id: `${measure}-${id}-init`,
        label: `${name} at init`,
        shares: finite(r.initial.shares[measure]),
      });
    if (r.latest && r.latest.step > 0)
      out.push({
        id: `${measure}-${id}-now`,
        label: `${name} step ${r.latest.step}`,
        shares: finite(r.latest.shares[measure]),
      });
    return out;
  });
}

/**
 * The easy negatives' share of each run's loss at init and now ("–" when not measured), and for
 * an OHEM run the held-out locations it keeps (its loss is CE on those alone).
 */
export function sharesCaption(runs: RunShares) {
  const easy = (id: RunId, which: "initial" | "latest") => {
    const v = runs[id][which]?.shares.loss.easyNegatives;
    return v === undefined || !Number.isFinite(v) ? "–" : formatShare(v);
  };
  // OHEM runs: the held-out locations they keep now, per group (null for the focal family).
  const kept = (id: RunId) => {
    const t = runs[id].latest?.trained;
    if (!t) return null;
    return {
      total: formatCount(t.positives + t.hardNegatives + t.easyNegatives),
      positives: formatCount(t.positives),
      hardNegatives: formatCount(t.hardNegatives),
      easyNegatives: formatCount(t.easyNegatives),
    };
  };
  return {
    a: { initial: easy("a", "initial"), latest: easy("a", "latest"), kept: kept("a") },
    b: { initial: easy("b", "initial"), latest: easy("b", "latest"), kept: kept("b") },
  };
}

export function sharesTable(runs: RunShares): DataTableSpec {
  return {
    columns: ["bar", ...SHARE_GROUPS.map((g) => g.label)],
    rows: [...shareBars(runs, "loss"), ...shareBars(runs, "gradient")].map((bar) => [
      bar.id,
      ...SHARE_GROUPS.map((g) => formatShare(bar.shares[g.key])),
    ]),
  };
}
