/** How the site names the losses a run can train with. */
import { formatCount } from "../math/format";
import type { LossKind, TrainConfig } from "./config";
import { keptPerStep, ohemSettingsOf } from "./ohem";
import { LOCATIONS_PER_IMAGE } from "./scene";

export const LOSS_LABELS: Readonly<Record<LossKind, string>> = {
  ce: "CE",
  "alpha-ce": "α-CE",
  fl: "FL",
  "alpha-fl": "α-FL",
  ohem: "OHEM",
};

/** "OHEM 1:3, batch 128": an OHEM setting as the paper's Table 1d names it. */
export function describeOhem(c: Pick<TrainConfig, "ohemRatio" | "ohemBatch">): string {
  const { ratio, batch } = ohemSettingsOf(c);
  return `OHEM${ratio === "1:3" ? " 1:3" : ""}, batch ${batch}`;
}

/** "α-FL γ = 2, α = 0.25", "OHEM 1:3, batch 128": a run's loss as the page names it. */
export function describeLoss(
  c: Pick<TrainConfig, "loss" | "gamma" | "alpha" | "ohemRatio" | "ohemBatch">,
): string {
  if (c.loss === "ohem") return describeOhem(c);
  const parts: string[] = [];
  if (c.loss === "fl" || c.loss === "alpha-fl") parts.push(`γ = ${c.gamma}`);
  if (c.loss === "alpha-ce" || c.loss === "alpha-fl") parts.push(`α = ${c.alpha}`);
  return [LOSS_LABELS[c.loss], parts.join(", ")].filter(Boolean).join(" ");
}

/** "keeps the 21 highest-CE of the 16,384 locations of each step": an OHEM run's training set. */
export function describeOhemKept(
  c: Pick<TrainConfig, "ohemRatio" | "ohemBatch" | "batchSize">,
): string {
  const kept = keptPerStep(c);
  const all = formatCount(c.batchSize * LOCATIONS_PER_IMAGE);
  const { ratio } = ohemSettingsOf(c);
  return `keeps the ${kept} highest-CE of the ${all} locations of each step${ratio === "1:3" ? `, at most ${Math.floor(kept / 4)} of them positives and three negatives per kept positive` : ""}`;
}
