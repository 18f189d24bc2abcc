import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Zone } from '../data/types.ts';
import { CONTAINMENT_PRECISIONS } from './thresholds.ts';
import type { AnalysisRecord } from './types.ts';

export interface ZoneResolution {
  /** Zone of each record: its own zone id, else the zone whose real boundary contains it, else null. */
  zoneOf: (string | null)[];
  /** 1 where zoneOf came from containment (the record itself has no zone id). */
  byContainment: Uint8Array;
}

/**
 * Zone membership of records: the record's `zone` id when it has one; otherwise, for a located
 * record whose precision is fine enough (thresholds.ts CONTAINMENT_PRECISIONS; none given = exact), the
 * first zone (in `zones` order) with `realBoundary` and a Polygon/MultiPolygon geometry
 * that contains the point (`@turf/boolean-point-in-polygon`, boundary counts as inside), with a
 * bounding-box pre-check. Zones without a real boundary never assign members. O(records × zones).
 */
export function resolveZones(records: readonly AnalysisRecord[], zones: readonly Zone[]): ZoneResolution {
  const areas: { id: string; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon; box: number[] }[] = [];
  for (const z of zones) {
    if (!z.realBoundary || !z.geometry || z.geometry.type === 'Point') continue;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    const rings = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
    for (const poly of rings)
      for (const ring of poly)
        for (const [x, y] of ring) {
          if (x! < box[0]!) box[0] = x!;
          if (y! < box[1]!) box[1] = y!;
          if (x! > box[2]!) box[2] = x!;
          if (y! > box[3]!) box[3] = y!;
        }
    areas.push({ id: z.id, geometry: z.geometry, box });
  }
  const zoneOf: (string | null)[] = new Array(records.length).fill(null);
  const byContainment = new Uint8Array(records.length);
  records.forEach((r, i) => {
    if (r.zone) {
      zoneOf[i] = r.zone;
      return;
    }
    if (r.lon === null || r.lat === null) return;
    if (r.precision !== undefined && !CONTAINMENT_PRECISIONS.has(r.precision)) return;
    for (const a of areas) {
      const [w, s, e, nn] = a.box as [number, number, number, number];
      if (r.lon < w || r.lon > e || r.lat < s || r.lat > nn) continue;
      if (booleanPointInPolygon([r.lon, r.lat], a.geometry)) {
        zoneOf[i] = a.id;
        byContainment[i] = 1;
        return;
      }
    }
  });
  return { zoneOf, byContainment };
}
