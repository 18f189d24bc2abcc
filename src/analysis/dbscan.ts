import { degreesToRadians, lengthToDegrees } from '@turf/helpers';
import KDBush from 'kdbush';
import { KM_PER_RADIAN } from './turf-distance.ts';

/** Point labels of {@link dbscan}, as in Turf's `properties.dbscan`. */
export const NOISE = 0;
export const CORE = 1;
export const EDGE = 2;

export interface DbscanResult {
  /** Cluster id per point (0-based, in Turf's order of discovery), −1 for noise. */
  clusterIds: Int32Array;
  /** Label per point: NOISE (0), CORE (1) or EDGE (2), with Turf's meaning (see {@link dbscan}). */
  labels: Uint8Array;
  /** Number of clusters. */
  clusterCount: number;
}

const RAD = Math.PI / 180;

/**
 * Density-based clustering (DBSCAN) with exactly the semantics of `@turf/clusters-dbscan` 7.4
 * (units km), in O(n log n + Σ neighbourhood sizes) with a kd-tree instead of Turf's repeated scans.
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
 * @param coords interleaved WGS84 degrees [lon0, lat0, lon1, lat1, …]
 * @param maxDistanceKm neighbourhood radius, km (geodesic)
 * @param minPoints minimum neighbourhood size for a core point (self included)
 */
export function dbscan(coords: Float64Array, maxDistanceKm: number, minPoints: number): DbscanResult {
  const n = coords.length >> 1;
  const clusterIds = new Int32Array(n).fill(-1);
  const labels = new Uint8Array(n);
  if (n === 0) return { clusterIds, labels, clusterCount: 0 };
  const minPts = minPoints || 3;

  const index = new KDBush(n, 16);
  for (let i = 0; i < n; i++) index.add(coords[2 * i]!, coords[2 * i + 1]!);
  index.finish();
  const ids = index.ids;
  const sc = index.coords as Float64Array;
  const nodeSize = index.nodeSize;
  // cos(latitude) per sorted position, with Turf's degree → radian conversion.
  const cosSorted = new Float64Array(n);
  for (let k = 0; k < n; k++) cosSorted[k] = Math.cos(degreesToRadians(sc[2 * k + 1]!));

  const latDeg = lengthToDegrees(maxDistanceKm, 'kilometers');
  const maxRad = maxDistanceKm / KM_PER_RADIAN;
  const maxQ = maxRad * maxRad;

  let buf = new Int32Array(64);
  const stack = new Int32Array(3 * 64);

  /** Turf's regionQuery(i): writes the neighbour ids into buf, returns their count. */
  const regionQuery = (i: number): number => {
    const x = coords[2 * i]!;
    const y = coords[2 * i + 1]!;
    const minY = Math.max(y - latDeg, -90);
    const maxY = Math.min(y + latDeg, 90);
    let lonDeg: number;
    if (minY < 0 && maxY > 0) lonDeg = latDeg;
    else if (Math.abs(minY) < Math.abs(maxY)) lonDeg = latDeg / Math.cos(degreesToRadians(maxY));
    else lonDeg = latDeg / Math.cos(degreesToRadians(minY));
    const minX = Math.max(x - lonDeg, -360);
    const maxX = Math.min(x + lonDeg, 360);
    const phi1 = ((y % 360) * Math.PI) / 180;
    const c1 = Math.cos(phi1);
    // Cheap screen: q = Δφ² + cos φ1 cos φ2 Δλ² approximates θ² (θ = central angle) within a relative
    // error far below delta for separations inside the box; only ambiguous pairs get Turf's exact formula.
    const boxRad = Math.max(Math.abs(lonDeg), latDeg) * RAD;
    const delta = 1e-7 + 4 * boxRad * boxRad;
    const qIn = maxQ * (1 - delta);
    const qOut = maxQ * (1 + delta);
    let count = 0;
    let sp = 0;
    stack[sp++] = 0;
    stack[sp++] = n - 1;
    stack[sp++] = 0;
    while (sp > 0) {
      const axis = stack[--sp]!;
      const right = stack[--sp]!;
      const left = stack[--sp]!;
      let from: number;
      let to: number;
      if (right - left <= nodeSize) {
        from = left;
        to = right;
      } else {
        const m = (left + right) >> 1;
        from = m;
        to = m;
        const mx = sc[2 * m]!;
        const my = sc[2 * m + 1]!;
        if (axis === 0 ? minX <= mx : minY <= my) {
          stack[sp++] = left;
          stack[sp++] = m - 1;
          stack[sp++] = 1 - axis;
        }
        if (axis === 0 ? maxX >= mx : maxY >= my) {
          stack[sp++] = m + 1;
          stack[sp++] = right;
          stack[sp++] = 1 - axis;
        }
      }
      for (let k = from; k <= to; k++) {
        const px = sc[2 * k]!;
        const py = sc[2 * k + 1]!;
        if (px < minX || px > maxX || py < minY || py > maxY) continue;
        const c2 = cosSorted[k]!;
        const dp = (py - y) * RAD;
        const dl = (px - x) * RAD;
        const q = dp * dp + c1 * c2 * dl * dl;
        let inside: boolean;
        if (q <= qIn) inside = true;
        else if (q >= qOut) inside = false;
        else {
          const dLat = (((py - y) % 360) * Math.PI) / 180;
          const dLon = (((px - x) % 360) * Math.PI) / 180;
          const a =
            // biome-ignore lint/style/useExponentiationOperator: Turf's exact operations
            Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * c1 * c2;
          inside = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * KM_PER_RADIAN <= maxDistanceKm;
        }
        if (inside) {
          if (count === buf.length) {
            const grown = new Int32Array(buf.length * 2);
            grown.set(buf);
            buf = grown;
          }
          buf[count++] = ids[k]!;
        }
      }
    }
    return count;
  };

  const visited = new Uint8Array(n);
  const isNoise = new Uint8Array(n);
  // 1 for points already queried and found non-core (their neighbourhood need not be queried again).
  const knownSmall = new Uint8Array(n);
  let queue = new Int32Array(256);
  let clusterCount = 0;

  for (let i = 0; i < n; i++) {
    if (visited[i]) continue;
    const c = regionQuery(i);
    if (c < minPts) {
      isNoise[i] = 1;
      knownSmall[i] = 1;
      continue;
    }
    const cid = clusterCount++;
    visited[i] = 1;
    // Expansion. Turf appends every core neighbourhood to one list and, per entry, visits (and
    // expands) it if unvisited, then assigns it if unassigned. The set reached is the closure through
    // core points whatever the order; entries already visited and assigned are no-ops, so skip them.
    let qLen = 0;
    let head = 0;
    const pushAll = (count: number) => {
      for (let t = 0; t < count; t++) {
        const j = buf[t]!;
        if (visited[j] && clusterIds[j] !== -1) continue;
        if (qLen === queue.length) {
          const grown = new Int32Array(queue.length * 2);
          grown.set(queue);
          queue = grown;
        }
        queue[qLen++] = j;
      }
    };
    pushAll(c);
    while (head < qLen) {
      const j = queue[head++]!;
      if (!visited[j]) {
        visited[j] = 1;
        if (!knownSmall[j]) {
          const cj = regionQuery(j);
          if (cj >= minPts) pushAll(cj);
          else knownSmall[j] = 1;
        }
      }
      if (clusterIds[j] === -1) clusterIds[j] = cid;
    }
  }
  for (let i = 0; i < n; i++) {
    if (clusterIds[i]! >= 0) labels[i] = isNoise[i] ? EDGE : CORE;
  }
  return { clusterIds, labels, clusterCount };
}
