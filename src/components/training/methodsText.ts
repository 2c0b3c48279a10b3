/**
 * Figure 12's numbers (pure; see MethodsFigure): for one model's held-out logits, how CE, α-CE,
 * α-FL, FL* and OHEM would spread the loss and the gradient over positives, hard negatives and
 * easy negatives — the paper's settings for each, recomputed from the logits, no retraining.
 */
import { PAPER_FL_STAR_ALPHA, PAPER_FL_STAR_SETTINGS } from "../../content/paper";
import { describeOhem } from "../../experiment/labels";
import { keptOf } from "../../experiment/ohem";
import type { RankedLogits } from "../../experiment/protocol";
import { PAPER_BEST_CE, PAPER_FL } from "../../experiment/recipes";
import { LOCATIONS_PER_IMAGE } from "../../experiment/scene";
import { formatCount, formatShare } from "../../math/format";
import { type LossMethod, type MethodShares, methodShares } from "../../math/methods";
import type { OhemRatio } from "../../math/ohem";
import type { GroupTotals } from "../../math/shares";
import type { DataRows } from "../chartData";
import type { DataTableSpec } from "../DataTable";
import { SHARE_GROUPS } from "./sharesText";

/** The methods compared, each at the paper's setting (OHEM: Table 1d's batch 128, both ratios). */
export function panelMethods(
  images: number,
): { id: string; short: string; label: string; method: LossMethod }[] {
  const star = PAPER_FL_STAR_SETTINGS[0] as { gamma: number; beta: number };
  const ohem = (ratio: OhemRatio) => ({
    id: ratio === "none" ? "ohem" : "ohem-1-3",
    short: ratio === "none" ? "OHEM" : "OHEM 1:3",
    label: describeOhem({ ohemRatio: ratio, ohemBatch: 128 }),
    method: { kind: "ohem", ratio, keep: keptOf(128, images) } as const,
  });
  return [
    { id: "ce", short: "CE", label: "CE", method: { kind: "focal", gamma: 0, alpha: null } },
    {
      id: "alpha-ce",
      short: "α-CE",
      label: `α-CE α = ${PAPER_BEST_CE.alpha}`,
      method: { kind: "focal", gamma: 0, alpha: PAPER_BEST_CE.alpha },
    },
    {
      id: "alpha-fl",
      short: "α-FL",
      label: `α-FL γ = ${PAPER_FL.gamma}, α = ${PAPER_FL.alpha}`,
      method: { kind: "focal", gamma: PAPER_FL.gamma, alpha: PAPER_FL.alpha },
    },
    {
      id: "fl-star",
      short: "FL*",
      label: `FL* γ = ${star.gamma}, β = ${star.beta}, α = ${PAPER_FL_STAR_ALPHA}`,
      method: { kind: "focal-star", ...star, alpha: PAPER_FL_STAR_ALPHA },
    },
    ohem("none"),
    ohem("1:3"),
  ];
}

export interface MethodRow {
  id: string;
  /** A bar's label ("FL*"); `label` has the settings ("FL* γ = 2, β = 1, α = 0.25"). */
  short: string;
  label: string;
  shares: MethodShares;
}

/** The model's input: its loss-ranked held-out logits and the real size of each class. */
export interface MethodsInput {
  ranked: RankedLogits;
  positives: number;
  negatives: number;
}

/**
 * Every method's shares over the held-out set. The ranked logits may be thinned to evenly spaced
 * loss ranks; each sample then stands for (class size / samples) examples.
 */
export function methodRows({ ranked, positives, negatives }: MethodsInput): MethodRow[] {
  const p = ranked.positives.length;
  const n = ranked.negatives.length;
  const logits = new Float64Array(p + n);
  logits.set(ranked.positives, 0);
  logits.set(ranked.negatives, p);
  const labels = new Uint8Array(p + n).fill(1, 0, p);
  const weights = new Float64Array(p + n);
  weights.fill(p > 0 ? positives / p : 0, 0, p);
  weights.fill(n > 0 ? negatives / n : 0, p, p + n);
  const images = Math.round((positives + negatives) / LOCATIONS_PER_IMAGE);
  return panelMethods(images).map(({ id, short, label, method }) => ({
    id,
    short,
    label,
    shares: methodShares(logits, labels, method, weights),
  }));
}

const finite = (v: number) => (Number.isFinite(v) ? v : 0);

/** The caption's numbers: each method's easy-negative share of the gradient, OHEM's kept set. */
export function methodsCaption(rows: readonly MethodRow[]) {
  const easyGradient = Object.fromEntries(
    rows.map((r) => [r.id, formatShare(finite(r.shares.gradient.easyNegatives))]),
  );
  const kept = (id: string) => {
    const t = rows.find((r) => r.id === id)?.shares.trained;
    return t ? countsOf(t) : null;
  };
  const all = rows[0]?.shares.counts;
  const easy = (id: string) =>
    finite(rows.find((r) => r.id === id)?.shares.gradient.easyNegatives ?? Number.NaN);
  return {
    /** Whether both focal losses give easy negatives less of the gradient than CE does here. */
    focalTurnsDown: easy("alpha-fl") < easy("ce") && easy("fl-star") < easy("ce"),
    settings: rows.map((r) => r.label).join("; "),
    easyGradient,
    positivesGradient: Object.fromEntries(
      rows.map((r) => [r.id, formatShare(finite(r.shares.gradient.positives))]),
    ),
    ohem: kept("ohem"),
    ohem13: kept("ohem-1-3"),
    locations: all ? formatCount(all.positives + all.hardNegatives + all.easyNegatives) : "–",
  };
}

function countsOf(t: GroupTotals) {
  return {
    total: formatCount(t.positives + t.hardNegatives + t.easyNegatives),
    positives: formatCount(t.positives),
    hardNegatives: formatCount(t.hardNegatives),
    easyNegatives: formatCount(t.easyNegatives),
  };
}

/** The CSV rows: model, method, group, examples trained on, loss share, gradient share. */
export function methodsDataRows(model: string, rows: readonly MethodRow[]): DataRows {
  return rows.flatMap((r) =>
    SHARE_GROUPS.map((g) => [
      model,
      r.label,
      g.key,
      r.shares.trained[g.key],
      r.shares.loss[g.key],
      r.shares.gradient[g.key],
    ]),
  );
}

export function methodsTable(rows: readonly MethodRow[]): DataTableSpec {
  return {
    columns: ["method", "group", "trained on", "share of the loss", "share of the gradient"],
    rows: rows.flatMap((r) =>
      SHARE_GROUPS.map((g) => [
        r.label,
        g.label,
        formatCount(r.shares.trained[g.key]),
        formatShare(finite(r.shares.loss[g.key])),
        formatShare(finite(r.shares.gradient[g.key])),
      ]),
    ),
  };
}
