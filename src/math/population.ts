/**
 * "Where the loss goes": the expected loss and gradient of a population with one positive per
 * R negatives, split into positives, hard negatives and easy negatives (p_t > 0.9: our cut-off;
 * the paper calls examples with p_t ≫ 0.5 easy and sets no threshold).
 *
 * Each group's signed logit z (p_t = σ(z)) follows a normal distribution; a standard deviation
 * of 0 means every member sits at the mean. Expectations are computed by midpoint quadrature.
 */
import { sigmoidFocalLoss, sigmoidFocalLossGrad } from "./focal";
import { logit } from "./numeric";
import { EASY_PT } from "./shares";

/** Normal distribution of the signed logit z = ±x of a group, so p_t = σ(z). */
export interface LogitDistribution {
  mean: number;
  sd: number;
}

/** A population: how confidently the detector already handles positives and negatives. */
export interface Population {
  positives: LogitDistribution;
  negatives: LogitDistribution;
}

/** The prior of the paper's initialization, π = 0.01. */
export const PRIOR = 0.01;

/**
 * Populations the explainer offers. `init`: every location scores π = 0.01 (the paper's prior
 * initialization), so negatives sit at p_t = 0.99 and positives at p_t = 0.01; our trained toy
 * measures the same shares at its step 0. `training`: an *assumed*, illustrative detector
 * part-way through training, not a measurement: negatives mostly easy (median p_t ≈ 0.993, 1.3%
 * of them at p_t ≤ 0.9) with a tail of hard ones, positives found but not yet confident (median
 * p_t ≈ 0.73).
 */
export const POPULATIONS = {
  init: {
    positives: { mean: logit(PRIOR), sd: 0 },
    negatives: { mean: -logit(PRIOR), sd: 0 },
  },
  training: {
    positives: { mean: 1, sd: 1.5 },
    negatives: { mean: 5, sd: 1.25 },
  },
} as const satisfies Record<string, Population>;

/** Name of a population preset. */
export type PopulationName = keyof typeof POPULATIONS;

/** One group's expected totals per positive in the population. */
export interface BudgetGroup {
  /** Expected number of members per positive. */
  count: number;
  /** Expected summed loss per positive. */
  loss: number;
  /** Expected summed |dL/dx| per positive. */
  gradient: number;
}

/** The three groups of the loss budget. */
export interface LossBudget {
  positives: BudgetGroup;
  hardNegatives: BudgetGroup;
  easyNegatives: BudgetGroup;
}

/** The groups in display order, with their labels. */
export const BUDGET_GROUPS = [
  { key: "positives", label: "Positives" },
  { key: "hardNegatives", label: "Hard negatives (pₜ ≤ 0.9)" },
  { key: "easyNegatives", label: "Easy negatives (pₜ > 0.9)" },
] as const;

const nodeCache = new Map<string, readonly { z: number; w: number }[]>();

/**
 * Quadrature nodes z with weights summing to 1 for N(mean, sd²), truncated at ±6 sd (midpoint
 * rule). Memoized: the figures ask for the same few distributions on every slider move.
 */
export function normalNodes(d: LogitDistribution, n = 600): readonly { z: number; w: number }[] {
  const key = `${d.mean}|${d.sd}|${n}`;
  let nodes = nodeCache.get(key);
  if (!nodes) {
    nodes = computeNormalNodes(d, n);
    nodeCache.set(key, nodes);
  }
  return nodes;
}

function computeNormalNodes(d: LogitDistribution, n: number): { z: number; w: number }[] {
  if (d.sd === 0) return [{ z: d.mean, w: 1 }];
  const h = 12 / n;
  const nodes = Array.from({ length: n }, (_, i) => {
    const u = -6 + h * (i + 0.5);
    return { z: d.mean + d.sd * u, w: Math.exp(-0.5 * u * u) };
  });
  const total = nodes.reduce((s, node) => s + node.w, 0);
  return nodes.map((node) => ({ z: node.z, w: node.w / total }));
}

/**
 * Expected loss and |gradient| per positive, split into positives, hard negatives and easy
 * negatives, for `ratio` negatives per positive under FL(γ, α) (γ = 0 gives CE; alpha null
 * gives no α weighting). A negative's logit is x = −z, a positive's x = z.
 */
export function lossBudget(
  population: Population,
  ratio: number,
  opts: { gamma: number; alpha: number | null },
): LossBudget {
  const empty = (): BudgetGroup => ({ count: 0, loss: 0, gradient: 0 });
  const budget: LossBudget = {
    positives: empty(),
    hardNegatives: empty(),
    easyNegatives: empty(),
  };
  const easyZ = logit(EASY_PT);
  for (const { z, w } of normalNodes(population.positives)) {
    add(budget.positives, w, sigmoidFocalLoss(z, 1, opts), sigmoidFocalLossGrad(z, 1, opts));
  }
  for (const { z, w } of normalNodes(population.negatives)) {
    const group = z > easyZ ? budget.easyNegatives : budget.hardNegatives;
    const weight = w * ratio;
    add(group, weight, sigmoidFocalLoss(-z, 0, opts), sigmoidFocalLossGrad(-z, 0, opts));
  }
  return budget;
}

function add(group: BudgetGroup, weight: number, loss: number, grad: number): void {
  group.count += weight;
  group.loss += weight * loss;
  group.gradient += weight * Math.abs(grad);
}

/** Shares of a budget's total for one measure; they sum to 1 (all 0 when the total is 0). */
export function budgetShares(
  budget: LossBudget,
  measure: "loss" | "gradient" | "count",
): Record<keyof LossBudget, number> {
  const total =
    budget.positives[measure] + budget.hardNegatives[measure] + budget.easyNegatives[measure];
  const share = (v: number) => (total > 0 ? v / total : 0);
  return {
    positives: share(budget.positives[measure]),
    hardNegatives: share(budget.hardNegatives[measure]),
    easyNegatives: share(budget.easyNegatives[measure]),
  };
}

/**
 * The losses compared side by side in the budget figure: CE, α-CE with its own α (`ceAlpha`:
 * the paper's best α for CE was 0.75, not the 0.25 it chose for γ = 2) and α-FL (γ, α).
 */
export function budgetComparison(
  population: Population,
  ratio: number,
  gamma: number,
  alpha: number,
  ceAlpha: number,
): { id: "ce" | "alpha-ce" | "fl"; label: string; budget: LossBudget }[] {
  return [
    { id: "ce", label: "CE", budget: lossBudget(population, ratio, { gamma: 0, alpha: null }) },
    {
      id: "alpha-ce",
      label: "α-CE",
      budget: lossBudget(population, ratio, { gamma: 0, alpha: ceAlpha }),
    },
    { id: "fl", label: "α-FL", budget: lossBudget(population, ratio, { gamma, alpha }) },
  ];
}
