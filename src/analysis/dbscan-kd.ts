import { degreesToRadians, lengthToDegrees } from '@turf/helpers';
import KDBush from 'kdbush';
import { dbscanResult } from './dbscan-result.ts';
import type { DbscanResult } from './dbscan-types.ts';
import { grown } from './growable.ts';
import { haversineKm, KM_PER_RADIAN } from './haversine.ts';
import { turfSearchBox } from './turf-search-box.ts';

const RAD = Math.PI / 180;

/**
 * DBSCAN with exactly the semantics of `@turf/clusters-dbscan` 7.4 (spelled out in dbscan.ts), on a
 * kd-tree: the general path (any latitude, any radius). dbscan() prefers the faster grid path where it
 * applies.
 *
 * How it stays fast on dense data: a core test stops counting at minPoints, and a cluster grows by
 * enumerating only the still-unassigned neighbours of its core points — assigned points are removed
 * from the kd-tree's per-node live counts, so exhausted subtrees are skipped. Assigning a neighbour
 * when it is enqueued rather than when Turf dequeues it changes nothing: only this cluster's
 * expansion runs in between, and it would assign it to the same cluster.
 *
 * @param coords interleaved WGS84 degrees [lon0, lat0, lon1, lat1, …]
 * @param maxDistanceKm neighbourhood radius, km (geodesic)
 * @param minPoints minimum neighbourhood size for a core point (self included)
 */
