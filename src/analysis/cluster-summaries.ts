import { area } from '@turf/area';
import type { ChainStage, Segment } from '../data/types.ts';
import { convexHull } from './convex-hull.ts';
import { CORE, type DbscanResult } from './dbscan.ts';
import type { ClusterInfo } from './types.ts';

/** Per located point of one stage: what the summaries need besides coordinates. */
export interface ClusterMemberInfo {
  ids: readonly string[];
  segments: readonly (Segment | null)[];
  counties: readonly (string | null)[];
  /** Resolved zone (own zone id, or by containment). */
  zones: readonly (string | null)[];
  /** Per point: its location is approximate (township, zone or county precision). Optional. */
  approximate?: readonly boolean[];
}

/** Most frequent non-null value (ties: the smallest in string order), or null. */
function mode<T extends string>(
  values: readonly (T | null)[],
  members: Int32Array,
  from: number,
  to: number,
): T | null {
  const counts = new Map<T, number>();
  for (let t = from; t < to; t++) {
    const v = values[members[t]!];
    if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: T | null = null;
  let bestN = 0;
  for (const [v, c] of counts) {
    if (c > bestN || (c === bestN && best !== null && v < best)) {
      best = v;
      bestN = c;
    }
  }
  return best;
}

/**
 * Summaries of the DBSCAN clusters of one stage: members (ids), core / edge counts (Turf's labels),
 * convex hull (planar in lon/lat, null under 3 distinct non-collinear members), hull area in km²
 * (`@turf/area`, geodesic, /10⁶), density = members / hull km² (null when the area is 0), dominant
 * segment, county and zone (most frequent non-null value; ties → smallest code), and centre = mean of
 * member [lon, lat]; `approximate` counts members with approximate locations. Clusters keep DBSCAN's ids (Turf's order of discovery).
 *
 * @param stage the chain stage the points belong to
 * @param coords interleaved WGS84 degrees of the stage's located points
 * @param result dbscan(coords, …)
 * @param info per-point ids, segments, counties and zones (parallel to coords)
 */
export function clusterSummaries(
  stage: ChainStage,
  coords: Float64Array,
  result: DbscanResult,
  info: ClusterMemberInfo,
): ClusterInfo[] {
  const k = result.clusterCount;
  const n = result.clusterIds.length;
  // Counting sort of the members by cluster id.
  const offsets = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) {
    const c = result.clusterIds[i]!;
    if (c >= 0) offsets[c + 1]!++;
  }
  for (let c = 0; c < k; c++) offsets[c + 1]! += offsets[c]!;
  const members = new Int32Array(offsets[k]!);
  const fill = offsets.slice(0, k);
  for (let i = 0; i < n; i++) {
    const c = result.clusterIds[i]!;
    if (c >= 0) members[fill[c]!++] = i;
  }
  const out: ClusterInfo[] = [];
  for (let c = 0; c < k; c++) {
    const from = offsets[c]!;
    const to = offsets[c + 1]!;
    const m = members.subarray(from, to);
    let core = 0;
    let approximate = 0;
    let sx = 0;
    let sy = 0;
    const memberIds: string[] = [];
    for (const i of m) {
      if (result.labels[i] === CORE) core++;
      sx += coords[2 * i]!;
      sy += coords[2 * i + 1]!;
      memberIds.push(info.ids[i]!);
      if (info.approximate?.[i]) approximate++;
    }
    const ring = convexHull(coords, m);
    const hull: GeoJSON.Polygon | null = ring ? { type: 'Polygon', coordinates: [ring] } : null;
    const areaKm2 = hull ? area(hull) / 1e6 : 0;
    out.push({
      id: c,
      stage,
      memberIds,
      core,
      edge: m.length - core,
      approximate,
      hull,
      areaKm2,
      density: areaKm2 > 0 ? m.length / areaKm2 : null,
      dominantSegment: mode(info.segments, members, from, to),
      county: mode(info.counties, members, from, to),
      zone: mode(info.zones, members, from, to),
      center: [sx / m.length, sy / m.length],
    });
  }
  return out;
}
