/** Detections on a dense score map: local maxima above a threshold. Pure; no tfjs. */

/** A detection at grid cell (row, col) with its score. */
export interface Detection {
  row: number;
  col: number;
  score: number;
}

/**
 * Cells of a row-major `height × width` map whose score is ≥ `threshold` and a maximum of its
 * 3×3 neighbourhood. A plateau yields one detection: a cell must beat the neighbours before it
 * in row-major order strictly and those after it or equal. Sorted by score, highest first.
 */
export function localMaxima(
  scores: ArrayLike<number>,
  height: number,
  width: number,
  threshold: number,
): Detection[] {
  const found: Detection[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const s = scores[r * width + c] as number;
      if (s >= threshold && isPeak(scores, height, width, r, c, s))
        found.push({ row: r, col: c, score: s });
    }
  }
  return found.sort((a, b) => b.score - a.score);
}

function isPeak(
  scores: ArrayLike<number>,
  height: number,
  width: number,
  r: number,
  c: number,
  s: number,
): boolean {
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      const rr = r + dr;
      const cc = c + dc;
      if ((dr === 0 && dc === 0) || rr < 0 || cc < 0 || rr >= height || cc >= width) continue;
      const n = scores[rr * width + cc] as number;
      const before = dr < 0 || (dr === 0 && dc < 0);
      if (before ? n >= s : n > s) return false;
    }
  }
  return true;
}