export function dbscanKd(coords: Float64Array, maxDistanceKm: number, minPoints: number): DbscanResult {
  const n = coords.length >> 1;
  const clusterIds = new Int32Array(n).fill(-1);
  if (n === 0) return { clusterIds, labels: new Uint8Array(0), clusterCount: 0 };
  const minPts = minPoints || 3;

  const nodeSize = 16;
  const index = new KDBush(n, nodeSize);
  for (let i = 0; i < n; i++) index.add(coords[2 * i]!, coords[2 * i + 1]!);
  index.finish();
  const ids = index.ids;
  const sc = index.coords as Float64Array;
  const posOf = new Int32Array(n);
  for (let k = 0; k < n; k++) posOf[ids[k]!] = k;
  // cos(latitude) per sorted position, with Turf's degree → radian conversion.
  const cosSorted = new Float64Array(n);
  for (let k = 0; k < n; k++) cosSorted[k] = Math.cos(degreesToRadians(sc[2 * k + 1]!));

  // Live (unassigned) point count of every implicit kd-tree node, heap-numbered (root 1).
  let maxNode = 1;
  const measure = (node: number, left: number, right: number) => {
    if (node > maxNode) maxNode = node;
    if (right - left <= nodeSize) return;
    const m = (left + right) >> 1;
    measure(2 * node, left, m - 1);
    measure(2 * node + 1, m + 1, right);
  };
  measure(1, 0, n - 1);
  const live = new Int32Array(maxNode + 1);
  const initLive = (node: number, left: number, right: number) => {
    live[node] = Math.max(0, right - left + 1);
    if (right - left <= nodeSize) return;
    const m = (left + right) >> 1;
    initLive(2 * node, left, m - 1);
    initLive(2 * node + 1, m + 1, right);
  };
  initLive(1, 0, n - 1);
  const liveAt = new Uint8Array(n).fill(1);
  const kill = (k: number) => {
    liveAt[k] = 0;
    let node = 1;
    let left = 0;
    let right = n - 1;
    for (;;) {
      live[node]!--;
      if (right - left <= nodeSize) return;
      const m = (left + right) >> 1;
      if (k === m) return;
      if (k < m) {
        node = 2 * node;
        right = m - 1;
      } else {
        node = 2 * node + 1;
        left = m + 1;
      }
    }
  };

  const latDeg = lengthToDegrees(maxDistanceKm, 'kilometers');
  const maxRad = maxDistanceKm / KM_PER_RADIAN;
  const maxQ = maxRad * maxRad;

  let buf = new Int32Array(64);
  const stack = new Int32Array(4 * 128);
  const qBox = new Float64Array(4);

  /**
   * Turf's regionQuery(i). mode 0: count the neighbourhood, stopping at minPts (returns the count);
   * mode 1: write the LIVE neighbours' sorted positions into buf (returns their number).
   */
  const regionQuery = (i: number, mode: 0 | 1): number => {
    const x = coords[2 * i]!;
    const y = coords[2 * i + 1]!;
    const lonDeg = turfSearchBox(x, y, latDeg, qBox, 0);
    const minX = qBox[0]!;
    const minY = qBox[1]!;
    const maxX = qBox[2]!;
    const maxY = qBox[3]!;
    const c1 = Math.cos(degreesToRadians(y));
    // Cheap screen: q = Δφ² + cos φ1 cos φ2 Δλ² approximates θ² (θ = central angle) within a relative
    // error far below delta for separations inside the box; only ambiguous pairs get Turf's exact formula.
    const boxRad = Math.max(Math.abs(lonDeg), latDeg) * RAD;
    const delta = 1e-7 + 4 * boxRad * boxRad;
    const qIn = maxQ * (1 - delta);
    const qOut = maxQ * (1 + delta);
    let count = 0;
    let sp = 0;
    if (mode === 1 && live[1] === 0) return 0;
    stack[sp++] = 1;
    stack[sp++] = 0;
    stack[sp++] = n - 1;
    stack[sp++] = 0;
    while (sp > 0) {
      const axis = stack[--sp]!;
      const right = stack[--sp]!;
      const left = stack[--sp]!;
      const node = stack[--sp]!;
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
        const goLow = axis === 0 ? minX <= mx : minY <= my;
        const goHigh = axis === 0 ? maxX >= mx : maxY >= my;
        // The child on the query point's side is pushed last (searched first): a core test then
        // usually reaches minPts in the first leaf.
        const highFirst = axis === 0 ? x >= mx : y >= my;
        for (let side = 0; side < 2; side++) {
          const high = side === 0 ? !highFirst : highFirst;
          if (high ? !goHigh : !goLow) continue;
          const child = high ? 2 * node + 1 : 2 * node;
          if (mode === 1 && live[child] === 0) continue;
          stack[sp++] = child;
          stack[sp++] = high ? m + 1 : left;
          stack[sp++] = high ? right : m - 1;
          stack[sp++] = 1 - axis;
        }
      }
      for (let k = from; k <= to; k++) {
        if (mode === 1 && liveAt[k] === 0) continue;
        const px = sc[2 * k]!;
        const py = sc[2 * k + 1]!;
        if (px < minX || px > maxX || py < minY || py > maxY) continue;
        const dp = (py - y) * RAD;
        const dl = (px - x) * RAD;
        const c2 = cosSorted[k]!;
        const q = dp * dp + c1 * c2 * dl * dl;
        let inside: boolean;
        if (q <= qIn) inside = true;
        else if (q >= qOut) inside = false;
        else inside = haversineKm(px - x, py - y, c1, c2) <= maxDistanceKm;
        if (!inside) continue;
        if (mode === 0) {
          if (++count >= minPts) return count;
          continue;
        }
        if (count === buf.length) buf = grown(buf);
        buf[count++] = k;
      }
    }
    return count;
  };

  // Core state per point: −1 unknown, 0 not core, 1 core.
  const core = new Int8Array(n).fill(-1);
  const isCore = (i: number): boolean => {
    let c = core[i]!;
    if (c < 0) {
      c = regionQuery(i, 0) >= minPts ? 1 : 0;
      core[i] = c;
    }
    return c === 1;
  };
  const isNoise = new Uint8Array(n);
  let queue = new Int32Array(256);
  let clusterCount = 0;

  // Turf's main loop, as in dbscanGrid (see there why it is not shared). Visited in Turf's sense =
  // assigned here (an expansion assigns what it visits; the main loop's noise points stay unvisited).
  for (let i = 0; i < n; i++) {
    if (clusterIds[i] !== -1) continue;
    if (!isCore(i)) {
      isNoise[i] = 1;
      continue;
    }
    const cid = clusterCount++;
    clusterIds[i] = cid;
    kill(posOf[i]!);
    let qLen = 0;
    let head = 0;
    let j = i;
    for (;;) {
      // j is core and assigned: take its live neighbours.
      const c = regionQuery(j, 1);
      for (let t = 0; t < c; t++) {
        const k = buf[t]!;
        const id = ids[k]!;
        kill(k);
        clusterIds[id] = cid;
        if (qLen === queue.length) queue = grown(queue);
        queue[qLen++] = id;
      }
      // Next enqueued point that is core (non-core ones are only assigned).
      let next = -1;
      while (head < qLen) {
        const cand = queue[head++]!;
        if (isCore(cand)) {
          next = cand;
          break;
        }
      }
      if (next < 0) break;
      j = next;
    }
  }
  return dbscanResult(clusterIds, isNoise, clusterCount);
}
