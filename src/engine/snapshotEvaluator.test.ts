/**
 * The page-side half of the second worker: replies matched to requests, and every way a worker
 * can fail (a script error, silence) turned into rejections, never a wait without end.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../experiment/config";
import type { EvaluatedRun, EvaluatorReply, EvaluatorRequest } from "./snapshotEvaluator";
import { workerEvaluator } from "./snapshotEvaluator";

class FakeWorker {
  onmessage: ((event: MessageEvent<EvaluatorReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: EvaluatorRequest[] = [];
  terminated = false;
  postMessage(request: EvaluatorRequest): void {
    this.posted.push(structuredClone(request));
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(reply: EvaluatorReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<EvaluatorReply>);
  }
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

const BUILD = { name: "wasm" as const, simd: true };
const snapshot = (step: number) => ({ step, weights: [Float32Array.from([step])] });
const resultAt = (step: number) => ({ evaluation: { step } }) as unknown as EvaluatedRun;

function setup(timeoutMs = 60_000) {
  const workers: FakeWorker[] = [];
  const evaluator = workerEvaluator(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    BUILD,
    timeoutMs,
  );
  return { evaluator, workers };
}

describe("workerEvaluator", () => {
  it("starts one worker, sends the build and the snapshot, and resolves each reply's request", async () => {
    const { evaluator, workers } = setup();
    evaluator.prepare("a", DEFAULT_CONFIG);
    const a = evaluator.evaluate("a", DEFAULT_CONFIG, snapshot(50));
    const b = evaluator.evaluate("b", DEFAULT_CONFIG, snapshot(50));
    expect(workers.length).toBe(1);
    const w = workers[0] as FakeWorker;
    expect(w.posted.map((r) => [r.kind, r.run, r.build])).toEqual([
      ["prepare", "a", BUILD],
      ["evaluate", "a", BUILD],
      ["evaluate", "b", BUILD],
    ]);
    const [, ask, askB] = w.posted;
    w.reply({ id: (w.posted[0] as EvaluatorRequest).id, ok: true, result: null });
    w.reply({ id: (askB as EvaluatorRequest).id, ok: true, result: resultAt(2) });
    w.reply({ id: (ask as EvaluatorRequest).id, ok: true, result: resultAt(1) });
    expect((await a).evaluation.step).toBe(1);
    expect((await b).evaluation.step).toBe(2);
  });

  it("rejects an evaluation the worker could not make, and goes on with the next", async () => {
    const { evaluator, workers } = setup();
    const a = evaluator.evaluate("a", DEFAULT_CONFIG, snapshot(5));
    const w = workers[0] as FakeWorker;
    w.reply({ id: (w.posted[0] as EvaluatorRequest).id, ok: false, error: "another wasm build" });
    await expect(a).rejects.toThrow("another wasm build");
    const b = evaluator.evaluate("a", DEFAULT_CONFIG, snapshot(10));
    w.reply({ id: (w.posted[1] as EvaluatorRequest).id, ok: true, result: resultAt(10) });
    expect((await b).evaluation.step).toBe(10);
  });

  it("a worker whose script fails rejects what is in flight and everything after, and ends", async () => {
    const { evaluator, workers } = setup();
    const a = evaluator.evaluate("a", DEFAULT_CONFIG, snapshot(5));
    (workers[0] as FakeWorker).fail("404");
    await expect(a).rejects.toThrow("404");
    await expect(evaluator.evaluate("a", DEFAULT_CONFIG, snapshot(10))).rejects.toThrow("404");
    expect(workers[0]?.terminated).toBe(true);
    expect(workers.length).toBe(1);
  });

  it("a worker that cannot even be started rejects at once (the session then evaluates itself)", async () => {
    const evaluator = workerEvaluator(() => {
      throw new Error("SecurityError: no workers here");
    }, BUILD);
    evaluator.prepare("a", DEFAULT_CONFIG);
    await expect(evaluator.evaluate("a", DEFAULT_CONFIG, snapshot(5))).rejects.toThrow(
      "no workers here",
    );
  });

  it("an answer without an evaluation is an error, not a wait", async () => {
    const { evaluator, workers } = setup();
    const a = evaluator.evaluate("a", DEFAULT_CONFIG, snapshot(5));
    const w = workers[0] as FakeWorker;
    w.reply({ id: (w.posted[0] as EvaluatorRequest).id, ok: true, result: null });
    await expect(a).rejects.toThrow("no evaluation");
  });

  it("a silent worker is given up after the timeout", async () => {
    const { evaluator, workers } = setup(30);
    const a = evaluator.evaluate("a", DEFAULT_CONFIG, snapshot(5));
    await expect(a).rejects.toThrow(/no evaluation came back within 0.03 s/);
    expect(workers[0]?.terminated).toBe(true);
  });
});
