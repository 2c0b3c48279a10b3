/** The "Your own model" page's state in the URL: γ, α and which example is shown (never a file). */
import type { StateOf } from "./schema";

export const EXAMPLES = ["detector-fl", "detector-ce", "fraud"] as const;
export type ExampleId = (typeof EXAMPLES)[number];

export const YOURS_SCHEMA = {
  /** Focusing parameter γ. */
  gamma: { kind: "number", default: 2, min: 0, max: 5, precision: 2 },
  /** Balancing weight α of positives. */
  alpha: { kind: "number", default: 0.25, min: 0, max: 1, precision: 2 },
  /** α of the α-CE bar: its own, as the paper tuned α apart for CE (0.75). */
  ceAlpha: { kind: "number", default: 0.75, min: 0, max: 1, precision: 2 },
  /** The example file shown until the reader brings their own. */
  example: { kind: "enum", default: "detector-fl", values: EXAMPLES },
  /** Bins of the reliability diagram. */
  bins: { kind: "enum", default: "10", values: ["10", "15", "20"] },
} as const;

export type YoursState = StateOf<typeof YOURS_SCHEMA>;
