/**
 * The `auto` backend: time a few real training steps of the run's config on every backend that
 * initializes here, pick the fastest, and say why. Call it before creating the run's Trainer
 * (tensors should not straddle a backend switch).
 */

import {
  BACKEND_NAMES,
  type BackendChoice,
  type BackendName,
  type BackendSelection,
  type BackendTiming,
} from "../experiment/backends";
import type { TrainConfig } from "../experiment/config";
import { createHeldOutSet } from "../experiment/dataset";
import { yieldToMessages } from "../experiment/yieldToMessages";
import { type BackendSetupOptions, useBackend, wasmThreadsAvailable } from "./backend";
import { Trainer } from "./trainer";

export interface AutoOptions extends BackendSetupOptions {
  candidates?: readonly BackendName[];
  /** Timed steps per backend, after one untimed warm-up step (shader compilation, wasm JIT). */
  steps?: number;
  /** Stop timing a backend whose first timed step is this many times slower than the best so far. */
  giveUpFactor?: number;
}

/** Median wall time of training steps of `config` on the active backend, after a warm-up step. */
export async function measureStepMs(
  config: TrainConfig,
  steps: number,
  giveUpAfterMs = Number.POSITIVE_INFINITY,
) {
  const trainer = new Trainer(config, { heldOut: createHeldOutSet(config.imbalance, 1) });
  try {
    trainer.step();
    await trainer.flush();
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      // A worker answers the page's liveness pings between timed steps (a slow backend's step
      // can take tens of seconds).
      await yieldToMessages();
      const start = performance.now();
      trainer.step();
      await trainer.flush();
      times.push(performance.now() - start);
      if ((times[0] as number) > giveUpAfterMs) break;
    }
    times.sort((a, b) => a - b);
    return {
      msPerStep: times[Math.floor((times.length - 1) / 2)] as number,
      stepsTimed: times.length,
    };
  } finally {
    trainer.dispose();
  }
}

/** One thing `auto` times: a backend, and for wasm which build (both where threads can run). */
interface Candidate {
  name: BackendName;
  wasmThreads?: boolean;
}

/**
 * The fewest logical cores at which `auto` times the multithreaded wasm build. tfjs-backend-wasm
 * sizes XNNPACK's pool at half the logical cores (docs/benchmarks.md, "Multithreaded wasm"), so
 * below 4 the multithreaded build runs one XNNPACK thread: threads gain it nothing (measured
 * faster or slower within the noise), yet it starts its 8 pthread workers (about 17 MB each,
 * measured once). A failover to wasm, or a named `wasm`, still starts the multithreaded build
 * where the page is isolated.
 */
export const MIN_CORES_FOR_WASM_THREADS = 4;

/**
 * What `auto` times for each of `names`, given whether this page can run the multithreaded wasm
 * build and the machine's logical cores; `skipped` says what is left out and why.
 */
export function candidatesFor(
  names: readonly BackendName[],
  threadsAvailable: boolean,
  logicalCores: number,
): { candidates: Candidate[]; skipped: BackendTiming[] } {
  const timeThreads = threadsAvailable && logicalCores >= MIN_CORES_FOR_WASM_THREADS;
  const candidates = names.flatMap((name): Candidate[] => {
    if (name !== "wasm" || !threadsAvailable) return [{ name }];
    return timeThreads
      ? [
          { name, wasmThreads: true },
          { name, wasmThreads: false },
        ]
      : [{ name, wasmThreads: false }];
  });
  const skipped: BackendTiming[] =
    names.includes("wasm") && threadsAvailable && !timeThreads
      ? [
          {
            name: "wasm",
            wasmThreads: true,
            msPerStep: null,
            stepsTimed: 0,
            notTimed: `${logicalCores} logical core${logicalCores === 1 ? "" : "s"} would give it one XNNPACK thread`,
          },
        ]
      : [];
  return { candidates, skipped };
}

