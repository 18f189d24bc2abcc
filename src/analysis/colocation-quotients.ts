import { nearestNeighbours } from './nearest-neighbours.ts';
import { CLQ_TIE_TOLERANCE_KM } from './thresholds.ts';

export interface ColocationQuotients {
  /** Points per category, N_A. */
  counts: number[];
  /** N_A→B (row A, column B): A points whose nearest other point is a B point, ties shared 1/k. */
  nearestCounts: number[][];
  /** CLQ(A→B) (row A, column B); null when undefined (N_A = 0, or no possible B neighbour). */
  clq: (number | null)[][];
}

/**
 * Co-location quotients (Leslie & Kronenfeld 2011) between the categories of a point set:
 *
 *   CLQ(A→B) = (N_A→B / N_A) / (N_B / (N − 1)),   and for A = B: (N_A→A / N_A) / ((N_A − 1) / (N − 1))
 *
 * N = all points (every category); N_A→B = Σ over A points i of (number of B points among i's nearest
 * other points) / k_i, where the k_i nearest other points are all those within
 * `tieToleranceKm` of the nearest distance (haversine, km) — ties are shared equally. CLQ > 1: B points
 * are nearer to A points than the population mix predicts. Dimensionless. Undefined cells (N < 2,
 * N_A = 0, or N_B = 0 / N_A − 1 = 0 on the diagonal) are null.
 *
 * @param coords interleaved WGS84 degrees [lon0, lat0, …]
 * @param categories category (0 … categoryCount−1) of each point
 * @param categoryCount number of categories (3 for upstream / midstream / downstream)
 */
export function colocationQuotients(
  coords: Float64Array,
  categories: ArrayLike<number>,
  categoryCount: number,
  tieToleranceKm: number = CLQ_TIE_TOLERANCE_KM,
): ColocationQuotients {
  const n = coords.length >> 1;
  const counts = new Array<number>(categoryCount).fill(0);
  for (let i = 0; i < n; i++) counts[categories[i]!]! += 1;
  const nearestCounts = Array.from({ length: categoryCount }, () => new Array<number>(categoryCount).fill(0));
  const clq = Array.from({ length: categoryCount }, () => new Array<number | null>(categoryCount).fill(null));
  if (n < 2) return { counts, nearestCounts, clq };
  const nn = nearestNeighbours(coords, { ties: true, tieToleranceKm });
  const share = new Float64Array(categoryCount);
  for (let i = 0; i < n; i++) {
    const from = nn.tieOffsets[i]!;
    const to = nn.tieOffsets[i + 1]!;
    const k = to - from;
    if (k === 0) continue;
    share.fill(0);
    for (let t = from; t < to; t++) share[categories[nn.tieIds[t]!]!]! += 1;
    const row = nearestCounts[categories[i]!]!;
    for (let b = 0; b < categoryCount; b++) row[b]! += share[b]! / k;
  }
  for (let a = 0; a < categoryCount; a++) {
    const nA = counts[a]!;
    if (nA === 0) continue;
    for (let b = 0; b < categoryCount; b++) {
      const nB = a === b ? nA - 1 : counts[b]!;
      if (nB <= 0) continue;
      clq[a]![b] = nearestCounts[a]![b]! / nA / (nB / (n - 1));
    }
  }
  return { counts, nearestCounts, clq };
}
