/**
 * The Share / export menu the explainer and training pages give their figures (through
 * `ChartMenuContext`): the export code loads only when a reader opens a menu.
 */
import type { ChartMenuPanel } from "../components/ChartMenu";
import { lazyPart } from "../components/lazyPart";

export const LazyChartMenuPanel: ChartMenuPanel = lazyPart(
  () => import("../export/ChartMenuPanel"),
);
