import { describe, expect, it, vi } from "vitest";
import { gatedLoader, prefetchInTurn } from "./gatedLoader";

/** A fetch the test resolves or rejects by hand. */
function manualFetch<T>() {
  const calls: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const fetch = vi.fn(
    () =>
      new Promise<T>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  );
  const call = (i: number) => {
    const c = calls[i];
    if (!c) throw new Error(`fetch was not called ${i + 1} times`);
    return c;
  };
  return { fetch, call };
}

/** Settle the fetch's promise chain. */
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("gatedLoader", () => {
  it("fetches on load but settles only once opened, synchronously inside open()", async () => {
    const { fetch, call } = manualFetch<string>();
    const gate = gatedLoader(fetch);
    const got: string[] = [];
    gate.load().then((v) => got.push(v));
    expect(fetch).toHaveBeenCalledTimes(1);
    call(0).resolve("code");
    await flush();
    expect(gate.loaded()).toBe(true);
    expect(got).toEqual([]);
    gate.open();
    // No await: the callback ran inside open().
    expect(got).toEqual(["code"]);
  });

  it("opened first, it settles when the code arrives; later loads settle inside then()", async () => {
    const { fetch, call } = manualFetch<string>();
    const gate = gatedLoader(fetch);
    gate.open();
    const got: string[] = [];
    gate.load().then((v) => got.push(v));
    expect(got).toEqual([]);
    call(0).resolve("code");
    await flush();
    expect(got).toEqual(["code"]);
    gate.load().then((v) => got.push(`again ${v}`));
    expect(got).toEqual(["code", "again code"]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("prefetch fetches once; load after it does not fetch again", async () => {
    const { fetch, call } = manualFetch<number>();
    const gate = gatedLoader(fetch);
    const first = gate.prefetch();
    gate.prefetch();
    expect(fetch).toHaveBeenCalledTimes(1);
    call(0).resolve(7);
    expect(await first).toBe(true);
    expect(await gate.prefetch()).toBe(true);
    gate.open();
    const got: number[] = [];
    gate.load().then((v) => got.push(v));
    expect(got).toEqual([7]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("a failure is reported once opened, and the next load (a retry) fetches again", async () => {
    const { fetch, call } = manualFetch<string>();
    const gate = gatedLoader(fetch);
    const errors: unknown[] = [];
    gate.load().then(
      () => errors.push("resolved?"),
      (e) => errors.push(e),
    );
    call(0).reject(new Error("offline"));
    await flush();
    expect(errors).toEqual([]);
    gate.open();
    expect(errors).toEqual([new Error("offline")]);
    expect(gate.loaded()).toBe(false);

    const got: string[] = [];
    gate.load().then((v) => got.push(v));
    expect(fetch).toHaveBeenCalledTimes(2);
    call(1).resolve("code");
    await flush();
    expect(got).toEqual(["code"]);
    expect(gate.loaded()).toBe(true);
  });

  it("a waiter whose callback throws, or that gave none, does not keep the others from being told", async () => {
    const { fetch, call } = manualFetch<string>();
    const gate = gatedLoader(fetch);
    const reported = vi.fn();
    vi.stubGlobal("reportError", reported);
    const got: string[] = [];
    gate.load().then(() => {
      throw new Error("a waiter failed");
    });
    (gate.load() as unknown as { then: (f?: unknown) => void }).then();
    gate.load().then((v) => got.push(v));
    call(0).resolve("code");
    await flush();
    gate.open();
    expect(got).toEqual(["code"]);
    expect(reported).toHaveBeenCalledTimes(1);
    expect(await gate.prefetch()).toBe(true);
    vi.unstubAllGlobals();
  });
});

describe("prefetchInTurn", () => {
  it("starts one gate's fetch per task, in order, and resolves once all have settled", async () => {
    const fetches = [manualFetch<string>(), manualFetch<string>(), manualFetch<string>()];
    const gates = fetches.map(({ fetch }) => gatedLoader(fetch));
    const turns: (() => void)[] = [];
    const nextTask = () => new Promise<void>((resolve) => turns.push(resolve));
    let done = false;
    void prefetchInTurn(gates, nextTask).then(() => {
      done = true;
    });
    const started = () => fetches.map(({ fetch }) => fetch.mock.calls.length);
    expect(started()).toEqual([1, 0, 0]);
    turns.shift()?.();
    await flush();
    expect(started()).toEqual([1, 1, 0]);
    turns.shift()?.();
    await flush();
    expect(started()).toEqual([1, 1, 1]);
    expect(turns).toHaveLength(0);
    fetches[0]?.call(0).resolve("a");
    fetches[2]?.call(0).reject(new Error("offline"));
    await flush();
    expect(done).toBe(false);
    fetches[1]?.call(0).resolve("b");
    await flush();
    expect(done).toBe(true);
  });

  it("goes on past a gate whose prefetch throws or rejects", async () => {
    const ok = manualFetch<string>();
    const gates = [
      {
        prefetch: (): Promise<boolean> => {
          throw new Error("broken");
        },
      },
      { prefetch: () => Promise.reject(new Error("offline")) },
      gatedLoader(ok.fetch),
    ];
    let done = false;
    void prefetchInTurn(gates, () => Promise.resolve()).then(() => {
      done = true;
    });
    await flush();
    expect(ok.fetch).toHaveBeenCalledTimes(1);
    ok.call(0).resolve("c");
    await flush();
    expect(done).toBe(true);
  });

  it("does not fetch twice a gate that started on its own before its turn", async () => {
    const fetches = [manualFetch<string>(), manualFetch<string>()];
    const gates = fetches.map(({ fetch }) => gatedLoader(fetch));
    const turns: (() => void)[] = [];
    void prefetchInTurn(gates, () => new Promise<void>((resolve) => turns.push(resolve)));
    void gates[1]?.load();
    turns.shift()?.();
    await flush();
    expect(fetches.map(({ fetch }) => fetch.mock.calls.length)).toEqual([1, 1]);
  });
});
