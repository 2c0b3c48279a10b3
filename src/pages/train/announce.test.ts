import { describe, expect, it } from "vitest";
import { emptyView, type SessionView } from "../../experiment/history";
import { ANNOUNCE_EVERY_MS, type Announcement, nextAnnouncement } from "./announce";

function view(status: SessionView["status"], step: number, ap?: [number, number]): SessionView {
  const v = emptyView();
  const run = (i: 0 | 1) => ({
    ...v.runs.a,
    step,
    metrics: ap ? [{ step, ap: ap[i], recallAtP50: 0 }] : [],
  });
  return { ...v, status, runs: { a: run(0), b: run(1) } };
}

/** Feed views at the given times; collect what is said. */
function say(events: [number, SessionView][]): { at: number; text: string }[] {
  let last: Announcement | null = null;
  const out: { at: number; text: string }[] = [];
  for (const [t, v] of events) {
    const next = nextAnnouncement(last, v, t);
    if (next) {
      last = next;
      if (next.text) out.push({ at: t, text: next.text });
    }
  }
  return out;
}

describe("training announcements", () => {
  it("say nothing for the page's first state, then each change of state at once", () => {
    expect(say([[0, view("idle", 0)]])).toEqual([]);
    const said = say([
      [0, view("idle", 0)],
      [100, view("running", 0)],
      [900, view("paused", 40, [0.31, 0.45])],
    ]);
    expect(said.map((s) => s.text)).toEqual([
      "Training.",
      "Paused. Step 40 of run A, 40 of run B; held-out AP: A 0.31, B 0.45.",
    ]);
  });

  it("announce progress while training at most every few seconds, however often the view updates", () => {
    const events: [number, SessionView][] = [
      [0, view("idle", 0)],
      [0, view("running", 0)],
    ];
    // 60 frames a second for 20 s, one step per frame.
    for (let t = 16; t <= 20_000; t += 16) events.push([t, view("running", t / 16, [0.2, 0.3])]);
    const said = say(events);
    expect(said.length).toBeGreaterThanOrEqual(4);
    expect(said.length).toBeLessThanOrEqual(1 + 20_000 / ANNOUNCE_EVERY_MS);
    for (let i = 1; i < said.length; i++) {
      expect((said[i]?.at ?? 0) - (said[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(ANNOUNCE_EVERY_MS);
    }
    expect(said.at(-1)?.text).toMatch(
      /^Step [\d,]+ of run A, [\d,]+ of run B; held-out AP: A 0\.2, B 0\.3\.$/,
    );
  });

  it("says a reset and a stop", () => {
    const said = say([
      [0, view("running", 10)],
      [10, view("idle", 0)],
      [20, view("running", 0)],
      [30, view("stopped", 5)],
    ]);
    expect(said.map((s) => s.text)).toEqual([
      "Ready: both runs at step 0.",
      "Training.",
      "Training stopped at step 5.",
    ]);
  });
});
