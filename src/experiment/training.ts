/** Plain records of a training run, shared by the engine that makes them and the page that shows them. */

/** Why and where a run stopped. `step` is the 1-based update whose loss or gradient was bad. */
export interface Divergence {
  step: number;
  reason: string;
}

/** Loss and gradient norm of consecutive steps `firstStep`, `firstStep + 1`, … (1-based). */
export interface StepLog {
  firstStep: number;
  loss: Float32Array;
  /** The parts of `loss` from positive and from negative locations (they add up to it). */
  lossPositive: Float32Array;
  lossNegative: Float32Array;
  gradNorm: Float32Array;
}

/** Weights known to be good (read back at an evaluation), to continue a run elsewhere. */
export interface TrainerSnapshot {
  step: number;
  weights: Float32Array[];
}
