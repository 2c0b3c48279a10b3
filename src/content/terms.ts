/**
 * The equation terms the article ties to its figures (`\htmlClass{term-…}` in article.mdx), and
 * how each is named to a screen reader on the button that shows it in the figures.
 */
export const TERMS = ["pt", "mod", "alpha", "gamma", "ce"] as const;

/** A term of the equations that can be tied to what it does in the figures. */
export type Term = (typeof TERMS)[number];

export function isTerm(value: string | undefined): value is Term {
  return value !== undefined && (TERMS as readonly string[]).includes(value);
}

/** Spoken names: what the formula says, then what it is. */
export const TERM_NAMES: Record<Term, string> = {
  pt: "p sub t, the probability of the true class",
  mod: "the modulating factor, 1 minus p sub t, to the power gamma",
  alpha: "alpha sub t, the class weight",
  gamma: "gamma, the focusing parameter",
  ce: "CE, cross-entropy",
};
