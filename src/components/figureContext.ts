/**
 * What a figure's frame shows (set by the page it is on: the article, an embed, a lesson link)
 * and where its links point. Both are stable values: a figure that is out of view must not
 * re-render because of them.
 */
import { createContext, type ReactNode } from "react";

export interface FigureOptions {
  /**
   * "page": framed, numbered, in the article; "embed": alone in an iframe, no frame;
   * "present": one figure filling a lecture-hall screen, the chart beside its caption.
   */
  variant: "page" | "embed" | "present";
  title: boolean;
  controls: boolean;
  caption: boolean;
  /** The share / export menu. */
  menu: boolean;
  /** The chart draws the recorded run, not one trained in this tab (its title says so). */
  recorded?: boolean;
  /** Controls shown before the figure's own (an embed's γ / α sliders). */
  extraControls?: ReactNode;
  /**
   * The caption is a polite live region (default): a reader who moves a slider hears the new
   * numbers. Off where captions change by themselves (training), which would flood a screen
   * reader; the training page announces its progress on its own schedule instead.
   */
  liveCaption?: boolean;
}

export const PAGE_FIGURE: FigureOptions = {
  variant: "page",
  title: true,
  controls: true,
  caption: true,
  menu: true,
};

/** A figure on a lecture-hall screen: no menu or data table; the caption stays (the numbers). */
export const PRESENT_FIGURE: FigureOptions = {
  variant: "present",
  title: true,
  controls: true,
  caption: true,
  menu: false,
};

/** A figure on a printed handout: its title and caption, no controls or menu. */
export const HANDOUT_FIGURE: FigureOptions = {
  variant: "page",
  title: true,
  controls: false,
  caption: true,
  menu: false,
};

export const FigureOptionsContext = createContext<FigureOptions>(PAGE_FIGURE);

/**
 * True where the page cannot grow (an embed in a frame of fixed height): a data table then opens
 * in a panel that scrolls inside the frame, instead of below the chart where no one can reach it.
 */
export const ContainedContext = createContext(false);

/** The page a chart is on, for links, embed code and the settings written into exports. */
export interface ChartHost {
  /** The page's folder below the site root: "" for the explainer. */
  pagePath: string;
  /** The page's current state as a query string, read when the menu needs it. */
  stateQuery: () => string;
  /** Open the page's lesson builder with this chart chosen (the explainer only). */
  buildLesson?: (chartId: string) => void;
  /** Show this chart in present mode (the explainer only). */
  present?: (chartId: string) => void;
}

export const ChartHostContext = createContext<ChartHost | null>(null);
