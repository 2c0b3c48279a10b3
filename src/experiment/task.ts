/**
 * The knobs of the synthetic detection task and of the detector's size. Every field has today's
 * value as its default, and a knob at its default draws nothing extra from the scene's random
 * stream, so a config without `task` (or with only default values) gives the same scenes and the
 * same model, bit for bit.
 */

export interface TaskSpec {
  /** Distractors per image: a uniform integer in [min, max]. */
  distractorCount: readonly [number, number];
  /**
   * Share of distractors that are near-miss "+" shapes: a "+" with one arm shortened by 1 pixel
   * (instead of removed, as in the "tee" distractor). 0: none, and no extra draws.
   */
  nearMissShare: number;
  /** σ of the i.i.d. Gaussian pixel noise added to every image. */
  noiseStd: number;
  /** Stroke brightness of targets, uniform in [min, max). */
  targetAmplitude: readonly [number, number];
  /** Stroke brightness of distractors and clutter, uniform in [min, max). */
  distractorAmplitude: readonly [number, number];
  /** Arm length in pixels of targets and distractors: a uniform integer in [min, max]. */
  armLength: readonly [number, number];
  /** Extra short strokes per image (background clutter), kept off target centres. 0: none. */
  clutterStrokes: number;
  /** Output channels of the 3×3 conv layers, in order (the depth is the length). */
  channels: readonly number[];
}

export const DEFAULT_TASK: Readonly<TaskSpec> = Object.freeze({
  distractorCount: [3, 6] as const,
  nearMissShare: 0,
  noiseStd: 0.06,
  targetAmplitude: [0.25, 0.5] as const,
  distractorAmplitude: [0.25, 0.5] as const,
  armLength: [2, 3] as const,
  clutterStrokes: 0,
  channels: [8, 16, 16],
});

/** Arm lengths the 64×64 image, the shape spacing and the 14-pixel receptive field allow. */
export const ARM_LENGTH_RANGE = { min: 1, max: 5 } as const;

/** `partial` filled in with today's task. */
export function resolveTask(partial: Partial<TaskSpec> = {}): TaskSpec {
  return { ...DEFAULT_TASK, ...partial };
}

/** A stable key of a task: equal keys, equal scenes and model shape. */
export function taskKey(task: TaskSpec): string {
  const t = resolveTask(task);
  return JSON.stringify([
    t.distractorCount,
    t.nearMissShare,
    t.noiseStd,
    t.targetAmplitude,
    t.distractorAmplitude,
    t.armLength,
    t.clutterStrokes,
    t.channels,
  ]);
}

/** The problems with a task, as readable strings; empty when it is valid. */
export function taskProblems(task: TaskSpec): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const intRange = (r: readonly [number, number], lo: number, hi: number) =>
    Array.isArray(r) &&
    r.length === 2 &&
    Number.isInteger(r[0]) &&
    Number.isInteger(r[1]) &&
    lo <= r[0] &&
    r[0] <= r[1] &&
    r[1] <= hi;
  const range = (r: readonly [number, number], lo: number, hi: number) =>
    Array.isArray(r) &&
    r.length === 2 &&
    Number.isFinite(r[0]) &&
    Number.isFinite(r[1]) &&
    lo <= r[0] &&
    r[0] <= r[1] &&
    r[1] <= hi;
  check(
    intRange(task.distractorCount, 0, 20),
    "task.distractorCount must be integers 0 ≤ min ≤ max ≤ 20",
  );
  check(
    Number.isFinite(task.nearMissShare) && task.nearMissShare >= 0 && task.nearMissShare <= 1,
    "task.nearMissShare must be in [0, 1]",
  );
  check(
    Number.isFinite(task.noiseStd) && task.noiseStd >= 0 && task.noiseStd <= 1,
    "task.noiseStd must be in [0, 1]",
  );
  check(range(task.targetAmplitude, 0, 2), "task.targetAmplitude must be 0 ≤ min ≤ max ≤ 2");
  check(
    range(task.distractorAmplitude, 0, 2),
    "task.distractorAmplitude must be 0 ≤ min ≤ max ≤ 2",
  );
  check(
    intRange(task.armLength, ARM_LENGTH_RANGE.min, ARM_LENGTH_RANGE.max),
    `task.armLength must be integers ${ARM_LENGTH_RANGE.min} ≤ min ≤ max ≤ ${ARM_LENGTH_RANGE.max}`,
  );
  check(
    Number.isInteger(task.clutterStrokes) && task.clutterStrokes >= 0 && task.clutterStrokes <= 40,
    "task.clutterStrokes must be an integer in [0, 40]",
  );
  check(
    Array.isArray(task.channels) &&
      task.channels.length >= 1 &&
      task.channels.length <= 6 &&
      task.channels.every((c) => Number.isInteger(c) && c >= 1 && c <= 64),
    "task.channels must be 1–6 integers in [1, 64]",
  );
  return problems;
}
