/**
 * OHEM on this toy, and what each config trains with as a pure `LossMethod`.
 *
 * Scaling the paper's batch size: the paper keeps 128, 256 or 512 locations (Table 1d's "batch
 * size") where an image has about 100k anchors ("∼100k", §1 and §4.1). It does not say whether
 * that count is per image or per minibatch; we read it per image, as RPN's 256 sampled anchors
 * are. This toy's image has 1,024 locations, so we keep the same share of them:
 * 128 × 1,024 / 100,000 ≈ 1.31 per image, 21 of the 16,384 locations of a 16-image batch.
 * At the default 1 : 1,000 imbalance that is about as many locations as there are positives
 * (about one per image), as 128 of ∼100k anchors is at the paper's example imbalance, 1 : 1,000.
 *
 * No NMS: the paper applies non-maximum suppression (IoU 0.5 or 0.7) among the scored anchors
 * before selecting. Our locations are disjoint 2×2-pixel cells with one anchor each, so no two
 * overlap and NMS at any IoU threshold would remove nothing.
 *
 * Normalization: the kept locations' CE is averaged over the kept count, as OHEM's minibatch
 * loss is an average over its minibatch; the paper does not say how its OHEM baseline was
 * normalized. (FL, CE and α-CE are divided by the number of positives, as in RetinaNet.)
 *
 * Training selects per batch (the top-k of that batch's locations); the held-out figures select
 * over the whole held-out set at the same rate per image, as if it were one batch.
 */
import type { LossMethod } from "../math/methods";
import { DEFAULT_OHEM, focalOptionsOf, type TrainConfig } from "./config";
import { LOCATIONS_PER_IMAGE } from "./scene";

/** The paper's anchors per image ("∼100k"), the denominator of the scaling above. */
export const PAPER_ANCHORS_PER_IMAGE = 100_000;
/** 1:3 keeps one positive per four kept locations: keep at least four, so it can keep any. */
export const MIN_KEPT = 4;

type OhemFields = Pick<TrainConfig, "ohemRatio" | "ohemBatch">;

/** The paper's batch size of a config (default 128) and its ratio (default none). */
export function ohemSettingsOf(config: OhemFields) {
  return {
    ratio: config.ohemRatio ?? DEFAULT_OHEM.ohemRatio,
    batch: config.ohemBatch ?? DEFAULT_OHEM.ohemBatch,
  };
}

/** Locations kept per image: the paper's batch size scaled from ∼100k anchors to 1,024. */
export function keptPerImage(paperBatch: number): number {
  return (paperBatch * LOCATIONS_PER_IMAGE) / PAPER_ANCHORS_PER_IMAGE;
}

/** Locations OHEM keeps out of `images` images: the scaled rate, rounded, at least MIN_KEPT. */
export function keptOf(paperBatch: number, images: number): number {
  return Math.max(MIN_KEPT, Math.round(keptPerImage(paperBatch) * images));
}

/** Locations a training step of `config` keeps (its batch of images). */
export function keptPerStep(config: OhemFields & Pick<TrainConfig, "batchSize">): number {
  return keptOf(ohemSettingsOf(config).batch, config.batchSize);
}

/**
 * What `config` trains with, as the pure math sees it; OHEM over `images` images (the held-out
 * set's count, for the held-out figures).
 */
export function lossMethodOf(
  config: Pick<TrainConfig, "loss" | "gamma" | "alpha"> & OhemFields,
  images: number,
): LossMethod {
  if (config.loss === "ohem") {
    const { ratio, batch } = ohemSettingsOf(config);
    return { kind: "ohem", ratio, keep: keptOf(batch, images) };
  }
  return { kind: "focal", ...focalOptionsOf(config) };
}
