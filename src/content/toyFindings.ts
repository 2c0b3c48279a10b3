/**
 * What the toy shows, in sentences generated from the benchmark's checked-in results: the
 * paper's comparison under the paper's recipe, how often each loss stalls, what happens without
 * the prior init and with Adam — next to the paper's own numbers. Whatever the results are, the
 * sentences follow them (a call is "level within noise" unless the seed rule says otherwise).
 */
import { verdictOf } from "../experiment/seedSummary";
import {
  bestAlphaCe,
  compareSettings,
  settingAt,
  workingDifferences,
} from "../experiment/trainBench";
import { formatCount } from "../math/format";
import { summarize } from "../math/seedStats";
import { BENCH_BUDGET, divergedBy, hasSetting, quoteAp, TRAIN_BENCH } from "./measured";
import { paperGain, paperOhemGap } from "./paper";

export interface Finding {
  id: string;
  text: string;
}

function nameOf(id: string): string {
  return TRAIN_BENCH.settings.find((s) => s.id === id)?.name ?? id;
}

/** "CE in 5 of 5 (1 diverged), the best α-CE in 1, α-FL in none". */
function stalls(ids: readonly string[], step: number): string {
  const n = TRAIN_BENCH.seeds.length;
  return ids
    .filter(hasSetting)
    .map((id) => {
      const k = Math.round(settingAt(TRAIN_BENCH, id, step).stalled * n);
      const d = divergedBy(id, step);
      return `${nameOf(id)} in ${k === 0 ? "none" : `${k} of ${n}${d > 0 ? ` (${d} diverged)` : ""}`}`;
    })
    .join(", ");
}

/** "α-FL ahead by 0.02 ± 0.01 (SE)", "level within noise": the seed rule on b − a, by name. */
function namedCall(a: string, b: string, step: number): string {
  const v = compareSettings(TRAIN_BENCH, a, b, step);
  if (v.kind === "too-few") return `too few seeds to call a difference (${v.seeds})`;
  if (v.kind === "level") {
    const ahead = v.differences.filter((d) => d > 0).length;
    const sign = v.mean >= 0 ? "+" : "−";
    return `level within noise (mean difference ${sign}${Math.abs(v.mean).toFixed(2)} ± ${v.se.toFixed(2)} (SE); ${nameOf(b)} ahead in ${ahead} of ${v.differences.length} seeds)`;
  }
  return `${nameOf(v.leader === "b" ? b : a)} ahead by ${Math.abs(v.mean).toFixed(2)} ± ${v.se.toFixed(2)} (SE)`;
}

/**
 * The same comparison over the seeds where neither run stalled: "over the 3 seeds where neither
 * stalled, α-FL ahead by 0.20 ± 0.07 (SE)" (how much of a lead is more than failed runs).
 */
function withoutStalls(a: string, b: string, step: number): string {
  const d = workingDifferences(TRAIN_BENCH, a, b, step);
  const where = `over the ${d.length === 1 ? "one seed" : `${d.length} seeds`} where neither failed`;
  const v = verdictOf(d);
  if (v.kind === "too-few") {
    const mean = summarize(d).mean;
    return d.length === 0
      ? "no seed where neither failed"
      : `${where}, ${nameOf(b)} − ${nameOf(a)} = ${mean.toFixed(2)} (too few seeds to call)`;
  }
  if (v.kind === "level")
    return `${where}, level within noise (${v.mean >= 0 ? "+" : "−"}${Math.abs(v.mean).toFixed(2)} ± ${v.se.toFixed(2)} (SE))`;
  return `${where}, ${nameOf(v.leader === "b" ? b : a)} ahead by ${Math.abs(v.mean).toFixed(2)} ± ${v.se.toFixed(2)} (SE)`;
}

export function toyFindings(): Finding[] {
  const out: Finding[] = [];
  const step = BENCH_BUDGET;
  const n = TRAIN_BENCH.seeds.length;
  const fl = "sgd/alpha-fl";
  const paper = paperGain();
  out.push({
    id: "paper",
    text: `The paper (ResNet-50-FPN RetinaNet on COCO, 90k iterations): α-FL (γ = 2, α = 0.25) reached ${paper.fl.toFixed(1)} AP against ${paper.bestCe.ap.toFixed(1)} for the best α-balanced CE (α = ${paper.bestCe.alpha}), +${paper.gain.toFixed(1)} AP.`,
  });
  if (hasSetting(fl)) {
    const best = bestAlphaCe(TRAIN_BENCH, step);
    const calls = [
      `against the best α-CE here (${nameOf(best)}, ${quoteAp(best, step)}): ${namedCall(best, fl, step)}; ${withoutStalls(best, fl, step)}`,
    ];
    if (hasSetting("sgd/ce"))
      calls.push(`against CE (${quoteAp("sgd/ce", step)}): ${namedCall("sgd/ce", fl, step)}`);
    out.push({
      id: "recipe",
      text: `This toy, under the paper's recipe (${n} seeds, ${formatCount(step)} steps, held-out AP from 0 to 1, mean ± sd): α-FL ${quoteAp(fl, step)}; ${calls.join("; ")}.`,
    });
    out.push({
      id: "stalls",
      text: `Runs that failed (AP below 0.05 at step ${formatCount(step)}, a diverged run included): ${stalls(["sgd/ce", best, fl], step)}.`,
    });
  }
  if (hasSetting("sgd/ce-zero") && hasSetting("sgd/alpha-fl-zero")) {
    const early = TRAIN_BENCH.checkpoints.find((s) => s >= 250) ?? step;
    out.push({
      id: "no-prior",
      text: `Without the prior init: CE ${quoteAp("sgd/ce-zero", early)} at step ${formatCount(early)} and ${quoteAp("sgd/ce-zero", step)} at ${formatCount(step)}; α-FL ${quoteAp("sgd/alpha-fl-zero", early)} and ${quoteAp("sgd/alpha-fl-zero", step)}.`,
    });
  }
  const ohem = TRAIN_BENCH.settings.filter((s) => s.config.loss === "ohem").map((s) => s.id);
  if (hasSetting(fl) && ohem.length > 0) {
    const gap = paperOhemGap();
    out.push({
      id: "ohem",
      text: `Focal loss against hard example mining: in the paper (ResNet-101-FPN, its Table 1d), the best OHEM (no 1:3 ratio, batch ${gap.bestOhem.batch}, NMS ${gap.bestOhem.nms}) reached ${gap.bestOhem.ap.toFixed(1)} AP and FL ${gap.fl.toFixed(1)}, ${gap.gap.toFixed(1)} AP apart. This toy, same recipe and seeds, at step ${formatCount(step)}: α-FL ${quoteAp(fl, step)}; ${ohem.map((id) => `${nameOf(id)}: ${quoteAp(id, step)} (${namedCall(id, fl, step)})`).join("; ")}.`,
    });
  }
  if (hasSetting("adam/alpha-fl") && hasSetting("adam/alpha-ce-0.75")) {
    out.push({
      id: "adam",
      text: `With Adam (lr 0.001) instead: α-FL ${quoteAp("adam/alpha-fl", step)}, α-CE (α = 0.75) ${quoteAp("adam/alpha-ce-0.75", step)}: ${namedCall("adam/alpha-ce-0.75", "adam/alpha-fl", step)}.`,
    });
  }
  return out;
}