/**
 * Makes `choice` the active backend. A named backend is used as is; "auto" times `config` on each
 * candidate (wasm first, so the others can give up early when far slower) and keeps the fastest.
 * Where the page is cross-origin isolated and the machine has at least
 * MIN_CORES_FOR_WASM_THREADS logical cores, wasm is timed twice, multithreaded and
 * single-threaded, one after the other in the same run; with fewer, only the single-threaded
 * build is timed and used. WebGPU is a candidate only when an
 * adapter probe passes (`useBackend` throws otherwise, and it is listed as unavailable).
 */
export async function selectBackend(
  choice: BackendChoice,
  config: TrainConfig,
  options: AutoOptions = {},
): Promise<BackendSelection> {
  if (choice !== "auto") {
    const info = await useBackend(choice, options);
    return { name: choice, info, reason: `${choice} was requested`, timings: [] };
  }
  const names = options.candidates ?? ["wasm", ...BACKEND_NAMES.filter((b) => b !== "wasm")];
  const threadsAvailable = names.includes("wasm") && (await wasmThreadsAvailable());
  const { candidates, skipped } = candidatesFor(
    names,
    threadsAvailable,
    globalThis.navigator?.hardwareConcurrency ?? 1,
  );
  const timings: BackendTiming[] = [];
  for (const { name, wasmThreads } of candidates) {
    const best = Math.min(...timings.map((t) => t.msPerStep ?? Number.POSITIVE_INFINITY));
    const variant = wasmThreads === undefined ? {} : { wasmThreads };
    try {
      const info = await useBackend(name, { ...options, ...variant });
      const measured = await measureStepMs(
        config,
        options.steps ?? 3,
        best * (options.giveUpFactor ?? 5),
      );
      // What ran: the multithreaded build falls back to the single-threaded one when it cannot
      // start its pthread workers.
      const ran = wasmThreads === undefined ? {} : { wasmThreads: info.threads !== undefined };
      timings.push({ name, ...ran, info, ...measured });
    } catch (error) {
      timings.push({
        name,
        ...variant,
        msPerStep: null,
        stepsTimed: 0,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const usable = timings
    .filter((t) => t.msPerStep !== null)
    .sort((a, b) => (a.msPerStep as number) - (b.msPerStep as number));
  const winner = usable[0];
  if (!winner) throw new Error(`no backend works here: ${timings.map((t) => t.error).join("; ")}`);
  const info = await useBackend(winner.name, {
    ...options,
    ...(winner.wasmThreads === undefined ? {} : { wasmThreads: winner.wasmThreads }),
  });
  const all = [...skipped, ...timings];
  return { name: winner.name, info, reason: reasonFor(winner, all), timings: all };
}

/** "wasm", or which wasm build when both were timed. */
export function timingLabel(t: BackendTiming): string {
  if (t.wasmThreads === undefined) return t.name;
  if (!t.wasmThreads) return `${t.name} single-threaded`;
  const n = t.info?.threads;
  return `${t.name} multithreaded${n === undefined ? "" : ` (${n} thread${n === 1 ? "" : "s"})`}`;
}

function reasonFor(winner: BackendTiming, timings: readonly BackendTiming[]): string {
  const others = timings
    .filter((t) => t !== winner)
    .map((t) => {
      if (t.notTimed !== undefined) return `${timingLabel(t)} not timed (${t.notTimed})`;
      if (t.msPerStep === null) return `${timingLabel(t)} unavailable (${t.error})`;
      const renderer = t.info?.softwareRenderer ? `, software renderer ${t.info.renderer}` : "";
      return `${timingLabel(t)} ${t.msPerStep.toFixed(0)} ms/step${renderer}`;
    });
  const head = `${timingLabel(winner)} was fastest at ${winner.msPerStep?.toFixed(1)} ms/step`;
  return others.length > 0 ? `${head}; ${others.join("; ")}` : head;
}
