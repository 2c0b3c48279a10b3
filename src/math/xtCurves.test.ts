import { describe, expect, it } from "vitest";
import { sigmoid } from "./numeric";
import { assertInDelta, centralDifference } from "./testing";
import {
  gradientAtXt,
  lossAtXt,
  peakGradient,
  smallGradientFrom,
  XT_GRADIENT_RANGE,
  XT_LOSS_RANGE,
  xtGradientCurve,
  xtLossCurve,
} from "./xtCurves";

const CE = { kind: "ce" } as const;
const FL2 = { kind: "fl", gamma: 2 } as const;
const STAR21 = { kind: "fl-star", gamma: 2, beta: 1 } as const;
const STAR40 = { kind: "fl-star", gamma: 4, beta: 0 } as const;

describe("losses against x_t", () => {
  it("span the paper's Figure 5 (−5 … 5) and Figure 6 (−10 … 10) ranges", () => {
    const loss = xtLossCurve(STAR21);
    expect(loss[0]?.x).toBe(XT_LOSS_RANGE[0]);
    expect(loss.at(-1)?.x).toBe(XT_LOSS_RANGE[1]);
    const grad = xtGradientCurve(FL2);
    expect(grad[0]?.x).toBe(XT_GRADIENT_RANGE[0]);
    expect(grad.at(-1)?.x).toBe(XT_GRADIENT_RANGE[1]);
  });

  it("have derivatives that agree with a finite difference of the loss", () => {
    for (const loss of [CE, FL2, STAR21, STAR40])
      for (const xt of [-4, -1.3, 0, 0.7, 3])
        assertInDelta(
          gradientAtXt(loss, xt),
          centralDifference((v) => lossAtXt(loss, v), xt),
          1e-7,
        );
  });

  it("CE is −ln σ(x_t): ln 2 at 0", () => {
    assertInDelta(lossAtXt(CE, 0), Math.LN2, 1e-15);
    assertInDelta(gradientAtXt(CE, 0), -0.5, 1e-15);
  });
});

describe("smallGradientFrom", () => {
  it("for CE is where σ(−x_t) = level: ln(1/level − 1)", () => {
    assertInDelta(smallGradientFrom(CE, 0.1), Math.log(9), 1e-9);
  });

  it("for FL* is (ln(1/level − 1) − β)/γ", () => {
    assertInDelta(smallGradientFrom(STAR21, 0.1), (Math.log(9) - 1) / 2, 1e-9);
    assertInDelta(smallGradientFrom(STAR40, 0.1), Math.log(9) / 4, 1e-9);
  });

  it("for FL γ = 2 is under a third of CE's (the paper: small as soon as x_t > 0)", () => {
    const x = smallGradientFrom(FL2, 0.1);
    assertInDelta(Math.abs(gradientAtXt(FL2, x)), 0.1, 1e-9);
    for (const later of [x + 0.01, x + 1, x + 5])
      expect(Math.abs(gradientAtXt(FL2, later))).toBeLessThan(0.1);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(smallGradientFrom(CE, 0.1) / 3);
  });
});

describe("peakGradient", () => {
  it("for FL γ = 2 exceeds 1 (it pushes hard examples harder than CE can)", () => {
    const p = peakGradient(FL2);
    expect(p.value).toBeGreaterThan(1.05);
    expect(p.value).toBeLessThan(1.15);
    expect(p.at).toBeLessThan(0);
    expect(p.at).toBeGreaterThan(-4);
  });

  it("for CE and FL* never exceeds 1: |y(p*_t − 1)| < 1, approached as x_t → −∞", () => {
    for (const loss of [CE, STAR21, STAR40]) {
      expect(peakGradient(loss).value).toBeLessThanOrEqual(1);
      expect(peakGradient(loss).at).toBeLessThan(-19);
    }
    assertInDelta(peakGradient(CE).value, sigmoid(20), 1e-9);
  });
});
