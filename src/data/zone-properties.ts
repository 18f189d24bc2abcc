/**
 * A zone's properties as files carry them (issue 7): the fixed ones the export writes for every zone
 * (contract.md's zone GeoJSON, read back by parse.ts), and the zone's other attributes (`Zone.extra`),
 * which the export writes after them, unchanged.
 */
import type { ExtraValue, Zone } from './types.ts';

/** The fixed zone properties, in the order the export writes them. */
export const ZONE_PROPERTIES = [
  'id',
  'name',
  'name_en',
  'level',
  'county',
  'precision',
  'source',
  'real_boundary',
] as const;

const FIXED: ReadonlySet<string> = new Set(ZONE_PROPERTIES);

export function isZoneProperty(key: string): boolean {
  return FIXED.has(key);
}

/** The fixed properties of a zone (null prototype; `name_en` only when set). */
export function zoneProperties(z: Zone): Record<string, ExtraValue> {
  const p: Record<string, ExtraValue> = Object.create(null);
  p.id = z.id;
  p.name = z.name;
  if (z.nameEn !== null) p.name_en = z.nameEn;
  p.level = z.level;
  p.county = z.county;
  p.precision = z.precision;
  p.source = z.source;
  p.real_boundary = z.realBoundary;
  return p;
}

/** `zone` with `extra` when it has any attribute (a zone without any carries none). */
export function withExtra(zone: Zone, extra: Record<string, ExtraValue>): Zone {
  return Object.keys(extra).length > 0 ? { ...zone, extra } : zone;
}
