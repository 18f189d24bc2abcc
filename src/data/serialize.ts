/**
 * Serialising records for export (contract.md, export format) and for the committed data files:
 * enterprises as GeoJSON and CSV (UTF-8 with BOM), zones as GeoJSON, and a diff-friendly GeoJSON text.
 * Everything written here reads back unchanged through parse.ts.
 */
import Papa from 'papaparse';
import { neutraliseFormula } from './formula.ts';
import type { Enterprise, ExtraValue, Zone } from './types.ts';
import { zoneProperties } from './zone-properties.ts';

/** Fixed export columns, in order (contract.md, export format). */
export const ENTERPRISE_FIELDS = [
  'id',
  'name',
  'stage',
  'segment',
  'county',
  'zone',
  'precision',
  'source',
] as const;
/** The resolved zone of a record: its own zone id, else the one containment assigned. */
function zoneOf(e: Enterprise, resolvedZones?: Record<string, string>): string | null {
  return e.zone ?? resolvedZones?.[e.id] ?? null;
}

function exportProperties(e: Enterprise, resolvedZones?: Record<string, string>): Record<string, ExtraValue> {
  // Null prototype: an extra column called `constructor` or `__proto__` is a plain key (issue 7).
  const p: Record<string, ExtraValue> = Object.assign(Object.create(null), {
    id: e.id,
    name: e.name,
    stage: e.stage,
    segment: e.segment,
    county: e.county,
    zone: zoneOf(e, resolvedZones),
    precision: e.precision,
    source: e.source,
  });
  if (e.nameEn !== null) p.name_en = e.nameEn;
  for (const [k, v] of Object.entries(e.extra)) if (!Object.hasOwn(p, k)) p[k] = v;
  return p;
}

export function enterpriseToFeature(
  e: Enterprise,
  resolvedZones?: Record<string, string>,
): GeoJSON.Feature<GeoJSON.Point | null> {
  return {
    type: 'Feature',
    properties: exportProperties(e, resolvedZones),
    geometry: e.lon !== null && e.lat !== null ? { type: 'Point', coordinates: [e.lon, e.lat] } : null,
  };
}

/**
 * The export format of contract.md: WGS84 points (geometry null when unlocated), properties
 * id, name, stage, segment, county, zone, precision, source, then name_en when set, then every extra
 * column unchanged. `resolvedZones` (enterprise id → zone id) fills `zone` where the record has none.
 */
export function enterprisesToGeoJSON(
  records: readonly Enterprise[],
  resolvedZones?: Record<string, string>,
): GeoJSON.FeatureCollection<GeoJSON.Point | null> {
  return { type: 'FeatureCollection', features: records.map((e) => enterpriseToFeature(e, resolvedZones)) };
}

/**
 * The same table as CSV: UTF-8 with BOM, columns id,name,stage,segment,county,zone,precision,source,
 * longitude,latitude, then name_en (when any record has one), then every extra column in order of first
 * appearance. Empty cell = null.
 */
export function enterprisesToCSV(
  records: readonly Enterprise[],
  resolvedZones?: Record<string, string>,
): string {
  const fixed: string[] = [...ENTERPRISE_FIELDS, 'longitude', 'latitude'];
  const columns = [...fixed];
  const seen = new Set(columns);
  if (records.some((e) => e.nameEn !== null)) {
    columns.push('name_en');
    seen.add('name_en');
  }
  for (const e of records) {
    for (const k of Object.keys(e.extra)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
  }
  const data = records.map((e) => {
    const p = exportProperties(e, resolvedZones);
    p.longitude = e.lon;
    p.latitude = e.lat;
    return columns.map((c) => {
      const v = p[c];
      return v === null || v === undefined ? '' : typeof v === 'string' ? neutraliseFormula(v) : v;
    });
  });
  return `\uFEFF${Papa.unparse({ fields: columns.map(neutraliseFormula), data }, { newline: '\r\n' })}\r\n`;
}

/**
 * A zone as a Feature: the fixed properties (zone-properties.ts), then every other attribute of the
 * zone's file unchanged (issue 7; null prototype: `constructor` or `__proto__` is a plain key).
 */
export function zoneToFeature(z: Zone): GeoJSON.Feature<Zone['geometry']> {
  const properties = zoneProperties(z);
  for (const [k, v] of Object.entries(z.extra ?? {})) if (!Object.hasOwn(properties, k)) properties[k] = v;
  return { type: 'Feature', properties, geometry: z.geometry };
}

export function zonesToGeoJSON(zones: readonly Zone[]): GeoJSON.FeatureCollection<Zone['geometry']> {
  return { type: 'FeatureCollection', features: zones.map(zoneToFeature) };
}

/**
 * Compact GeoJSON text with one feature per line (diff-friendly). Foreign members of `fc` other than
 * type/features (e.g. `metadata`) are written first.
 */
export function featureCollectionToText(
  fc: { type: 'FeatureCollection'; features: readonly unknown[] } & Record<string, unknown>,
): string {
  const head: Record<string, unknown> = { type: 'FeatureCollection' };
  for (const [k, v] of Object.entries(fc)) if (k !== 'type' && k !== 'features') head[k] = v;
  const headText = JSON.stringify(head).slice(0, -1);
  if (fc.features.length === 0) return `${headText},"features":[]}\n`;
  return `${headText},"features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
