/** How the site names the losses a run can train with. */
import type { LossKind, TrainConfig } from "./config";

export const LOSS_LABELS: Readonly<Record<LossKind, string>> = {
  ce: "CE",
  "alpha-ce": "α-CE",
  fl: "FL",
  "alpha-fl": "α-FL",
};

/** "α-FL γ = 2, α = 0.25": a run's loss as the page names it. */
export function describeLoss(c: Pick<TrainConfig, "loss" | "gamma" | "alpha">): string {
  const parts: string[] = [];
  if (c.loss === "fl" || c.loss === "alpha-fl") parts.push(`γ = ${c.gamma}`);
  if (c.loss === "alpha-ce" || c.loss === "alpha-fl") parts.push(`α = ${c.alpha}`);
  return [LOSS_LABELS[c.loss], parts.join(", ")].filter(Boolean).join(" ");
}
