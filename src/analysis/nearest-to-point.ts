import KDBush from 'kdbush';
import { haversineKm, KM_PER_RADIAN } from './haversine.ts';

const RAD = Math.PI / 180;
/** First search radius, km; doubled until k points are found within it. */
const START_KM = 4;
/** Beyond this radius the search scans every point. */
const MAX_KM = 2000;

export interface PointIndex {
  /** The k nearest points to (lon, lat): indices into the input, nearest first, with their km. */
  nearest(lon: number, lat: number, k: number): { index: number; km: number }[];
}

/**
 * An index over a fixed point set answering "the k nearest points to a place" with the exact geodesic
 * distance of `@turf/distance` (haversine, km, the place as `from`); ties by input order, so the answer
 * equals sorting every point by (distance, index). A kd-tree (kdbush) box query over a radius that
 * doubles until k points lie within it: every point within r km of the place lies in the box of
 * half-widths r/R (lat) and asin(sin(r/R)/cos φ) (lon), so the points found within r are the nearest;
 * near the poles or the antimeridian, or beyond MAX_KM, it scans every point (still exact).
 *
 * @param coords interleaved WGS84 degrees [lon0, lat0, …]
 */
export function pointIndex(coords: Float64Array): PointIndex {
  const n = coords.length >> 1;
  const index = new KDBush(Math.max(n, 1), 16);
  for (let i = 0; i < n; i++) index.add(coords[2 * i]!, coords[2 * i + 1]!);
  if (n === 0) index.add(0, 0); // kdbush needs one point; never returned (n = 0 answers early)
  index.finish();
  const cos = new Float64Array(n);
  for (let i = 0; i < n; i++) cos[i] = Math.cos(((coords[2 * i + 1]! % 360) * Math.PI) / 180);

  const ranked = (lon: number, lat: number, ids: Iterable<number>) => {
    const c0 = Math.cos(((lat % 360) * Math.PI) / 180);
    const out: { index: number; km: number }[] = [];
    for (const i of ids)
      out.push({ index: i, km: haversineKm(coords[2 * i]! - lon, coords[2 * i + 1]! - lat, c0, cos[i]!) });
    return out.sort((a, b) => a.km - b.km || a.index - b.index);
  };
  const all = function* () {
    for (let i = 0; i < n; i++) yield i;
  };

  return {
    nearest(lon, lat, k) {
      if (n === 0 || k <= 0) return [];
      const want = Math.min(k, n);
      for (let r = START_KM; r <= MAX_KM; r *= 2) {
        const rb = r * (1 + 1e-6); // the box a hair wider than r: no point within r lost to rounding
        const dLat = rb / KM_PER_RADIAN / RAD;
        const s = Math.sin(rb / KM_PER_RADIAN) / Math.cos(lat * RAD);
        if (Math.abs(lat) + dLat >= 90 || s >= 1) break;
        const dLon = Math.asin(s) / RAD;
        if (Math.abs(lon) + dLon >= 180) break;
        const inBox = index.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
        const within = ranked(lon, lat, inBox).filter((p) => p.km <= r);
        if (within.length >= want) return within.slice(0, want);
      }
      return ranked(lon, lat, all()).slice(0, want);
    },
  };
}
