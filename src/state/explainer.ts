/** The explainer's state: one schema for the sliders, toggles and the URL. */
import type { StateOf } from "./schema";

export const EXPLAINER_SCHEMA = {
  /** Focusing parameter γ of the modulating factor (1 − p_t)^γ. */
  gamma: { kind: "number", default: 2, min: 0, max: 5, precision: 2 },
  /** Balancing weight α of positives (negatives get 1 − α). */
  alpha: { kind: "number", default: 0.25, min: 0, max: 1, precision: 2 },
  /** α of the α-CE bar in the loss budget: its own, as the paper tuned α apart for CE (0.75). */
  ceAlpha: { kind: "number", default: 0.75, min: 0, max: 1, precision: 2 },
  /** Negatives per positive in the loss-budget population. */
  ratio: { kind: "number", default: 1000, min: 1, max: 100000, integer: true },
  /** Which population the loss budget describes. */
  population: { kind: "enum", default: "training", values: ["training", "init"] },
  /** Show the paper's Figure 1 family (γ = 0, 0.5, 1, 2, 5) in the loss plot. */
  family: { kind: "boolean", default: false },
  /** Log y-axis in the loss plot. */
  logy: { kind: "boolean", default: false },
  /** γ of FL* (appendix A): the steepness of p*_t = σ(γ x_t + β); FL* divides by it, so γ > 0. */
  starGamma: { kind: "number", default: 2, min: 0.25, max: 5, precision: 2 },
  /** β of FL*: the shift of p*_t = σ(γ x_t + β). */
  starBeta: { kind: "number", default: 1, min: -5, max: 5, precision: 2 },
} as const;

export type ExplainerState = StateOf<typeof EXPLAINER_SCHEMA>;
