import { degreesToRadians, lengthToDegrees } from '@turf/helpers';
import { dbscanResult } from './dbscan-result.ts';
import type { DbscanResult } from './dbscan-types.ts';
import { grown } from './growable.ts';
import { haversineKm, KM_PER_RADIAN } from './haversine.ts';
import { turfSearchBox } from './turf-search-box.ts';

const RAD = Math.PI / 180;
/** Largest radius (km) and |latitude| (degrees) for which the grid's certainty argument is made. */
const MAX_KM = 50;
const MAX_ABS_LAT = 80;
const MAX_CELLS = 1 << 22;

/**
 * DBSCAN with exactly the semantics of `@turf/clusters-dbscan` 7.4 (see dbscan.ts) on a uniform
 * lon/lat grid whose cells are a third of the radius (rows: maxDistance/3 in latitude; columns: the
 * same on the ground at the data's lowest |latitude|). Two points in the same or adjacent cells are
 * then certainly each other's neighbours (≤ 0.95 × maxDistance and inside Turf's search box), so:
 * - a point whose 3×3 block of cells holds ≥ minPoints points is core without any distance;
 * - all core points of a cell belong to one cluster and are expanded together, ONCE: the 3×3 block
 *   is claimed wholesale, and only the live (unassigned) points of farther cells are tested, with
 *   Turf's exact relation (search box + haversine ≤ maxDistance), against the cell's core points.
 * The clusters are the same closures Turf builds (cluster order, first-cluster-wins border points and
 * Turf's core/edge labels included, as in dbscanKd). Returns null where the argument is not made
 * (radius > 50 km or ≤ 0, |latitude| near the poles, a grid too large, non-finite coordinates); the
 * caller then uses dbscanKd.
 *
 * @param coords interleaved WGS84 degrees [lon0, lat0, …]
 * @param maxDistanceKm neighbourhood radius, km
 * @param minPoints minimum neighbourhood size for a core point (self included; 0 means 3)
 */
