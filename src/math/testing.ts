/** Shared assertion helpers for the pure-math tests (test-only; no runtime code imports it). */
import { expect } from "vitest";

/** |actual − expected| ≤ delta, with a message that shows both numbers. */
export function assertInDelta(actual: number, expected: number, delta = 1e-12): void {
  expect(
    Math.abs(actual - expected),
    `expected ${actual} to be within ${delta} of ${expected}`,
  ).toBeLessThanOrEqual(delta);
}

/** |actual − expected| ≤ rel · max(|expected|, tiny): a relative tolerance. */
export function assertRelative(actual: number, expected: number, rel = 1e-12): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(
    Math.abs(actual - expected) / scale,
    `expected ${actual} to be within relative ${rel} of ${expected}`,
  ).toBeLessThanOrEqual(rel);
}

/** Central finite difference (f(x+h) − f(x−h)) / 2h. */
export function centralDifference(f: (x: number) => number, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}
