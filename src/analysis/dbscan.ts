import { dbscanGrid } from './dbscan-grid.ts';
import { dbscanKd } from './dbscan-kd.ts';
import type { DbscanResult } from './dbscan-types.ts';

export { CORE, type DbscanResult, EDGE, NOISE } from './dbscan-types.ts';

/**
 * Density-based clustering (DBSCAN) with exactly the semantics of `@turf/clusters-dbscan` 7.4
 * (units km), without Turf's O(n²) scans:
 *
 * - Neighbourhood of p: the points q (p itself included) inside Turf's search box around p
 *   (±maxDistanceKm in latitude, converted with `lengthToDegrees`; longitude widened by 1/cos of the
 *   box's latitude edge farther from the equator, or not widened when the box straddles the equator)
 *   whose haversine distance `@turf/distance`(p, q) ≤ maxDistanceKm (inclusive).
 * - p is a core point when its neighbourhood has ≥ minPoints points, itself counted; Turf's
 *   `minPoints || 3` applies (0 means 3).
 * - Points are visited in input order; each unvisited core point starts the next cluster id, which
 *   grows through core points' neighbourhoods; a border point reachable from several clusters joins
 *   the FIRST cluster (lowest id) that reaches it.
 * - Labels follow Turf literally: a clustered point is `EDGE` only when the main loop met it (as
 *   noise) before a cluster reached it, otherwise `CORE` — so a non-core border point reached from a
 *   cluster seeded at a lower index is labelled `CORE`, as Turf does.
 *
 * Runs on a grid (dbscanGrid) where its certainty argument holds (radius ≤ 50 km, |lat| < 80°),
 * otherwise on a kd-tree (dbscanKd); both give Turf's result, sharing one copy of each of Turf's
 * pieces: the search box (turfSearchBox), the distance (haversineKm), the last labelling pass
 * (dbscanResult).
 *
 * @param coords interleaved WGS84 degrees [lon0, lat0, lon1, lat1, …]
 * @param maxDistanceKm neighbourhood radius, km (geodesic)
 * @param minPoints minimum neighbourhood size for a core point (self included)
 */
export function dbscan(coords: Float64Array, maxDistanceKm: number, minPoints: number): DbscanResult {
  return dbscanGrid(coords, maxDistanceKm, minPoints) ?? dbscanKd(coords, maxDistanceKm, minPoints);
}
