import { describe, expect, it } from "vitest";
import {
  contained,
  FOLLOW_TIMEOUT_MS,
  fitActive,
  fitScale,
  frameResized,
  heightMessages,
  INITIAL_FRAME,
  reported,
  timePassed,
} from "./frameFit";

describe("whether the host follows our height", () => {
  it("learns 'yes' when the frame takes the height we reported", () => {
    let s = reported(INITIAL_FRAME, 640, 600, 0);
    expect(s.pending).toEqual({ height: 640, since: 0 });
    s = frameResized(s, 641);
    expect(s).toEqual({ follows: "yes", pending: null });
    expect(contained("auto", true, s)).toBe(false);
    expect(fitActive("auto", true, s)).toBe(false);
  });

  it("learns 'no' when the frame keeps its height past the timeout, even as the content changes", () => {
    let s = reported(INITIAL_FRAME, 640, 500, 0);
    s = timePassed(s, FOLLOW_TIMEOUT_MS - 1);
    expect(s.follows).toBe("unknown");
    s = reported(s, 700, 500, 600);
    s = frameResized(s, 500);
    s = timePassed(s, FOLLOW_TIMEOUT_MS);
    expect(s.follows).toBe("no");
    expect(fitActive("auto", true, s)).toBe(true);
    expect(contained("auto", true, s)).toBe(true);
  });

  it("decides nothing while the frame already has the content's height", () => {
    const s = timePassed(reported(INITIAL_FRAME, 600, 601, 0), 10 * FOLLOW_TIMEOUT_MS);
    expect(s).toEqual(INITIAL_FRAME);
    // Unknown: a table still opens in its own panel, but nothing is shrunk.
    expect(contained("auto", true, s)).toBe(true);
    expect(fitActive("auto", true, s)).toBe(false);
  });

  it("changes its mind when a late host starts to follow", () => {
    let s = timePassed(reported(INITIAL_FRAME, 640, 500, 0), FOLLOW_TIMEOUT_MS);
    expect(s.follows).toBe("no");
    s = frameResized(reported(s, 640, 500, 2000), 640);
    expect(s.follows).toBe("yes");
  });
});

describe("the fit option", () => {
  it("is forced by fit=1 and fit=0, and never applies outside a frame", () => {
    const yes = { follows: "yes" as const, pending: null };
    expect(fitActive("1", true, yes)).toBe(true);
    expect(contained("1", true, yes)).toBe(true);
    expect(fitActive("0", true, { follows: "no", pending: null })).toBe(false);
    expect(fitActive("1", false, INITIAL_FRAME)).toBe(false);
    expect(contained("1", false, INITIAL_FRAME)).toBe(false);
  });
});

describe("the fit scale", () => {
  it("shrinks to the tighter of height and width, never enlarges, and has a floor", () => {
    expect(fitScale({ width: 800, height: 640 }, { width: 800, height: 500 })).toBe(0.781);
    expect(fitScale({ width: 800, height: 400 }, { width: 400, height: 500 })).toBe(0.5);
    expect(fitScale({ width: 300, height: 300 }, { width: 800, height: 500 })).toBe(1);
    expect(fitScale({ width: 800, height: 8000 }, { width: 800, height: 500 })).toBe(0.25);
    expect(fitScale({ width: 0, height: 0 }, { width: 800, height: 500 })).toBe(1);
  });

  it("rounds down, so the scaled content is never a fraction of a pixel too tall", () => {
    for (const h of [501, 577, 640, 999]) {
      expect(
        h * fitScale({ width: 10, height: h }, { width: 10, height: 500 }),
      ).toBeLessThanOrEqual(500);
    }
  });
});

describe("the height messages", () => {
  it("speak our own dialect and the LTI ones, as hosts parse them", () => {
    const [ours, canvas, ims] = heightMessages(612);
    expect(ours).toEqual({ type: "focal-loss-explorer:embed-height", height: 612 });
    expect(JSON.parse(canvas as string)).toEqual({ subject: "lti.frameResize", height: 612 });
    expect(JSON.parse(ims as string)).toEqual({
      subject: "org.imsglobal.lti.frameResize",
      height: 612,
    });
  });
});
