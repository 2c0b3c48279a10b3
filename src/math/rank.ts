/**
 * Indices of `scores` in decreasing score order, ties in increasing index order: exactly the
 * order a stable sort by `scores[b] − scores[a]` gives (−0 and +0 tie), which is what
 * `operatingPoints` ranks by. Scores must not be NaN.
 *
 * Fast path (held-out sets have 10⁵–10⁶ float32 logits): each score becomes a 32-bit key whose
 * unsigned order is the float's order, packed with its index into one float64
 * (key · 2^b + index < 2^53), and the float64s are sorted natively; about 10× faster here than
 * sorting an index array with a comparator. Scores that are not float32 values, or more than
 * 2^21 of them, take the comparator sort.
 */
const MAX_INDEX_BITS = 21;
const bits = new Float32Array(1);
const asUint = new Uint32Array(bits.buffer);

export function descendingOrder(scores: ArrayLike<number>): Uint32Array {
  const n = scores.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  if (indexBits > MAX_INDEX_BITS || !allFloat32(scores)) return comparatorOrder(scores);
  const scale = 2 ** indexBits;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    bits[0] = s === 0 ? 0 : s; // −0 ties with +0
    const u = asUint[0] as number;
    // Unsigned order of `ordered` is the float order; flip it so the largest score sorts first.
    const ordered = u & 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0;
    keys[i] = (0xffffffff - ordered) * scale + i;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % scale;
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
