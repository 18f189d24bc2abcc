import { CORE, type DbscanResult, EDGE } from './dbscan-types.ts';

/**
 * Turf's last pass of `clustersDbscan` (semantics in dbscan.ts): a clustered point is labelled `EDGE`
 * when the main loop marked it as noise before a cluster reached it, otherwise `CORE`; an unclustered
 * point stays `NOISE` (0).
 *
 * @param clusterIds cluster id per point, −1 for noise
 * @param isNoise 1 where the main loop found the point not core (Turf's `isnoise`)
 */
export function dbscanResult(
  clusterIds: Int32Array,
  isNoise: Uint8Array,
  clusterCount: number,
): DbscanResult {
  const n = clusterIds.length;
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (clusterIds[i]! >= 0) labels[i] = isNoise[i] ? EDGE : CORE;
  }
  return { clusterIds, labels, clusterCount };
}
