/** Markdown tables of a training benchmark report (printed by bench/train.ts). */
import type { RunResult } from "./train";

interface Report {
  environment: { node: string; cpus: number; cpu?: string; tfjs: string };
  heldOut: { images: number; positives: number; ratio: number };
  checkpoints: number[];
  seeds: number[];
  runs: RunResult[];
  speed: {
    batchSize: number;
    engineMsPerStep: number;
    layersFitMsPerStep: number;
    layersOverEngine: number;
    firstStepLoss: { engine: number; layers: number };
    dataMsPerBatch: number;
    stepGflop: number;
    stepGflops: number;
    stepGflopsExcludingData: number;
    matMulGflops: Record<string, number>;
  };
  wallSeconds: number;
}

const f2 = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(2));
const pct = (x: number) =>
  x >= 0.1
    ? `${(100 * x).toFixed(0)}%`
    : x >= 0.001
      ? `${(100 * x).toFixed(1)}%`
      : `${(100 * x).toPrecision(1)}%`;

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** "mean (s1 / s2 / s3)" of a metric at a step; "–" for runs that diverged before it. */
function cell(runs: RunResult[], step: number, metric: "ap" | "recallAtP50"): string {
  const values = runs.map(
    (r) => r.checkpoints.find((c) => c.step === step)?.[metric] ?? Number.NaN,
  );
  const valid = values.filter((v) => !Number.isNaN(v));
  const head = valid.length === values.length ? f2(mean(valid)) : `${f2(mean(valid))}*`;
  return values.length > 1 ? `${head} (${values.map(f2).join(" / ")})` : head;
}

function groups(runs: RunResult[]): RunResult[][] {
  const byKey = new Map<string, RunResult[]>();
  for (const r of runs) {
    const key = `${r.setting}|${r.config.optimizer}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  return [...byKey.values()];
}

export function printReport(report: Report): void {
  const { checkpoints, runs, speed } = report;
  const label = (g: RunResult[]) =>
    `${g[0]?.setting} | ${g[0]?.config.optimizer} ${g[0]?.config.lr}`;
  console.log(
    `\n## Detector benchmark (wasm, Node ${report.environment.node}, ${report.environment.cpus} cores, tfjs ${report.environment.tfjs})`,
  );
  console.log(
    `Held-out: ${report.heldOut.images} images, ${report.heldOut.positives} positives, measured 1:${report.heldOut.ratio.toFixed(0)}. Seeds ${report.seeds.join(", ")}; mean (per seed); * = some seeds diverged.\n`,
  );
  console.log(
    `| setting | optimizer | ${checkpoints.map((s) => `AP@${s}`).join(" | ")} | ${checkpoints.map((s) => `R@P.5@${s}`).join(" | ")} |`,
  );
  console.log(
    `|---|---|${checkpoints.map(() => "---|").join("")}${checkpoints.map(() => "---|").join("")}`,
  );
  for (const g of groups(runs)) {
    console.log(
      `| ${label(g)} | ${checkpoints.map((s) => cell(g, s, "ap")).join(" | ")} | ${checkpoints.map((s) => cell(g, s, "recallAtP50")).join(" | ")} |`,
    );
  }
  const end = checkpoints[checkpoints.length - 1] as number;
  console.log(
    `\nLoss shares (mean over seeds), at init → at step ${end}; easy = negatives with p_t > 0.9. Gradient share of easy negatives too.\n`,
  );
  console.log(
    "| setting | optimizer | positives | hard neg. | easy neg. | easy neg. (gradient) | median ms/step | max grad norm | diverged |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const g of groups(runs)) {
    const share = (
      step: number,
      pick: (c: { loss: Record<string, number>; gradient: Record<string, number> }) => number,
    ) => {
      const values = g.flatMap((r) => {
        const c = r.checkpoints.find((k) => k.step === step);
        return c ? [pick(c.shares as never)] : [];
      });
      return values.length ? pct(mean(values)) : "–";
    };
    const span = (
      pick: (c: { loss: Record<string, number>; gradient: Record<string, number> }) => number,
    ) => `${share(0, pick)} → ${share(end, pick)}`;
    const diverged = g
      .filter((r) => r.divergence)
      .map((r) => `seed ${r.config.seed} @${r.divergence?.step}`);
    console.log(
      `| ${label(g)} | ${span((c) => c.loss.positives as number)} | ${span((c) => c.loss.hardNegatives as number)} | ${span((c) => c.loss.easyNegatives as number)} | ${span((c) => c.gradient.easyNegatives as number)} | ${mean(g.map((r) => r.msPerStep)).toFixed(1)} | ${Math.max(...g.map((r) => r.maxGradNorm)).toExponential(1)} | ${diverged.join(", ") || "no"} |`,
    );
  }
  const mm = speed.matMulGflops;
  console.log(`\n### Speed (batch ${speed.batchSize}, default config)\n`);
  console.log("| measure | value |\n|---|---|");
  console.log(`| engine ms/step (median) | ${speed.engineMsPerStep.toFixed(1)} |`);
  console.log(
    `| tf.layers + model.fit ms/step (median) | ${speed.layersFitMsPerStep.toFixed(1)} |`,
  );
  console.log(`| layers / engine | ${speed.layersOverEngine.toFixed(2)}× |`);
  console.log(
    `| first-step loss engine vs layers | ${speed.firstStepLoss.engine.toFixed(6)} vs ${speed.firstStepLoss.layers.toFixed(6)} |`,
  );
  console.log(`| data generation ms/batch (inside a step) | ${speed.dataMsPerBatch.toFixed(1)} |`);
  console.log(`| FLOP per step (≈3× forward) | ${speed.stepGflop.toFixed(3)} G |`);
  console.log(
    `| step GFLOP/s (with data / without) | ${speed.stepGflops.toFixed(2)} / ${speed.stepGflopsExcludingData.toFixed(2)} |`,
  );
  console.log(
    `| matMul GFLOP/s 512² / 1024² / 16384×144×16 | ${f2(mm.square512 ?? Number.NaN)} / ${f2(mm.square1024 ?? Number.NaN)} / ${f2(mm.im2colShaped ?? Number.NaN)} |`,
  );
  console.log(`\nWall time ${(report.wallSeconds / 60).toFixed(1)} min.`);
}
