/**
 * What the article places by name: typeset equations, instructions and the six figures (each in
 * its slot, between the article's static parts: build/rehypeArticleParts.ts). Needed only where
 * React renders the article: at build time, and in the browser when there was no server markup
 * to adopt (ArticleBody.tsx), so it loads with the article's own code.
 */
import { Tex } from "../../components/Tex";
import { Try } from "../../components/Try";
import type { ExplainerChartId } from "../../state/charts";
import { FigureSlot } from "./explainerFigures";

function slotted(chart: ExplainerChartId) {
  const Slotted = () => <FigureSlot chart={chart} />;
  Slotted.displayName = `FigureSlot(${chart})`;
  return Slotted;
}

const FIGURES = {
  LossVsPtFigure: slotted("loss-vs-pt"),
  AlphaBalancedFigure: slotted("alpha-balanced"),
  DownweightFigure: slotted("down-weighting"),
  GradientFigure: slotted("gradient"),
  LossBudgetFigure: slotted("loss-budget"),
  FocalStarFigure: slotted("fl-star"),
};

export const ARTICLE_COMPONENTS = { Tex, Try, ...FIGURES };
