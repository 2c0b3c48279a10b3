/**
 * Benchmark inputs for the "Your own model" reader: 10⁷ scored examples at about 1 : 1000, as a
 * CSV (label,score with probabilities to 4 significant digits) and as a structured .npy
 * (label |u1, logit <f4). Seeded, so every run reads the same bytes.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { Rng } from "../src/experiment/rng";
import { npyHeader } from "../src/userdata/npyWrite";

const BLOCK = 100_000;

function* examples(rows: number): Generator<[number, number]> {
  const rng = new Rng(11);
  for (let i = 0; i < rows; i++) {
    const positive = i % 1000 === 7 ? 1 : 0;
    yield [positive, positive ? -1 + 2 * rng.normal() : -6 + 2 * rng.normal()];
  }
}

/** Writes the CSV; returns its size in bytes. */
export function writeCsv(path: string, rows: number): number {
  const fd = openSync(path, "w");
  let size = writeSync(fd, "label,score\n");
  let lines: string[] = [];
  for (const [y, x] of examples(rows)) {
    lines.push(`${y},${Number((1 / (1 + Math.exp(-x))).toPrecision(4))}`);
    if (lines.length === BLOCK) {
      size += writeSync(fd, `${lines.join("\n")}\n`);
      lines = [];
    }
  }
  if (lines.length) size += writeSync(fd, `${lines.join("\n")}\n`);
  closeSync(fd);
  return size;
}

/** Writes the structured .npy; returns its size in bytes. */
export function writeNpy(path: string, rows: number): number {
  const fd = openSync(path, "w");
  let size = writeSync(fd, npyHeader("[('label', '|u1'), ('logit', '<f4')]", [rows]));
  const block = new Uint8Array(BLOCK * 5);
  const view = new DataView(block.buffer);
  let k = 0;
  for (const [y, x] of examples(rows)) {
    view.setUint8(k * 5, y);
    view.setFloat32(k * 5 + 1, x, true);
    if (++k === BLOCK) {
      size += writeSync(fd, block);
      k = 0;
    }
  }
  if (k) size += writeSync(fd, block.subarray(0, k * 5));
  closeSync(fd);
  return size;
}
