/** The co-location quotient's reference: the definition (domain.md) computed the slow way. */
import { distance } from '@turf/distance';
import { CLQ_TIE_TOLERANCE_KM } from '../../src/analysis/thresholds.ts';
import type { Pt } from './random.ts';

/** Straightforward O(n²) implementation of the definition, as the reference. */
export function bruteColocation(pts: readonly Pt[], cats: readonly number[], k: number) {
  const n = pts.length;
  const nA = Array.from({ length: k }, (_, a) => cats.filter((c) => c === a).length);
  const nAB = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < n; i++) {
    const d = pts.map((q, j) => (j === i ? Number.POSITIVE_INFINITY : distance(pts[i]!, q)));
    const m = Math.min(...d);
    if (!Number.isFinite(m)) continue;
    const tied = d.flatMap((x, j) => (x <= m + CLQ_TIE_TOLERANCE_KM ? [j] : []));
    for (const j of tied) nAB[cats[i]!]![cats[j]!]! += 1 / tied.length;
  }
  const clq: (number | null)[][] = nAB.map((row, a) =>
    row.map((v, b) => {
      const denom = a === b ? nA[a]! - 1 : nA[b]!;
      return nA[a] === 0 || denom <= 0 || n < 2 ? null : v / nA[a]! / (denom / (n - 1));
    }),
  );
  return { nearestCounts: nAB, clq };
}

/** The CLQ matrix of bruteColocation. */
export const bruteClq = (pts: readonly Pt[], cats: readonly number[], k: number): (number | null)[][] =>
  bruteColocation(pts, cats, k).clq;