export function dbscanGrid(
  coords: Float64Array,
  maxDistanceKm: number,
  minPoints: number,
): DbscanResult | null {
  const n = coords.length >> 1;
  if (n === 0 || !(maxDistanceKm > 0) || maxDistanceKm > MAX_KM) return null;
  const minPts = minPoints || 3;
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = coords[2 * i]!;
    const y = coords[2 * i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
  }
  const latDeg = lengthToDegrees(maxDistanceKm, 'kilometers');
  const maxAbsLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
  if (maxAbsLat + latDeg > MAX_ABS_LAT) return null;
  const minAbsLat = minLat <= 0 && maxLat >= 0 ? 0 : Math.min(Math.abs(minLat), Math.abs(maxLat));
  const hy = latDeg / 3;
  const hx = latDeg / (3 * Math.cos(minAbsLat * RAD));
  const W = Math.floor((maxLon - minLon) / hx) + 1;
  const H = Math.floor((maxLat - minLat) / hy) + 1;
  if (W * H > MAX_CELLS) return null;
  const nCells = W * H;
  // Widest Turf search box (longitude half-width), for the cheap-screen tolerance.
  const lonDegMax = latDeg / Math.cos((maxAbsLat + latDeg) * RAD);

  // Cells in CSR layout; live points of a cell are kept first in its segment (swap-remove).
  const cx = new Int32Array(n);
  const cy = new Int32Array(n);
  const cellStart = new Int32Array(nCells + 1);
  for (let i = 0; i < n; i++) {
    const x = Math.min(W - 1, Math.floor((coords[2 * i]! - minLon) / hx));
    const y = Math.min(H - 1, Math.floor((coords[2 * i + 1]! - minLat) / hy));
    cx[i] = x;
    cy[i] = y;
    cellStart[y * W + x + 1]!++;
  }
  for (let c = 0; c < nCells; c++) cellStart[c + 1]! += cellStart[c]!;
  const cellPts = new Int32Array(n);
  const slot = new Int32Array(n);
  const fill = cellStart.slice(0, nCells);
  for (let i = 0; i < n; i++) {
    const s = fill[cy[i]! * W + cx[i]!]!++;
    cellPts[s] = i;
    slot[i] = s;
  }
  const liveCount = new Int32Array(nCells);
  for (let c = 0; c < nCells; c++) liveCount[c] = cellStart[c + 1]! - cellStart[c]!;

  const cosLat = new Float64Array(n);
  for (let i = 0; i < n; i++) cosLat[i] = Math.cos(degreesToRadians(coords[2 * i + 1]!));
  // Turf's search box per point ([minX, minY, maxX, maxY] at 4i), computed when first needed.
  const boxReady = new Uint8Array(n);
  const box = new Float64Array(4 * n);
  const prepBox = (i: number) => {
    boxReady[i] = 1;
    turfSearchBox(coords[2 * i]!, coords[2 * i + 1]!, latDeg, box, 4 * i);
  };
  const maxRad = maxDistanceKm / KM_PER_RADIAN;
  const maxQ = maxRad * maxRad;
  const boxRad = Math.max(lonDegMax, latDeg) * RAD;
  const delta = 1e-7 + 4 * boxRad * boxRad;
  const qIn = maxQ * (1 - delta);
  const qOut = maxQ * (1 + delta);

  /** Turf's relation: q is in the neighbourhood of c (c's search box, then haversine(c, q) ≤ max). */
  const related = (c: number, q: number): boolean => {
    const px = coords[2 * q]!;
    const py = coords[2 * q + 1]!;
    const b = 4 * c;
    if (px < box[b]! || px > box[b + 2]! || py < box[b + 1]! || py > box[b + 3]!) return false;
    const x = coords[2 * c]!;
    const y = coords[2 * c + 1]!;
    const dp = (py - y) * RAD;
    const dl = (px - x) * RAD;
    const c1 = cosLat[c]!;
    const c2 = cosLat[q]!;
    const qv = dp * dp + c1 * c2 * dl * dl;
    if (qv <= qIn) return true;
    if (qv >= qOut) return false;
    return haversineKm(px - x, py - y, c1, c2) <= maxDistanceKm;
  };

  // Core state: −1 unknown, 0 no, 1 yes.
  const core = new Int8Array(n).fill(-1);
  const isCore = (i: number): boolean => {
    const known = core[i]!;
    if (known >= 0) return known === 1;
    const x0 = cx[i]!;
    const y0 = cy[i]!;
    // Certain neighbours: the 3×3 block.
    let block = 0;
    for (let y = Math.max(0, y0 - 1); y <= Math.min(H - 1, y0 + 1); y++) {
      const row = y * W;
      block += cellStart[row + Math.min(W - 1, x0 + 1) + 1]! - cellStart[row + Math.max(0, x0 - 1)]!;
    }
    if (block >= minPts) {
      core[i] = 1;
      return true;
    }
    // Exact count over the cells of Turf's search box, stopping at minPts.
    if (!boxReady[i]) prepBox(i);
    const xa = Math.max(0, Math.floor((box[4 * i]! - minLon) / hx));
    const xb = Math.min(W - 1, Math.floor((box[4 * i + 2]! - minLon) / hx));
    const ya = Math.max(0, Math.floor((box[4 * i + 1]! - minLat) / hy));
    const yb = Math.min(H - 1, Math.floor((box[4 * i + 3]! - minLat) / hy));
    let count = 0;
    for (let y = ya; y <= yb; y++) {
      for (let x = xa; x <= xb; x++) {
        const c = y * W + x;
        for (let s = cellStart[c]!, e = cellStart[c + 1]!; s < e; s++) {
          if (related(i, cellPts[s]!) && ++count >= minPts) {
            core[i] = 1;
            return true;
          }
        }
      }
    }
    core[i] = 0;
    return false;
  };

  const clusterIds = new Int32Array(n).fill(-1);
  const isNoise = new Uint8Array(n);
  const cellDone = new Uint8Array(nCells);
  let cellStack = new Int32Array(64);
  let stackLen = 0;
  let cores = new Int32Array(64);

  const remove = (q: number) => {
    const c = cy[q]! * W + cx[q]!;
    const s = slot[q]!;
    const last = cellStart[c]! + liveCount[c]! - 1;
    const other = cellPts[last]!;
    cellPts[s] = other;
    slot[other] = s;
    cellPts[last] = q;
    slot[q] = last;
    liveCount[c]!--;
  };
  const claim = (q: number, cid: number) => {
    clusterIds[q] = cid;
    remove(q);
    const c = cy[q]! * W + cx[q]!;
    if (!cellDone[c] && isCore(q)) {
      cellDone[c] = 1;
      if (stackLen === cellStack.length) cellStack = grown(cellStack);
      cellStack[stackLen++] = c;
    }
  };
  // Reach of a search box in cells beyond the 3×3 block.
  const ry = 4;
  const rx = Math.ceil(lonDegMax / hx) + 1;

  // Turf's main loop, written out here and in dbscanKd rather than shared: one loop taking isCore and
  // the expansion as closures (tried) ran bench/bench.ts's uniform 5,000 at 6.5–7 ms instead of 4.5 ms
  // in 7 of 12 runs (2 of 11 without it), presumably as V8 no longer optimises the expansion with it.
  let clusterCount = 0;
  for (let i = 0; i < n; i++) {
    if (clusterIds[i] !== -1) continue;
    if (!isCore(i)) {
      isNoise[i] = 1;
      continue;
    }
    const cid = clusterCount++;
    claim(i, cid);
    while (stackLen > 0) {
      const c = cellStack[--stackLen]!;
      const x0 = c % W;
      const y0 = (c - x0) / W;
      // The cell's core points (all will be in this cluster).
      let nc = 0;
      for (let s = cellStart[c]!, e = cellStart[c + 1]!; s < e; s++) {
        const p = cellPts[s]!;
        if (isCore(p)) {
          if (nc === cores.length) cores = grown(cores);
          cores[nc++] = p;
          if (!boxReady[p]) prepBox(p);
        }
      }
      // Bounding box of those core points, to skip cells out of reach.
      let cMinX = Number.POSITIVE_INFINITY;
      let cMaxX = Number.NEGATIVE_INFINITY;
      let cMinY = Number.POSITIVE_INFINITY;
      let cMaxY = Number.NEGATIVE_INFINITY;
      for (let t = 0; t < nc; t++) {
        const b = 4 * cores[t]!;
        if (box[b]! < cMinX) cMinX = box[b]!;
        if (box[b + 1]! < cMinY) cMinY = box[b + 1]!;
        if (box[b + 2]! > cMaxX) cMaxX = box[b + 2]!;
        if (box[b + 3]! > cMaxY) cMaxY = box[b + 3]!;
      }
      const ya = Math.max(0, y0 - ry, Math.floor((cMinY - minLat) / hy));
      const yb = Math.min(H - 1, y0 + ry, Math.floor((cMaxY - minLat) / hy));
      const xa = Math.max(0, x0 - rx, Math.floor((cMinX - minLon) / hx));
      const xb = Math.min(W - 1, x0 + rx, Math.floor((cMaxX - minLon) / hx));
      for (let y = ya; y <= yb; y++) {
        for (let x = xa; x <= xb; x++) {
          const d = y * W + x;
          if (liveCount[d] === 0) continue;
          const start = cellStart[d]!;
          if (Math.abs(x - x0) <= 1 && Math.abs(y - y0) <= 1) {
            // Adjacent: every live point is a certain neighbour of every core point of c.
            while (liveCount[d]! > 0) claim(cellPts[start]!, cid);
            continue;
          }
          let t = start;
          while (t < start + liveCount[d]!) {
            const q = cellPts[t]!;
            let hit = false;
            for (let k = 0; k < nc; k++) {
              if (related(cores[k]!, q)) {
                hit = true;
                break;
              }
            }
            if (hit) claim(q, cid);
            else t++;
          }
        }
      }
    }
  }
  return dbscanResult(clusterIds, isNoise, clusterCount);
}
