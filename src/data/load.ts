/**
 * Fetch and parse the data files a deployment names (relative URLs on the app's own origin).
 * Never throws for bad rows: they come back as `rejected`, each naming the row and field.
 */
import type { RowError } from './normalize.ts';
import { parseEnterprisesGeoJSON, parseZonesGeoJSON } from './parse.ts';
import type { Enterprise, Zone } from './types.ts';

export interface LoadedData {
  enterprises: Enterprise[];
  zones: Zone[];
  counties: GeoJSON.FeatureCollection;
  prefecture: GeoJSON.FeatureCollection;
  rejected: { file: string; errors: RowError[] }[];
  /** True while any shown record comes from the synthetic sample generator. */
  sample: boolean;
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

export function isSyntheticSource(source: string): boolean {
  return /synthetic sample|示例数据/i.test(source);
}

export async function loadData(urls: {
  enterprises: string;
  zones: string;
  base: string;
}): Promise<LoadedData> {
  const [ent, zon, counties, prefecture] = await Promise.all([
    getJson(urls.enterprises),
    getJson(urls.zones),
    getJson(`${urls.base}counties.geojson`),
    getJson(`${urls.base}shangrao-prefecture.geojson`),
  ]);
  const e = parseEnterprisesGeoJSON(ent);
  const z = parseZonesGeoJSON(zon);
  const rejected = [
    ...(e.rejected.length ? [{ file: urls.enterprises, errors: e.rejected }] : []),
    ...(z.rejected.length ? [{ file: urls.zones, errors: z.rejected }] : []),
  ];
  return {
    enterprises: e.records,
    zones: z.records,
    counties: counties as GeoJSON.FeatureCollection,
    prefecture: prefecture as GeoJSON.FeatureCollection,
    rejected,
    sample: e.records.some((r) => isSyntheticSource(r.source)),
  };
}
