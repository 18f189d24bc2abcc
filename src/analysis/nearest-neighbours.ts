import KDBush from 'kdbush';
import { KM_PER_RADIAN } from './turf-distance.ts';

export interface NearestNeighbours {
  /**
   * Per point, the distance in km to its nearest OTHER point (Turf's haversine, the point itself as
   * `from`); Infinity when there is no other point.
   */
  distKm: Float64Array;
  /**
   * Only with `ties`: the neighbours of point i at the nearest distance (within the tolerance) are
   * tieIds[tieOffsets[i] .. tieOffsets[i + 1]). Otherwise empty arrays.
   */
  tieOffsets: Int32Array;
  tieIds: Int32Array;
}

export interface NearestNeighboursOptions {
  /** Also list every neighbour tied at the nearest distance. Default false. */
  ties?: boolean;
  /** With `ties`: j is tied when d(i, j) ≤ d_min(i) + tieToleranceKm. Default 0 (exact ties). */
  tieToleranceKm?: number;
}

const RAD = Math.PI / 180;
/** Relative slack of the cheap screen; valid while candidates are within ~0.1 rad and |lat| ≤ 84°. */
const EPS = 0.01;
/** Above this squared central angle (≈ 64 km) a query falls back to the exact linear scan. */
const Q_FAST = 1e-4;
const COS_MIN = 0.1;

/**
 * Nearest other point of every point, with the exact haversine distance of `@turf/distance` (km).
 *
 * A kd-tree depth-first search ranks candidates by q = Δφ² + cos φ1·cos φ2·Δλ² (radians²), which
 * approximates the squared central angle within a relative error < EPS at the separations where it is
 * used; every candidate within that slack of the best is then measured with Turf's exact formula and
 * the exact minimum kept, so the result equals a brute-force scan with `@turf/distance` (far-apart or
 * polar points use the brute-force scan directly). O(n log n) for ordinary inputs.
 *
 * @param coords interleaved WGS84 degrees [lon0, lat0, lon1, lat1, …]
 */
