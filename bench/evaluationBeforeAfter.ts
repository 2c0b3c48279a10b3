/**
 * Another revision's held-out evaluation and Figure 4's ranked logits against this checkout's,
 * from the same model, compared byte for byte (every field, typed arrays by their bytes):
 *
 *   git archive REV | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   BEFORE_DIR=/tmp/before npx tsx bench/evaluationBeforeAfter.ts
 *
 * Both runs of the training page's default pair are trained by this checkout's Trainer and
 * evaluated at steps 0, 60 and 140: the logits in the other revision's passes of 64 images and
 * in this checkout's own, then each revision's `evaluationOf` and `rankedOf`. A check for
 * changes that must not change results; prints one line per evaluation and exits 1 on a
 * difference.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { useBackend } from "../src/engine/backend";
import { rankedOf } from "../src/engine/run";
import { Trainer } from "../src/engine/trainer";
import { createHeldOutSet } from "../src/experiment/dataset";
import { evaluationOf } from "../src/experiment/evaluation";
import type { Pair } from "./protocolTime";

const BEFORE_DIR = process.env.BEFORE_DIR;
const STEPS = [0, 60, 140];

/** Typed arrays as hex of their bytes, −0 and NaN spelled out, so equality is bitwise. */
function bytes(v: unknown): unknown {
  if (ArrayBuffer.isView(v))
    return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex");
  if (Array.isArray(v)) return v.map(bytes);
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : v;
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bytes(x)]));
  return v;
}

async function main() {
  if (!BEFORE_DIR) throw new Error("set BEFORE_DIR to a copy of the revision to compare with");
  const load = (path: string) => import(pathToFileURL(join(BEFORE_DIR, path)).href);
  const before = {
    evaluationOf: (await load("src/experiment/evaluation.ts")).evaluationOf as typeof evaluationOf,
    rankedOf: (await load("src/engine/run.ts")).rankedOf as typeof rankedOf,
  };
  await useBackend("wasm");
  const pair = (JSON.parse(readFileSync("public/recorded-run.json", "utf8")) as { config: Pair })
    .config;
  let differences = 0;
  for (const config of [pair.a, pair.b]) {
    const trainer = new Trainer(config, { heldOut: createHeldOutSet(config.imbalance) });
    for (const steps of STEPS) {
      await trainer.train(steps - trainer.stepCount, 5);
      const { heldOut, method, stepCount } = trainer;
      const old = before.evaluationOf(stepCount, await trainer.heldOutLogits(64), heldOut, method);
      const now = evaluationOf(stepCount, await trainer.heldOutLogits(), heldOut, method);
      const same = isDeepStrictEqual(
        bytes({ evaluation: old, ranked: before.rankedOf(old) }),
        bytes({ evaluation: now, ranked: rankedOf(now) }),
      );
      if (!same) differences += 1;
      console.log(
        `${config.loss} at step ${stepCount} (AP ${now.ap}): ${same ? "identical" : "DIFFERENT"}`,
      );
    }
    trainer.dispose();
  }
  if (differences > 0) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
