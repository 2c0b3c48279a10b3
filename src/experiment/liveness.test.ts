import { describe, expect, it } from "vitest";
import {
  LIVENESS,
  replacementNotice,
  replacementThread,
  SilenceWatch,
  workerSilent,
} from "./liveness";

describe("SilenceWatch", () => {
  it("calls a worker silent only after more than the limit without a word", () => {
    const watch = new SilenceWatch(1000, 0);
    expect(watch.isSilent(1000)).toBe(false);
    expect(watch.isSilent(1001)).toBe(true);
    watch.heard(900);
    expect(watch.isSilent(1900)).toBe(false);
    // A late timestamp never moves the last word back.
    watch.heard(100);
    expect(watch.isSilent(1900)).toBe(false);
  });
});

describe("replacementThread", () => {
  it("replaces a lost worker once, then trains on the page", () => {
    expect(replacementThread(1, false)).toBe("worker");
    expect(replacementThread(2, false)).toBe("main");
    expect(replacementThread(1, true)).toBe("main");
  });
});

describe("the bounds", () => {
  it("leave a healthy worker room: silence outlasts a slow step, a start outlasts four backend tries", () => {
    expect(LIVENESS.silenceMs).toBeGreaterThan(LIVENESS.pingEveryMs * 10);
    expect(LIVENESS.startMs).toBeGreaterThan(4 * 15_000 + LIVENESS.stepMs);
    expect(workerSilent(LIVENESS.silenceMs)).toBe("the background worker sent nothing for 2 min");
  });

  it("say what happened and what happens next", () => {
    expect(replacementNotice("x", "main")).toBe(
      "Training was interrupted (x); training now runs on this page instead, which may make the page less smooth. Both runs start again from step 0 with the same settings.",
    );
  });
});
