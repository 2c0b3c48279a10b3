/** The explainer's settings in words, for the lesson builder and the handout. */
import { formatCount, formatParam } from "../../math/format";
import type { ExplainerState } from "../../state/explainer";
import type { ExplainerParam } from "../../state/lesson";

export const PARAM_LABELS: Record<ExplainerParam, (s: ExplainerState) => string> = {
  gamma: (s) => `γ = ${formatParam(s.gamma)}`,
  alpha: (s) => `α = ${formatParam(s.alpha)}`,
  ceAlpha: (s) => `α of Figure 5's α-CE bar = ${formatParam(s.ceAlpha)}`,
  ratio: (s) => `R = ${formatCount(s.ratio)} negatives per positive (Figure 5)`,
  population: (s) =>
    `Figure 5's detector: ${s.population === "init" ? "at prior init" : "part-trained (assumed)"}`,
  family: (s) => `Figure 1: the paper's γ family ${s.family ? "shown" : "hidden"}`,
  logy: (s) => `Figure 1: ${s.logy ? "log" : "linear"} loss axis`,
  starGamma: (s) => `γ of Figure 6's FL* = ${formatParam(s.starGamma)}`,
  starBeta: (s) => `β of Figure 6's FL* = ${formatParam(s.starBeta)}`,
};

export const PARAMS = Object.keys(PARAM_LABELS) as ExplainerParam[];
