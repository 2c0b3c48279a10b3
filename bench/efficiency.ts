/**
 * `npm run bench:efficiency`: where a training step's time goes, on the wasm backend in Node
 * (one thread, as in a browser tab that is not cross-origin isolated).
 *  1. The step's GFLOP/s against the backend's own matMul (512³, and at the GEMM shapes of this
 *     network's convolutions) and its own forward conv2d at the network's layer shapes.
 *  2. A per-kernel profile of one step (tf.profile): kernel time by op, and the rest (JS: tape,
 *     tidy, dispatch).
 *  3. The worker protocol's per-step overhead: the page's default pair trained by the real
 *     TrainingSession (held-out evaluations every 50 steps as on the page, every 25 as before
 *     issue 12, and none at all; read-backs, history, updates cloned as a postMessage would)
 *     against the same two trainers stepped bare, interleaved in the same run, in wall and CPU
 *     time; and where one held-out evaluation's time goes (bench/evaluationSplit.ts).
 * Prints a report and writes bench-results/efficiency.json. A benchmark: no assertions.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../src/engine/backend";
import { CONV_CHANNELS, KERNEL_SIZE, trainingStepFlops } from "../src/engine/model";
import { TrainingSession } from "../src/engine/session";
import { evalChunkFor, Trainer } from "../src/engine/trainer";
import type { TrainConfig } from "../src/experiment/config";
import { createHeldOutSet, INPUT_CHANNELS } from "../src/experiment/dataset";
import { GRID_SIZE } from "../src/experiment/scene";
import { evaluationSplit } from "./evaluationSplit";
import { median } from "./layersBaseline";
import { bareTime, type Clock, sessionTime } from "./protocolTime";
import { engineStepMs } from "./stepTime";
import { matMulGflops } from "./throughput";

const STEPS = Number(process.env.EFFICIENCY_STEPS ?? 60);
const PROTOCOL_STEPS = Number(process.env.PROTOCOL_STEPS ?? 150);
/** An evaluation interval no session of this benchmark reaches. */
const NO_EVALUATION = 1_000_000;
const INTERVALS = [50, 25, NO_EVALUATION];
const PROTOCOL_ROUNDS = Number(process.env.PROTOCOL_ROUNDS ?? 2);
const recorded = JSON.parse(readFileSync("public/recorded-run.json", "utf8")) as {
  config: { a: TrainConfig; b: TrainConfig };
};
/** The training page's default pair (as recorded by `npm run record:run`). */
const PAIR = recorded.config;
const heldOutOf = (c: TrainConfig) => createHeldOutSet(c.imbalance);

async function convGflops(n: number, cin: number, cout: number, repeats = 20): Promise<number> {
  const x = tf.randomNormal([n, GRID_SIZE, GRID_SIZE, cin], 0, 1, "float32", 3);
  const w = tf.randomNormal([KERNEL_SIZE, KERNEL_SIZE, cin, cout], 0, 1, "float32", 4);
  const times: number[] = [];
  for (let i = 0; i < repeats + 3; i++) {
    const start = performance.now();
    const y = tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, "same");
    await y.data();
    y.dispose();
    if (i >= 3) times.push(performance.now() - start);
  }
  tf.dispose([x, w]);
  return (
    (2 * n * GRID_SIZE * GRID_SIZE * KERNEL_SIZE * KERNEL_SIZE * cin * cout) / median(times) / 1e6
  );
}

/** Kernel time by op name over one profiled step, and the step's wall time. */
async function profileStep(config: TrainConfig) {
  const trainer = new Trainer(config, { heldOut: createHeldOutSet(config.imbalance, 1) });
  for (let i = 0; i < 3; i++) trainer.step();
  await trainer.flush();
  const start = performance.now();
  const info = await tf.profile(() => {
    trainer.step();
  });
  await trainer.flush();
  const wallMs = performance.now() - start;
  trainer.dispose();
  const byOp = new Map<string, { ms: number; calls: number }>();
  for (const k of info.kernels) {
    const ms = Number(await k.kernelTimeMs);
    // Convolutions by shape: forward, input gradient and filter gradient look alike by name.
    const key =
      k.name === "Conv2D"
        ? `Conv2D ${k.inputShapes.map((s) => (s ? s.join("×") : "?")).join(" ⊛ ")}`
        : k.name;
    const entry = byOp.get(key) ?? { ms: 0, calls: 0 };
    entry.ms += Number.isFinite(ms) ? ms : 0;
    entry.calls += 1;
    byOp.set(key, entry);
  }
  const ops = [...byOp.entries()]
    .map(([name, v]) => ({ name, ms: +v.ms.toFixed(3), calls: v.calls }))
    .sort((a, b) => b.ms - a.ms);
  const kernelMs = ops.reduce((s, o) => s + o.ms, 0);
  return {
    wallMs: +wallMs.toFixed(2),
    kernelMs: +kernelMs.toFixed(2),
    kernels: info.kernels.length,
    ops,
  };
}