export function nearestNeighbours(
  coords: Float64Array,
  options: NearestNeighboursOptions = {},
): NearestNeighbours {
  const n = coords.length >> 1;
  const wantTies = options.ties === true;
  const tol = Math.max(0, options.tieToleranceKm ?? 0);
  const tolRad = tol / KM_PER_RADIAN;
  const distKm = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const tieOffsets = new Int32Array(wantTies ? n + 1 : 0);
  let tieIds = new Int32Array(wantTies ? Math.max(n, 1) : 0);
  if (n < 2) return { distKm, tieOffsets, tieIds };

  const cosLat = new Float64Array(n);
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const lat = coords[2 * i + 1]!;
    const lon = coords[2 * i]!;
    cosLat[i] = Math.cos(((lat % 360) * Math.PI) / 180);
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  }
  const index = new KDBush(n, 16);
  for (let i = 0; i < n; i++) index.add(coords[2 * i]!, coords[2 * i + 1]!);
  index.finish();
  const ids = index.ids;
  const sc = index.coords as Float64Array;
  const nodeSize = index.nodeSize;
  const cosSorted = new Float64Array(n);
  for (let k = 0; k < n; k++) cosSorted[k] = cosLat[ids[k]!]!;
  const polar = Math.min(Math.cos(minLat * RAD), Math.cos(maxLat * RAD)) < COS_MIN;

  const exact = (i: number, j: number): number => {
    const dLat = (((coords[2 * j + 1]! - coords[2 * i + 1]!) % 360) * Math.PI) / 180;
    const dLon = (((coords[2 * j]! - coords[2 * i]!) % 360) * Math.PI) / 180;
    const a =
      // biome-ignore lint/style/useExponentiationOperator: Turf's exact operations
      Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * cosLat[i]! * cosLat[j]!;
    return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * KM_PER_RADIAN;
  };

  // DFS stack: left, right, axis (ints) and box minX, minY, maxX, maxY, cos(minY), cos(maxY) (floats).
  const iStack = new Int32Array(3 * 128);
  const fStack = new Float64Array(6 * 128);
  let cand = new Int32Array(64);
  let candQ = new Float64Array(64);
  let tieLen = 0;
  const tieStart = new Int32Array(wantTies ? n : 0);
  // The query run after point i (kd order), to find where i's tie list ends.
  const nextQuery = new Int32Array(wantTies ? n : 0);
  const lastQuery = ids[n - 1]!;
  if (wantTies) for (let k = 0; k + 1 < n; k++) nextQuery[ids[k]!] = ids[k + 1]!;
  const cosMinLat = Math.cos(minLat * RAD);
  const cosMaxLat = Math.cos(maxLat * RAD);

  const limitOf = (q: number): number => {
    const r = Math.sqrt(q) * (1 + EPS) + tolRad;
    return r * r * (1 + EPS);
  };

  // Queries in kd order (neighbouring queries touch the same memory); results by input index.
  for (let qk = 0; qk < n; qk++) {
    const i = ids[qk]!;
    const x = coords[2 * i]!;
    const y = coords[2 * i + 1]!;
    const ci = cosLat[i]!;
    let nc = 0;
    let best = Number.POSITIVE_INFINITY;
    let limit = Number.POSITIVE_INFINITY;
    let useScan = polar;
    if (!useScan) {
      let sp = 0;
      let fp = 0;
      iStack[sp++] = 0;
      iStack[sp++] = n - 1;
      iStack[sp++] = 0;
      fStack[fp++] = minLon;
      fStack[fp++] = minLat;
      fStack[fp++] = maxLon;
      fStack[fp++] = maxLat;
      fStack[fp++] = cosMinLat;
      fStack[fp++] = cosMaxLat;
      while (sp > 0) {
        const axis = iStack[--sp]!;
        const right = iStack[--sp]!;
        const left = iStack[--sp]!;
        const cMaxY = fStack[--fp]!;
        const cMinY = fStack[--fp]!;
        const bMaxY = fStack[--fp]!;
        const bMaxX = fStack[--fp]!;
        const bMinY = fStack[--fp]!;
        const bMinX = fStack[--fp]!;
        if (left > right) continue;
        // Lower bound of q over the box.
        const gx = (x < bMinX ? bMinX - x : x > bMaxX ? x - bMaxX : 0) * RAD;
        const gy = (y < bMinY ? bMinY - y : y > bMaxY ? y - bMaxY : 0) * RAD;
        const lb = gy * gy + ci * Math.min(cMinY, cMaxY) * gx * gx;
        if (lb > limit) continue;
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
          const cm = cosSorted[m]!;
          // Children: [left, m−1] has coordinate ≤ split, [m+1, right] ≥ split. Push the farther first.
          const goLowFirst = axis === 0 ? x <= mx : y <= my;
          for (let side = 0; side < 2; side++) {
            const low = side === 0 ? !goLowFirst : goLowFirst;
            iStack[sp++] = low ? left : m + 1;
            iStack[sp++] = low ? m - 1 : right;
            iStack[sp++] = 1 - axis;
            if (axis === 0) {
              fStack[fp++] = low ? bMinX : mx;
              fStack[fp++] = bMinY;
              fStack[fp++] = low ? mx : bMaxX;
              fStack[fp++] = bMaxY;
              fStack[fp++] = cMinY;
              fStack[fp++] = cMaxY;
            } else {
              fStack[fp++] = bMinX;
              fStack[fp++] = low ? bMinY : my;
              fStack[fp++] = bMaxX;
              fStack[fp++] = low ? my : bMaxY;
              fStack[fp++] = low ? cMinY : cm;
              fStack[fp++] = low ? cm : cMaxY;
            }
          }
        }
        for (let k = from; k <= to; k++) {
          const j = ids[k]!;
          if (j === i) continue;
          const dp = (sc[2 * k + 1]! - y) * RAD;
          const dl = (sc[2 * k]! - x) * RAD;
          const q = dp * dp + ci * cosSorted[k]! * dl * dl;
          if (q > limit) continue;
          if (nc === cand.length) {
            const c2 = new Int32Array(nc * 2);
            c2.set(cand);
            cand = c2;
            const q2 = new Float64Array(nc * 2);
            q2.set(candQ);
            candQ = q2;
          }
          cand[nc] = j;
          candQ[nc++] = q;
          if (q < best) {
            best = q;
            limit = limitOf(q);
          }
        }
      }
      if (best > Q_FAST) useScan = true;
    }
    // Exact distances of the candidates (or of every point when scanning).
    let dMin = Number.POSITIVE_INFINITY;
    if (useScan) {
      nc = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const d = exact(i, j);
        if (d < dMin) dMin = d;
      }
    } else {
      let w = 0;
      for (let t = 0; t < nc; t++) {
        if (candQ[t]! > limit) continue;
        const j = cand[t]!;
        const d = exact(i, j);
        if (d < dMin) dMin = d;
        cand[w] = j;
        candQ[w++] = d; // now holds the exact distance
      }
      nc = w;
    }
    distKm[i] = dMin;
    if (wantTies) {
      tieStart[i] = tieLen;
      const bound = dMin + tol;
      const push = (j: number) => {
        if (tieLen === tieIds.length) {
          const g = new Int32Array(tieIds.length * 2);
          g.set(tieIds);
          tieIds = g;
        }
        tieIds[tieLen++] = j;
      };
      if (useScan) {
        for (let j = 0; j < n; j++) if (j !== i && exact(i, j) <= bound) push(j);
      } else {
        for (let t = 0; t < nc; t++) if (candQ[t]! <= bound) push(cand[t]!);
      }
    }
  }
  if (!wantTies) return { distKm, tieOffsets, tieIds };
  // Queries ran in kd order: lay the tie lists out in input order.
  const ordered = new Int32Array(tieLen);
  let w = 0;
  for (let i = 0; i < n; i++) {
    tieOffsets[i] = w;
    const end = i === lastQuery ? tieLen : tieStart[nextQuery[i]!]!;
    for (let t = tieStart[i]!; t < end; t++) ordered[w++] = tieIds[t]!;
  }
  tieOffsets[n] = w;
  return { distKm, tieOffsets, tieIds: ordered };
}
