import KDBush from 'kdbush';
import { grown } from './growable.ts';
import { haversineKm, KM_PER_RADIAN } from './haversine.ts';

export interface NearestNeighbours {
  /**
   * Per point, the distance in km to its nearest OTHER point (Turf's haversine, the point itself as
   * `from`); Infinity when there is no other point. Exactly 0 for every point of a group of ≥ 2.
   */
  distKm: Float64Array;
  /**
   * Per point, its group: points at identical coordinates (lon and lat equal, both finite) form one
   * group; any other point is a group of its own. Groups are numbered 0 … groupSize.length − 1 in an
   * unspecified order.
   */
  groupOf: Int32Array;
  /** Points per group. */
  groupSize: Int32Array;
  /**
   * Only with `ties`: the neighbours of point i at the nearest distance (within the tolerance) are
   * tieIds[tieOffsets[i] .. tieOffsets[i + 1]), in no particular order. Otherwise empty arrays.
   * A point in a group of g lists at least the g − 1 other members, so the lists grow as g²: use
   * `groupTies` where coincident points can be many.
   */
  tieOffsets: Int32Array;
  tieIds: Int32Array;
  /**
   * Only with `groupTies`: the same ties by group, in O(number of groups) space. For group s,
   * groupTieIds[groupTieOffsets[s] .. groupTieOffsets[s + 1]) are the OTHER groups whose members are
   * tied nearest neighbours of every member of s. A point i's tied neighbours are then exactly: the
   * other groupSize[groupOf[i]] − 1 members of its own group (tied at distance 0), plus every member
   * of the listed groups. Otherwise empty arrays.
   */
  groupTieOffsets: Int32Array;
  groupTieIds: Int32Array;
}

export interface NearestNeighboursOptions {
  /** Also list, per point, every neighbour tied at the nearest distance. Default false. */
  ties?: boolean;
  /** Also list the ties by group (see NearestNeighbours.groupTieIds). Default false. */
  groupTies?: boolean;
  /** With ties: j is tied when d(i, j) ≤ d_min(i) + tieToleranceKm. Default 0 (exact ties). */
  tieToleranceKm?: number;
}

const RAD = Math.PI / 180;
/** Relative slack of the cheap screen; valid while candidates are within ~0.1 rad and |lat| ≤ 84°. */
const EPS = 0.01;
/** Above this squared central angle (≈ 64 km) a query falls back to the exact linear scan. */
const Q_FAST = 1e-4;
const COS_MIN = 0.1;

/**
 * Groups of identical coordinates (exact equality of finite lon and lat; +0 and −0 are equal), by
 * hashing the coordinates' bits: O(n). Group ids are provisional (order of first appearance).
 */
