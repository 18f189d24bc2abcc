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
): { enterprises: Enterprise[]; zones: Zone[]; renamed: Map<string, string> } {
  const newById = new Map(newZones.map((z) => [z.id, z]));
  const byName = new Map<string, string>();
  for (const z of newZones) {
    if (!byName.has(zoneNameKey(z.name))) byName.set(zoneNameKey(z.name), z.id);
    if (z.nameEn && !byName.has(zoneNameKey(z.nameEn))) byName.set(zoneNameKey(z.nameEn), z.id);
  }
  const oldById = new Map(oldZones.map((z) => [z.id, z]));
  const carried = new Map<string, Zone>();
  /** Old zone id → the id its firms now carry (where it changed): what a zone filter must follow. */
  const renamed = new Map<string, string>();
  const taken = new Set(newById.keys());
  const moveTo = (e: Enterprise, id: string): Enterprise => {
    if (id !== e.zone) renamed.set(e.zone!, id);
    return id === e.zone ? e : { ...e, zone: id };
  };
  const out = enterprises.map((e) => {
    if (!e.zone) return e;
    const old = oldById.get(e.zone);
    // The same id is the same zone only when it names the same zone: both files may have generated
    // their ids (zone-1, zone-2…) for different zones.
    const same = newById.get(e.zone);
    if (same && (!old || zoneNameKey(old.name) === zoneNameKey(same.name))) return e;
    const name = old?.name ?? e.zone;
    const match = byName.get(zoneNameKey(name));
    if (match) return moveTo(e, match);
    const known = renamed.get(e.zone);
    if (known) return moveTo(e, known);
    // A zone of its own without geometry, under its old id unless the new zones now use that id.
    let id = e.zone;
    for (let k = 2; taken.has(id); k++) id = `${e.zone}~${k}`;
    taken.add(id);
    carried.set(id, {
      id,
      name,
      nameEn: old?.nameEn ?? null,
      level: old?.level ?? 'unknown',
      county: old?.county ?? e.county ?? '',
      geometry: null,
      precision: 'none',
      source: old?.source ?? e.source,
      realBoundary: false,
      ...(old?.extra ? { extra: old.extra } : {}),
    });
    return moveTo(e, id);
  });
  return { enterprises: out, zones: [...newZones, ...carried.values()], renamed };
}
