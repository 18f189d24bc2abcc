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
 * `tieToleranceKm` of the nearest distance (haversine, km) — ties are shared equally. Points at one
 * coordinate are each other's nearest neighbours at distance 0: a point of category A in a group of g
 * with c_B points of category B contributes (c_B − [A = B]) / (g − 1) to N_A→B (with any other point
 * within the tolerance of 0 counted among the ties as well); this is computed from the group's
 * per-category counts, so cost stays ~linear however many points coincide. CLQ > 1: B points
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
  // Ties by group of identical coordinates, never listed per coincident pair (that would be O(g²)).
  const nn = nearestNeighbours(coords, { groupTies: true, tieToleranceKm });
  const C = categoryCount;
  const G = nn.groupSize.length;
  // Per group: points of each category in it, and of the other groups tied with it (and how many).
  const own = new Int32Array(G * C);
  for (let i = 0; i < n; i++) own[nn.groupOf[i]! * C + categories[i]!]! += 1;
  const tied = new Int32Array(G * C);
  const tiedCount = new Int32Array(G);
  for (let s = 0; s < G; s++) {
    for (let t = nn.groupTieOffsets[s]!; t < nn.groupTieOffsets[s + 1]!; t++) {
      const m = nn.groupTieIds[t]!;
      tiedCount[s]! += nn.groupSize[m]!;
      for (let b = 0; b < C; b++) tied[s * C + b]! += own[m * C + b]!;
    }
  }
  // Point i of category a in group s (size g): its k = g − 1 + tiedCount[s] nearest neighbours hold
  // own[s][b] − [a = b] + tied[s][b] points of category b (integers, so share / k is the same number
  // as counting a per-point tie list), added in input order.
  for (let i = 0; i < n; i++) {
    const s = nn.groupOf[i]!;
    const a = categories[i]!;
    const k = nn.groupSize[s]! - 1 + tiedCount[s]!;
    if (k === 0) continue;
    const row = nearestCounts[a]!;
    for (let b = 0; b < C; b++) row[b]! += (own[s * C + b]! - (a === b ? 1 : 0) + tied[s * C + b]!) / k;
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