function groupIdentical(
  coords: Float64Array,
  n: number,
): { prov: Int32Array; first: Int32Array; count: number } {
  const prov = new Int32Array(n);
  const first = new Int32Array(n);
  let size = 2;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const bits = new Uint32Array(coords.buffer, coords.byteOffset, 4 * n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = coords[2 * i]!;
    const y = coords[2 * i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      prov[i] = count;
      first[count++] = i;
      continue;
    }
    let h = 0x811c9dc5;
    h = Math.imul(h ^ (x === 0 ? 0 : bits[4 * i]!), 0x01000193);
    h = Math.imul(h ^ (x === 0 ? 0 : bits[4 * i + 1]!), 0x01000193);
    h = Math.imul(h ^ (y === 0 ? 0 : bits[4 * i + 2]!), 0x01000193);
    h = Math.imul(h ^ (y === 0 ? 0 : bits[4 * i + 3]!), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let slot = h & mask;
    for (;;) {
      const g = table[slot]!;
      if (g === -1) {
        table[slot] = count;
        prov[i] = count;
        first[count++] = i;
        break;
      }
      const f = first[g]!;
      if (coords[2 * f] === x && coords[2 * f + 1] === y) {
        prov[i] = g;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { prov, first, count };
}

/**
 * Nearest other point of every point, with the exact haversine distance of `@turf/distance` (km).
 *
 * Points at identical coordinates are grouped first (O(n) hashing): every member of a group of ≥ 2
 * has nearest distance exactly 0, and the search below runs once per distinct location, never per
 * coincident point — so the cost stays ~linear however many points share one coordinate.
 *
 * A kd-tree (over the distinct locations) depth-first search ranks candidates by
 * q = Δφ² + cos φ1·cos φ2·Δλ² (radians²), which approximates the squared central angle within a
 * relative error < EPS at the separations where it is used; every candidate within that slack of the
 * best is then measured with Turf's exact formula and the exact minimum kept, so the result equals a
 * brute-force scan with `@turf/distance` (far-apart or polar points use the brute-force scan
 * directly). Ties: j is tied with i when d(i, j) ≤ d_min(i) + tieToleranceKm; for a group that is its
 * other members plus any other location within the tolerance of distance 0. O(n log n) for ordinary
 * inputs (plus the size of the per-point tie lists when `ties` is asked for).
 *
 * @param coords interleaved WGS84 degrees [lon0, lat0, lon1, lat1, …]
 */
export function nearestNeighbours(
  coords: Float64Array,
  options: NearestNeighboursOptions = {},
): NearestNeighbours {
  const n = coords.length >> 1;
  const wantTies = options.ties === true;
  const wantGroupTies = options.groupTies === true;
  const listTies = wantTies || wantGroupTies;
  const tol = Math.max(0, options.tieToleranceKm ?? 0);
  const tolRad = tol / KM_PER_RADIAN;
  const distKm = new Float64Array(n).fill(Number.POSITIVE_INFINITY);

  const { prov, first, count: G } = groupIdentical(coords, n);
  // Sites (distinct locations) are numbered in kd order: site k is at (sc[2k], sc[2k + 1]).
  const index = new KDBush(G, 16);
  for (let g = 0; g < G; g++) index.add(coords[2 * first[g]!]!, coords[2 * first[g]! + 1]!);
  index.finish();
  const ids = index.ids;
  const sc = index.coords as Float64Array;
  const nodeSize = index.nodeSize;
  const rank = new Int32Array(G);
  for (let k = 0; k < G; k++) rank[ids[k]!] = k;
  const groupOf = new Int32Array(n);
  const groupSize = new Int32Array(G);
  for (let i = 0; i < n; i++) {
    const k = rank[prov[i]!]!;
    groupOf[i] = k;
    groupSize[k]! += 1;
  }
  const groupTieOffsets = new Int32Array(wantGroupTies || wantTies ? G + 1 : 0);
  let groupTieIds = new Int32Array(listTies ? Math.max(G, 1) : 0);
  const empty = new Int32Array(0);
  if (n < 2) {
    return {
      distKm,
      groupOf,
      groupSize,
      tieOffsets: new Int32Array(wantTies ? n + 1 : 0),
      tieIds: empty,
      groupTieOffsets: wantGroupTies ? groupTieOffsets : empty,
      groupTieIds: empty,
    };
  }

  const cosSorted = new Float64Array(G);
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < G; k++) {
    const lon = sc[2 * k]!;
    const lat = sc[2 * k + 1]!;
    cosSorted[k] = Math.cos(((lat % 360) * Math.PI) / 180);
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  }
  const polar = Math.min(Math.cos(minLat * RAD), Math.cos(maxLat * RAD)) < COS_MIN;

  /** Turf's haversine from site k to site m, km. */
  const exact = (k: number, m: number): number =>
    haversineKm(sc[2 * m]! - sc[2 * k]!, sc[2 * m + 1]! - sc[2 * k + 1]!, cosSorted[k]!, cosSorted[m]!);

  // DFS stack: left, right, axis (ints) and box minX, minY, maxX, maxY, cos(minY), cos(maxY) (floats).
  const iStack = new Int32Array(3 * 128);
  const fStack = new Float64Array(6 * 128);
  let cand = new Int32Array(64);
  let candQ = new Float64Array(64);
  let tieLen = 0;
  const cosMinLat = Math.cos(minLat * RAD);
  const cosMaxLat = Math.cos(maxLat * RAD);
  /** Nearest distance of each site to the nearest OTHER point (0 for a group of ≥ 2). */
  const siteDist = new Float64Array(G);

  const limitOf = (q: number): number => {
    const r = Math.sqrt(q) * (1 + EPS) + tolRad;
    return r * r * (1 + EPS);
  };
  const pushTie = (m: number) => {
    if (tieLen === groupTieIds.length) groupTieIds = grown(groupTieIds);
    groupTieIds[tieLen++] = m;
  };

  // One query per site, in kd order (neighbouring queries touch the same memory).
  for (let qk = 0; qk < G; qk++) {
    if (listTies) groupTieOffsets[qk] = tieLen;
    // A group's own other members are at exactly 0: nothing is nearer, and without tie lists there
    // is nothing left to find.
    const grouped = groupSize[qk]! >= 2;
    if (grouped && !listTies) continue;
    const x = sc[2 * qk]!;
    const y = sc[2 * qk + 1]!;
    const ci = cosSorted[qk]!;
    let nc = 0;
    let best = grouped ? 0 : Number.POSITIVE_INFINITY;
    let limit = grouped ? limitOf(0) : Number.POSITIVE_INFINITY;
    let useScan = polar;
    if (!useScan) {
      let sp = 0;
      let fp = 0;
      iStack[sp++] = 0;
      iStack[sp++] = G - 1;
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
          if (k === qk) continue;
          const dp = (sc[2 * k + 1]! - y) * RAD;
          const dl = (sc[2 * k]! - x) * RAD;
          const q = dp * dp + ci * cosSorted[k]! * dl * dl;
          if (q > limit) continue;
          if (nc === cand.length) {
            cand = grown(cand);
            candQ = grown(candQ);
          }
          cand[nc] = k;
          candQ[nc++] = q;
          if (q < best) {
            best = q;
            limit = limitOf(q);
          }
        }
      }
      if (best > Q_FAST) useScan = true;
    }
    // Exact distances of the candidates (or of every other site when scanning).
    let dMin = grouped ? 0 : Number.POSITIVE_INFINITY;
    if (useScan) {
      nc = 0;
      for (let m = 0; m < G; m++) {
        if (m === qk) continue;
        const d = exact(qk, m);
        if (d < dMin) dMin = d;
      }
    } else {
      let w = 0;
      for (let t = 0; t < nc; t++) {
        if (candQ[t]! > limit) continue;
        const m = cand[t]!;
        const d = exact(qk, m);
        if (d < dMin) dMin = d;
        cand[w] = m;
        candQ[w++] = d; // now holds the exact distance
      }
      nc = w;
    }
    siteDist[qk] = dMin;
    if (listTies) {
      const bound = dMin + tol;
      if (useScan) {
        for (let m = 0; m < G; m++) if (m !== qk && exact(qk, m) <= bound) pushTie(m);
      } else {
        for (let t = 0; t < nc; t++) if (candQ[t]! <= bound) pushTie(cand[t]!);
      }
    }
  }
  if (listTies) groupTieOffsets[G] = tieLen;
  for (let i = 0; i < n; i++) {
    const k = groupOf[i]!;
    distKm[i] = groupSize[k]! >= 2 ? 0 : siteDist[k]!;
  }
  const groupTies = wantGroupTies
    ? { groupTieOffsets, groupTieIds: groupTieIds.subarray(0, tieLen) }
    : { groupTieOffsets: empty, groupTieIds: empty };
  if (!wantTies) return { distKm, groupOf, groupSize, tieOffsets: empty, tieIds: empty, ...groupTies };

  // Per-point lists: the other members of the point's own group, then every member of each tied group.
  const memberOffsets = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) memberOffsets[groupOf[i]! + 1]! += 1;
  for (let k = 0; k < G; k++) memberOffsets[k + 1]! += memberOffsets[k]!;
  const members = new Int32Array(n);
  const fill = memberOffsets.slice(0, G);
  for (let i = 0; i < n; i++) members[fill[groupOf[i]!]!++] = i;
  const tiedMembers = new Float64Array(G);
  for (let k = 0; k < G; k++) {
    for (let t = groupTieOffsets[k]!; t < groupTieOffsets[k + 1]!; t++)
      tiedMembers[k]! += groupSize[groupTieIds[t]!]!;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += groupSize[groupOf[i]!]! - 1 + tiedMembers[groupOf[i]!]!;
  if (total > 0x7fffffff) {
    throw new RangeError(`nearestNeighbours: ${total} tied pairs do not fit per-point lists; use groupTies`);
  }
  const tieOffsets = new Int32Array(n + 1);
  const tieIds = new Int32Array(total);
  let w = 0;
  for (let i = 0; i < n; i++) {
    tieOffsets[i] = w;
    const k = groupOf[i]!;
    for (let p = memberOffsets[k]!; p < memberOffsets[k + 1]!; p++)
      if (members[p] !== i) tieIds[w++] = members[p]!;
    for (let t = groupTieOffsets[k]!; t < groupTieOffsets[k + 1]!; t++) {
      const m = groupTieIds[t]!;
      for (let p = memberOffsets[m]!; p < memberOffsets[m + 1]!; p++) tieIds[w++] = members[p]!;
    }
  }
  tieOffsets[n] = w;
  return { distKm, groupOf, groupSize, tieOffsets, tieIds, ...groupTies };
}
