import { CORE, type DbscanResult, EDGE } from './dbscan-types.ts';

/**
 * The outer loop and the last pass of `@turf/clusters-dbscan` 7.4 (semantics in dbscan.ts), around
 * the neighbourhood machinery of dbscanGrid or dbscanKd. Points are visited in input order; an
 * unassigned core point seeds the next cluster id, and `expandCluster(seed, id)` assigns it and
 * everything the cluster reaches (writing `clusterIds`); an unassigned non-core point is marked as
 * noise (Turf's `isnoise`). Visited in Turf's sense = assigned here: an expansion assigns what it
 * visits, the main loop's noise points stay unvisited. Last pass: a clustered point is `EDGE` when
 * marked as noise before a cluster reached it, otherwise `CORE`; an unclustered one `NOISE`.
 *
 * @param clusterIds cluster id per point, all −1 on entry (the caller's expansion writes them)
 * @param isCore whether point i is a core point (its neighbourhood has ≥ minPoints points)
 */
export function turfDbscanLoop(
  clusterIds: Int32Array,
  isCore: (i: number) => boolean,
  expandCluster: (seed: number, clusterId: number) => void,
): DbscanResult {
  const n = clusterIds.length;
  const isNoise = new Uint8Array(n);
  let clusterCount = 0;
  for (let i = 0; i < n; i++) {
    if (clusterIds[i] !== -1) continue;
    if (!isCore(i)) {
      isNoise[i] = 1;
      continue;
    }
    expandCluster(i, clusterCount++);
  }
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (clusterIds[i]! >= 0) labels[i] = isNoise[i] ? EDGE : CORE;
  }
  return { clusterIds, labels, clusterCount };
}
