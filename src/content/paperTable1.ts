/**
 * The paper's own numbers (Lin et al. 2017, Table 1b: ResNet-50 RetinaNet on COCO, AP on
 * minival, varying γ for FL with the best α for each γ), shown next to the in-tab sweep.
 */
export const PAPER_TABLE_1B: readonly { gamma: number; alpha: number; ap: number }[] = [
  { gamma: 0, alpha: 0.75, ap: 31.1 },
  { gamma: 0.1, alpha: 0.75, ap: 31.4 },
  { gamma: 0.2, alpha: 0.75, ap: 31.9 },
  { gamma: 0.5, alpha: 0.5, ap: 32.9 },
  { gamma: 1, alpha: 0.25, ap: 33.7 },
  { gamma: 2, alpha: 0.25, ap: 34.0 },
  { gamma: 5, alpha: 0.25, ap: 32.2 },
];