/**
 * Where a held-out evaluation's time goes, for each run of the pair, after `steps` steps of
 * training (so the logits are a trained model's, with as many distinct values as on the page).
 */
async function evaluationSplits(steps: number) {
  const splits = [];
  for (const config of [PAIR.a, PAIR.b]) {
    const trainer = new Trainer(config, { heldOut: createHeldOutSet(config.imbalance) });
    await trainer.train(steps, 5);
    splits.push({
      loss: config.loss,
      ...(await evaluationSplit(trainer, evalChunkFor(tf.getBackend()))),
    });
    trainer.dispose();
  }
  return splits;
}

async function main() {
  await useBackend("wasm");
  const config = PAIR.a;
  const flops = trainingStepFlops(config.batchSize);
  const ms = await engineStepMs(config, STEPS);
  const stepGflops = flops / ms / 1e6;
  const matMul512 = await matMulGflops(512, 512, 512);
  const m = config.batchSize * GRID_SIZE * GRID_SIZE;
  const layers = CONV_CHANNELS.map((cout, i) => ({
    cin: i === 0 ? INPUT_CHANNELS : (CONV_CHANNELS[i - 1] as number),
    cout,
  }));
  const gemm = [];
  const conv = [];
  for (const { cin, cout } of layers) {
    const k = KERNEL_SIZE * KERNEL_SIZE * cin;
    gemm.push({
      shape: `${m}×${k}·${k}×${cout}`,
      gflops: +(await matMulGflops(m, k, cout, 10)).toFixed(2),
    });
    conv.push({
      shape: `${config.batchSize}×32×32×${cin} ⊛ 3×3×${cin}×${cout}`,
      gflops: +(await convGflops(config.batchSize, cin, cout)).toFixed(2),
    });
  }
  const profile = await profileStep(config);
  const evaluation = await evaluationSplits(50);
  // Bare, then the session at the page's evaluation interval (50), at the interval before issue
  // 12 (25) and without evaluations (an interval past the end: the protocol's floor, what
  // evaluating off the training thread could at best reach), then bare again, for
  // PROTOCOL_ROUNDS rounds: the load on a shared machine drifts, so the sessions are compared
  // with the mean of all bare runs, and each interval's time is summed over the rounds.
  const bare: Clock[] = [await bareTime(Trainer, PAIR, heldOutOf, PROTOCOL_STEPS)];
  const sessions = INTERVALS.map((evalEvery) => ({
    evalEvery,
    wall: 0,
    cpu: 0,
    steps: 0,
    cloneMs: 0,
    updates: 0,
  }));
  for (let round = 0; round < PROTOCOL_ROUNDS; round++) {
    // The order rotates from round to round, so no interval always runs first.
    for (let k = 0; k < sessions.length; k++) {
      const total = sessions[(k + round) % sessions.length] as (typeof sessions)[number];
      const r = await sessionTime(TrainingSession, PAIR, PROTOCOL_STEPS, total.evalEvery);
      for (const key of ["wall", "cpu", "steps", "cloneMs", "updates"] as const)
        total[key] += r[key];
    }
    bare.push(await bareTime(Trainer, PAIR, heldOutOf, PROTOCOL_STEPS));
  }
  const bareSteps = bare.length * PROTOCOL_STEPS;
  const perPairBare = {
    wall: bare.reduce((a, b) => a + b.wall, 0) / bareSteps,
    cpu: bare.reduce((a, b) => a + b.cpu, 0) / bareSteps,
  };
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    backend: "wasm (SIMD, one thread) in Node",
    batchSize: config.batchSize,
    step: { ms: +ms.toFixed(2), gflop: +(flops / 1e9).toFixed(4), gflops: +stepGflops.toFixed(2) },
    matMul512Gflops: +matMul512.toFixed(2),
    stepOverMatMul512: +(stepGflops / matMul512).toFixed(3),
    gemmAtLayerShapes: gemm,
    conv2dForwardAtLayerShapes: conv,
    profile,
    evaluation,
    protocol: {
      steps: PROTOCOL_STEPS,
      rounds: PROTOCOL_ROUNDS,
      bareMsPerPair: +perPairBare.wall.toFixed(2),
      bareCpuMsPerPair: +perPairBare.cpu.toFixed(2),
      bareRuns: bare.map((b) => +(b.wall / PROTOCOL_STEPS).toFixed(2)),
      sessions: sessions.map((r) => {
        const wall = r.wall / r.steps;
        const cpu = r.cpu / r.steps;
        return {
          evalEvery: r.evalEvery === NO_EVALUATION ? null : r.evalEvery,
          steps: r.steps,
          sessionMsPerPair: +wall.toFixed(2),
          overhead: +((wall - perPairBare.wall) / wall).toFixed(3),
          sessionCpuMsPerPair: +cpu.toFixed(2),
          cpuOverhead: +((cpu - perPairBare.cpu) / cpu).toFixed(3),
          updates: r.updates,
          cloneMsPerPair: +(r.cloneMs / r.steps).toFixed(3),
        };
      }),
    },
  };
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/efficiency.json", `${JSON.stringify(out, null, 2)}\n`);
  console.log(
    `Training step (batch ${out.batchSize}, ${out.backend}): ${out.step.ms} ms, ${out.step.gflop} GFLOP → ${out.step.gflops} GFLOP/s`,
  );
  console.log(
    `Backend's own matMul 512³: ${out.matMul512Gflops} GFLOP/s → the step runs at ${(out.stepOverMatMul512 * 100).toFixed(0)}% of it`,
  );
  console.log(
    `matMul at the convs' im2col GEMM shapes: ${gemm.map((g) => `${g.shape} ${g.gflops}`).join("; ")} GFLOP/s`,
  );
  console.log(
    `conv2d forward at the layer shapes: ${conv.map((c) => `${c.shape} ${c.gflops}`).join("; ")} GFLOP/s`,
  );
  console.log(
    `Profile of one step: wall ${profile.wallMs} ms, kernels ${profile.kernelMs} ms in ${profile.kernels} kernel calls; top ops:`,
  );
  for (const o of profile.ops.slice(0, 16))
    console.log(`  ${o.name.padEnd(40)} ${o.ms.toFixed(2).padStart(7)} ms  ${o.calls} calls`);
  for (const e of evaluation) {
    const m = e.metrics;
    console.log(
      `Held-out evaluation of one run (${e.loss}, ${e.images} images, ${e.locations} locations, after 50 steps): ${e.totalMs} ms (= ${(e.totalMs / ms).toFixed(1)} training steps); parts timed apart: forward pass ${e.forwardMs} ms, read-back ${e.readBackMs} ms, weights read-back ${e.weightsMs} ms, metrics ${e.metricsMs} ms (ranking ${m.rankMs}, AP and PR curve ${m.apAndCurveMs}, loss and gradient shares ${m.sharesMs}), Figure 4's ranked logits ${e.rankedMs} ms, posting the update: cloned ${e.cloneCopyMs} ms, buffers transferred ${e.cloneTransferMs} ms`,
    );
  }
  const p = out.protocol;
  console.log(
    `Protocol (default pair, ${p.rounds} rounds of ${p.steps} steps): bare ${p.bareMsPerPair} ms wall, ${p.bareCpuMsPerPair} ms CPU per step of both runs (bare runs: ${p.bareRuns.join(", ")} ms wall)`,
  );
  for (const r of p.sessions) {
    const every =
      r.evalEvery === null ? "without evaluations" : `evaluating every ${r.evalEvery} steps`;
    console.log(
      `  session, ${every} (${r.steps} steps): ${r.sessionMsPerPair} ms wall → overhead ${(r.overhead * 100).toFixed(1)}% of a step; ${r.sessionCpuMsPerPair} ms CPU → ${(r.cpuOverhead * 100).toFixed(1)}% (${r.updates} updates, cloning them ${r.cloneMsPerPair} ms per step)`,
    );
  }
  // The sessions' differences from bare swing by ±10% of a step with the load of a shared
  // machine; the evaluation's own median time gives a steadier estimate of its share.
  const both = evaluation.reduce((sum, e) => sum + e.totalMs, 0);
  console.log(
    `  from the evaluations' median time alone (${both.toFixed(0)} ms for both runs): ${INTERVALS.filter(
      (n) => n !== NO_EVALUATION,
    )
      .map(
        (n) =>
          `${((100 * both) / (n * p.bareMsPerPair + both)).toFixed(1)}% of a step evaluating every ${n}`,
      )
      .join(", ")}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
