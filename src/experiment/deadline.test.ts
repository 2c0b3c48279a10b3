import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeadlineError, formatSeconds, withDeadline } from "./deadline";

describe("withDeadline", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("turns a promise that never settles into an error naming what and how long", async () => {
    const bounded = withDeadline(new Promise(() => {}), 30_000, "the read-back");
    const outcome = bounded.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(DeadlineError);
    expect((error as Error).message).toBe("waited 30 s for the read-back");
  });

  it("passes a value or an error through and clears its timer", async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, "x")).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error("no")), 1000, "x")).rejects.toThrow("no");
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("formatSeconds", () => {
  it("says seconds, and whole minutes from two minutes on", () => {
    expect(formatSeconds(30_000)).toBe("30 s");
    expect(formatSeconds(90_000)).toBe("90 s");
    expect(formatSeconds(300_000)).toBe("5 min");
  });
});
