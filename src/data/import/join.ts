/**
 * Zones replaced under kept enterprises (issue 7, domain.md): a zone file replaces the zones; each
 * enterprise's zone is then found again in the new zones, by id, else by the old zone's name (trimmed,
 * full-width/half-width normalised); a zone that matches none stays as a zone of its own without
 * geometry (precision none), so completeness by zone still works and no membership is lost.
 */
import type { Enterprise, Zone } from '../types.ts';
import { zoneNameKey } from './vocabulary.ts';

export function rejoinZones(
  enterprises: readonly Enterprise[],
  oldZones: readonly Zone[],
  newZones: readonly Zone[],
): { enterprises: Enterprise[]; zones: Zone[] } {
  const newIds = new Set(newZones.map((z) => z.id));
  const byName = new Map<string, string>();
  for (const z of newZones) {
    if (!byName.has(zoneNameKey(z.name))) byName.set(zoneNameKey(z.name), z.id);
    if (z.nameEn && !byName.has(zoneNameKey(z.nameEn))) byName.set(zoneNameKey(z.nameEn), z.id);
  }
  const oldById = new Map(oldZones.map((z) => [z.id, z]));
  const carried = new Map<string, Zone>();
  const out = enterprises.map((e) => {
    if (!e.zone || newIds.has(e.zone)) return e;
    const old = oldById.get(e.zone);
    const name = old?.name ?? e.zone;
    const match = byName.get(zoneNameKey(name));
    if (match) return { ...e, zone: match };
    if (!carried.has(e.zone)) {
      carried.set(e.zone, {
        id: e.zone,
        name,
        nameEn: old?.nameEn ?? null,
        level: old?.level ?? 'unknown',
        county: old?.county ?? e.county ?? '',
        geometry: null,
        precision: 'none',
        source: old?.source ?? e.source,
        realBoundary: false,
      });
    }
    return e;
  });
  return { enterprises: out, zones: [...newZones, ...carried.values()] };
}
