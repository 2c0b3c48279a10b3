/**
 * Indices of `scores` in decreasing score order, ties in increasing index order: exactly the
 * order a stable sort by `scores[b] − scores[a]` gives (−0 and +0 tie), which is what
 * `operatingPoints` ranks by. Scores must not be NaN.
 *
 * Fast path (held-out sets have 10⁵–10⁶ float32 logits): each score becomes a 32-bit key whose
 * unsigned order is the float's order (flipped, so the largest score has the smallest key), and
 * the indices are sorted by key with a stable least-significant-digit radix sort (two 16-bit
 * digits): stability keeps ties in index order. At 655,360 logits (the default held-out set) it
 * took 35–45 ms here against 107–126 ms for the earlier native sort of packed float64 keys
 * (655,360 random float32 values, timed side by side on 2 shared cores).
 * Scores that are not float32 values take the comparator sort.
 */
const bits = new Float32Array(1);
const asUint = new Uint32Array(bits.buffer);
const DIGITS: readonly (readonly [shift: number, size: number])[] = [
  [0, 16],
  [16, 16],
];

export function descendingOrder(scores: ArrayLike<number>): Uint32Array {
  const n = scores.length;
  if (!allFloat32(scores)) return comparatorOrder(scores);
  let keys = new Uint32Array(n);
  let order = new Uint32Array(n);
  // A Float32Array's own bits; other float32 values go through one scratch float.
  const words =
    scores instanceof Float32Array ? new Uint32Array(scores.buffer, scores.byteOffset, n) : null;
  for (let i = 0; i < n; i++) {
    let u: number;
    if (words) u = words[i] as number;
    else {
      bits[0] = scores[i] as number;
      u = asUint[0] as number;
    }
    if (u === 0x80000000) u = 0; // −0 ties with +0
    // Unsigned order of `ordered` is the float order; its complement sorts the largest first.
    const ordered = u & 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0;
    keys[i] = ~ordered >>> 0;
    order[i] = i;
  }
  let nextKeys = new Uint32Array(n);
  let nextOrder = new Uint32Array(n);
  for (const [shift, size] of DIGITS) {
    const mask = (1 << size) - 1;
    const starts = new Uint32Array(mask + 2);
    for (let i = 0; i < n; i++) (starts[(((keys[i] as number) >>> shift) & mask) + 1] as number)++;
    for (let d = 1; d <= mask + 1; d++)
      starts[d] = (starts[d] as number) + (starts[d - 1] as number);
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      const at = (starts[(key >>> shift) & mask] as number)++;
      nextKeys[at] = key;
      nextOrder[at] = order[i] as number;
    }
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}

function allFloat32(scores: ArrayLike<number>): boolean {
  if (scores instanceof Float32Array) return true;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (Math.fround(s) !== s) return false;
  }
  return true;
}

function comparatorOrder(scores: ArrayLike<number>): Uint32Array {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number));
  return Uint32Array.from(order);
}
