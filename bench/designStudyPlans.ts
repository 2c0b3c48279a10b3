/**
 * What the design study (bench/designStudy.ts, docs/design-study.md) trains: the paper's recipe,
 * the task variants, the loss settings and the named plans. Data only.
 */
import type { TrainConfig } from "../src/experiment/config";
import type { TaskSpec } from "../src/experiment/task";

/**
 * RetinaNet's recipe (Lin et al. 2017, sections 4.1 and 5.1): SGD, momentum 0.9, lr 0.01,
 * 16 images per batch, weight decay 1e-4, head weights N(0, 0.01²) and bias from π = 0.01.
 * Warm-up (Detectron's default 500 iterations from lr/3, not in the paper's text) is a plan knob.
 */
export const RECIPE: Partial<TrainConfig> = {
  optimizer: "sgd",
  lr: 0.01,
  momentum: 0.9,
  batchSize: 16,
  weightDecay: 1e-4,
  prior: 0.01,
  gamma: 2,
};

export interface Variant {
  name: string;
  /** Why a dense-detection person would accept it as natural. */
  why: string;
  imbalance: number;
  task: Partial<TaskSpec>;
}

export const VARIANTS: readonly Variant[] = [
  { name: "today", why: "the former default task", imbalance: 1000, task: {} },
  {
    name: "near-miss",
    why: "hard negatives that differ from a target by one pixel of one arm (look-alike classes)",
    imbalance: 1000,
    task: { nearMissShare: 0.5 },
  },
  {
    name: "crowded",
    why: "more distractors per image (crowded scenes: more hard negatives per positive)",
    imbalance: 1000,
    task: { distractorCount: [10, 14] },
  },
  {
    name: "low-contrast",
    why: "weaker strokes in stronger noise (low signal-to-noise, as small or blurred objects)",
    imbalance: 1000,
    task: { noiseStd: 0.1, targetAmplitude: [0.15, 0.35], distractorAmplitude: [0.15, 0.35] },
  },
  {
    name: "clutter",
    why: "background texture: short random strokes that share the targets' edges",
    imbalance: 1000,
    task: { clutterStrokes: 12 },
  },
  {
    name: "rare",
    why: "sparser objects, 1:5000 (about 0.2 targets per image)",
    imbalance: 5000,
    task: {},
  },
  {
    name: "rare-2000",
    why: "sparser objects, 1:2000 (about 0.5 targets per image)",
    imbalance: 2000,
    task: {},
  },
  {
    name: "rare-10000",
    why: "the sparsest setting the engine allows, 1:10000 (about 0.1 targets per image)",
    imbalance: 10000,
    task: {},
  },
  {
    name: "narrow",
    why: "a smaller detector (4, 8, 8 channels): less capacity to spare",
    imbalance: 1000,
    task: { channels: [4, 8, 8] },
  },
  {
    name: "hard",
    why: "near misses, crowding and lower contrast together",
    imbalance: 1000,
    task: {
      nearMissShare: 0.5,
      distractorCount: [8, 12],
      noiseStd: 0.08,
      targetAmplitude: [0.2, 0.4],
      distractorAmplitude: [0.2, 0.4],
    },
  },
];

export interface LossSetting {
  /** Short name for the command line. */
  id: string;
  name: string;
  config: Partial<TrainConfig>;
}

const alphaCe = (alpha: number): LossSetting => ({
  id: `ace${Math.round(alpha * 100)}`,
  name: `α-CE α=${alpha}`,
  config: { loss: "alpha-ce", alpha, priorInit: true },
});

export const LOSSES: readonly LossSetting[] = [
  { id: "ce0", name: "CE zero-init", config: { loss: "ce", priorInit: false } },
  { id: "ce", name: "CE prior", config: { loss: "ce", priorInit: true } },
  ...[0.25, 0.5, 0.75, 0.9, 0.99].map(alphaCe),
  {
    id: "afl",
    name: "α-FL γ=2 α=0.25",
    config: { loss: "alpha-fl", gamma: 2, alpha: 0.25, priorInit: true },
  },
];

/** The paper's comparison: α-FL against the best of these α-CE settings, and against CE. */
export const ALPHA_CE_IDS = LOSSES.filter((l) => l.config.loss === "alpha-ce").map((l) => l.id);
export const FL_ID = "afl";
export const CE_ID = "ce";

export interface Plan {
  variants: string[];
  losses: string[];
  seeds: number[];
  checkpoints: number[];
  warmupSteps: number;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Named plans; the command line can override any field. */
export const PLANS: Record<string, Plan> = {
  screen: {
    variants: VARIANTS.map((v) => v.name),
    losses: [CE_ID, "ace75", FL_ID],
    seeds: range(1, 3),
    checkpoints: [250, 500, 750, 1000],
    warmupSteps: 0,
  },
  confirm: {
    variants: ["today"],
    losses: LOSSES.map((l) => l.id),
    seeds: range(1, 10),
    checkpoints: [250, 500],
    warmupSteps: 0,
  },
};
