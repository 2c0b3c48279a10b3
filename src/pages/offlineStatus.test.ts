import { describe, expect, it } from "vitest";
import {
  type OfflineEvent,
  type OfflineStatus,
  offlineReducer,
  offlineSentence,
  INITIAL_OFFLINE_STATUS as START,
  shouldReload,
  updateSentence,
} from "./offlineStatus";

const run = (events: OfflineEvent[], from: OfflineStatus = START) =>
  events.reduce(offlineReducer, from);

describe("the offline status", () => {
  it("claims nothing until a service worker is installed, then says the site works offline", () => {
    expect(offlineSentence(START)).toBeNull();
    const saving = run([{ type: "registered", active: false, waiting: false }]);
    expect(saving.offline).toBe("saving");
    expect(offlineSentence(saving)).toMatch(/^Saving/);
    const ready = run([{ type: "activated" }], saving);
    expect(ready).toEqual({ offline: "ready", update: "none" });
    expect(offlineSentence(ready)).toMatch(/work without a network/);
    expect(updateSentence(ready)).toBeNull();
  });

  it("says nothing about offline use when registration fails or is blocked", () => {
    const s = run([{ type: "registered", active: false, waiting: false }, { type: "unavailable" }]);
    expect(offlineSentence(s)).toBeNull();
  });

  it("offers a waiting version and reloads only once the version the reader asked for took over", () => {
    const waiting = run([
      { type: "registered", active: true, waiting: false },
      { type: "waiting" },
    ]);
    expect(waiting.update).toBe("waiting");
    expect(updateSentence(waiting)).toBe("A new version of this site is ready.");
    const change: OfflineEvent = { type: "controller-changed", hadController: true };
    expect(shouldReload(waiting, change)).toBe(false);
    const applying = run([{ type: "apply" }], waiting);
    expect(applying.update).toBe("applying");
    expect(shouldReload(applying, change)).toBe(true);
  });

  it("tells a tab whose version was replaced by another tab, without reloading it", () => {
    const s = run([
      { type: "registered", active: true, waiting: true },
      { type: "controller-changed", hadController: true },
    ]);
    expect(s.update).toBe("elsewhere");
    expect(updateSentence(s)).toMatch(/another tab/);
    expect(shouldReload(START, { type: "controller-changed", hadController: true })).toBe(false);
  });

  it("does not treat the first install as an update, and ignores apply with nothing waiting", () => {
    const first = run([
      { type: "registered", active: false, waiting: false },
      { type: "controller-changed", hadController: false },
    ]);
    expect(first).toEqual({ offline: "ready", update: "none" });
    expect(run([{ type: "apply" }], first).update).toBe("none");
  });
});
