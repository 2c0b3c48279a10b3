/**
 * The Share / export menu the explainer and training pages give their figures (through
 * `ChartMenuContext`): the export code loads only when a reader opens a menu.
 */
import { lazy } from "react";
import type { ChartMenuPanel } from "../components/ChartMenu";

export const LazyChartMenuPanel: ChartMenuPanel = lazy(() => import("../export/ChartMenuPanel"));
