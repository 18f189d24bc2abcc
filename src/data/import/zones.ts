/**
 * Development-zone boundary files → zones (issue 7): GeoJSON, KML and KMZ (as Google Earth and 奥维互动地图
 * export them; @tmcw/togeojson on an XML DOM from @xmldom/xmldom, so it runs in the worker and in Node,
 * KMZ unzipped with fflate) and zipped Shapefiles (shpjs: the .dbf read in the encoding its .cpg names,
 * the .prj reprojected). Coordinates converted to WGS84 from the chosen system. A name/level/county
 * mapping step as for registries; a feature without a name or a usable geometry is rejected, listed.
 * Every other attribute of the file is kept on the zone (`extra`), unchanged, whatever its name.
 */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { resolveCounty } from '../counties.ts';
import { type Crs, toWGS84 } from '../crs.ts';
import { newExtra, setOwn } from '../extra.ts';
import type { ExtraValue, Zone } from '../types.ts';
import { isZoneProperty, withExtra, zoneProperties } from '../zone-properties.ts';
import { restoreDbfFields } from './dbf-fields.ts';
import { AS_IN_SOURCE, IssueLog } from './enterprises.ts';
import type { ImportReport } from './report.ts';
import { type Cell, featuresOf, featuresTable, type Table } from './table.ts';
import { parseZoneLevelWord, type ZoneField } from './vocabulary.ts';

export interface ZoneImportOptions {
  file: string;
  crs?: Crs;
  source?: string;
}

function decodeUtf8(b: Uint8Array): string {
  return new TextDecoder().decode(b).replace(/^\uFEFF/, '');
}

/**
 * KML text → GeoJSON features. togeojson assigns ExtendedData to a plain object, where a Data named
 * `__proto__` sets nothing: such values are put back as own keys (one feature per Placemark, in order).
 */
export function kmlFeatures(text: string): unknown[] {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  const features = kml(doc as unknown as Document).features;
  const placemarks = Array.from(doc.getElementsByTagName('Placemark'));
  if (placemarks.length !== features.length) return features;
  placemarks.forEach((pm, i) => {
    const data = [
      ...Array.from(pm.getElementsByTagName('Data')),
      ...Array.from(pm.getElementsByTagName('SimpleData')),
    ];
    for (const d of data) {
      if (d.getAttribute('name') !== '__proto__') continue;
      const v = d.tagName === 'Data' ? d.getElementsByTagName('value')[0]?.textContent : d.textContent;
      const f = features[i]!;
      f.properties ??= {};
      setOwn(f.properties, '__proto__', v?.trim() ?? '');
    }
  });
  return features;
}

/** The features of a zone file (GeoJSON, KML, KMZ or zipped Shapefile) as a table with geometries. */
export async function readZoneTable(
  format: 'geojson' | 'kml' | 'kmz' | 'shapefile',
  bytes: Uint8Array,
): Promise<Table> {
  if (format === 'geojson') return featuresTable(featuresOf(decodeUtf8(bytes)));
  if (format === 'kml') return featuresTable(kmlFeatures(decodeUtf8(bytes)));
  if (format === 'kmz') {
    const files = unzipSync(bytes);
    const entry = Object.keys(files).find((k) => /\.kml$/i.test(k) && !k.startsWith('__MACOSX'));
    if (!entry) throw new Error('the KMZ holds no .kml file');
    return featuresTable(kmlFeatures(decodeUtf8(files[entry]!)));
  }
  // shpjs's own unzip loops for ever on a truncated archive: fflate refuses a broken one first.
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new Error('the file is not a readable zip archive (damaged or incomplete)');
  }
  const g = globalThis as { self?: unknown };
  g.self ??= globalThis; // shpjs is written for browsers
  const { parseZip } = await import('shpjs');
  const out = (await parseZip(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  )) as GeoJSON.FeatureCollection | GeoJSON.FeatureCollection[];
  const collections = Array.isArray(out) ? out : [out];
  return featuresTable(
    restoreDbfFields(
      collections.flatMap((c) => c.features),
      files,
    ),
  );
}

type Polygonal = GeoJSON.Polygon | GeoJSON.MultiPolygon | GeoJSON.Point;

function mapPositions(g: Polygonal, f: (p: GeoJSON.Position) => GeoJSON.Position): Polygonal {
  if (g.type === 'Point') return { type: 'Point', coordinates: f(g.coordinates) };
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
}

/** A usable zone geometry (a GeometryCollection of polygons, as KML MultiGeometry gives, is merged). */
function zoneGeometry(g: unknown): Polygonal | null {
  if (typeof g !== 'object' || g === null) return null;
  const o = g as { type?: string; coordinates?: unknown; geometries?: unknown[] };
  if (
    (o.type === 'Polygon' || o.type === 'MultiPolygon' || o.type === 'Point') &&
    Array.isArray(o.coordinates)
  )
    return { type: o.type, coordinates: o.coordinates } as Polygonal;
  if (o.type === 'GeometryCollection' && Array.isArray(o.geometries)) {
    const polys: GeoJSON.Position[][][] = [];
    for (const part of o.geometries.map(zoneGeometry)) {
      if (part?.type === 'Polygon') polys.push(part.coordinates);
      else if (part?.type === 'MultiPolygon') polys.push(...part.coordinates);
    }
    if (polys.length === 1) return { type: 'Polygon', coordinates: polys[0]! };
    if (polys.length > 1) return { type: 'MultiPolygon', coordinates: polys };
  }
  return null;
}

function cellText(v: Cell | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** A file's value `a` says what the zone's `b` says (or nothing). */
function same(a: ExtraValue, b: ExtraValue): boolean {
  return a === null || a === b || (b !== null && String(a) === String(b));
}

/**
 * The zones with every attribute of their file that the mapping did not read, unchanged (issue 7), each
 * column on every zone (empty: null), as enterprises keep theirs. A column named like a property the export
 * writes (zone-properties.ts) is either that property read back (on every zone the same value or empty:
 * not kept twice, so an export imports back to the same zones) or something else the file said under that
 * name: kept as `<name>_as_in_source`, so the export's own property does not hide it.
 */
function withAttributes(
  built: readonly { zone: Zone; cells: readonly Cell[] }[],
  columns: readonly string[],
  extraCols: readonly number[],
): Zone[] {
  const fixed = built.map((b) => zoneProperties(b.zone));
  const keys = new Map<number, string>();
  for (const i of extraCols) {
    const name = columns[i]!;
    if (!isZoneProperty(name)) keys.set(i, name);
    else if (built.some((b, k) => !same(b.cells[i] ?? null, fixed[k]![name] ?? null)))
      keys.set(i, AS_IN_SOURCE(name));
  }
  return built.map(({ zone, cells }) => {
    const extra = newExtra();
    for (const [i, key] of keys) extra[key] = cells[i] ?? null;
    return withExtra(zone, extra);
  });
}

export function importZones(
  table: Table,
  mapping: readonly (ZoneField | '')[],
  options: ZoneImportOptions,
): { zones: Zone[]; report: ImportReport } {
  const log = new IssueLog();
  const col = new Map<ZoneField, number>();
  mapping.forEach((f, i) => {
    if (f && !col.has(f)) col.set(f, i);
  });
  const header = (f: ZoneField) => {
    const i = col.get(f);
    return i === undefined ? f : table.columns[i]!;
  };
  const extraCols: number[] = [];
  table.columns.forEach((_, i) => {
    const f = mapping[i];
    if (!f || col.get(f) !== i) extraCols.push(i);
  });
  const crs = options.crs ?? 'wgs84';
  const built: { zone: Zone; cells: readonly Cell[] }[] = [];
  const ids = new Set<string>();
  table.rows.forEach((cells, r) => {
    const row = table.rowNumbers[r]!;
    const get = (f: ZoneField) => {
      const i = col.get(f);
      return i === undefined ? null : cellText(cells[i]);
    };
    const name = get('name');
    if (!name) {
      log.add('rejected', row, 'name-missing', {}, header('name'));
      return;
    }
    const raw = table.geometries?.[r];
    const g = zoneGeometry(raw);
    if (!g) {
      const type =
        typeof raw === 'object' && raw !== null ? String((raw as { type?: unknown }).type) : String(raw);
      log.add('rejected', row, 'zone-geometry', { type }, undefined, name);
      return;
    }
    const geometry = crs === 'wgs84' ? g : mapPositions(g, ([x, y]) => toWGS84(x!, y!, crs));
    let id = get('id') ?? `zone-${row}`;
    while (ids.has(id)) id = `${id}~${row}`;
    ids.add(id);
    const levelText = get('level');
    const level = levelText ? parseZoneLevelWord(levelText) : undefined;
    if (levelText && !level)
      log.add('warning', row, 'level-unknown', { value: levelText }, header('level'), name);
    const countyText = get('county');
    const county = countyText ? resolveCounty(countyText) : undefined;
    if (countyText && !county)
      log.add('warning', row, 'county-unknown', { value: countyText }, header('county'), name);
    if (county?.aliasOf)
      log.add(
        'warning',
        row,
        'county-former',
        { value: countyText!, adcode: county.adcode },
        header('county'),
        name,
      );
    const polygon = geometry.type !== 'Point';
    const zone: Zone = {
      id,
      name,
      nameEn: get('name_en'),
      level: level ?? 'unknown',
      county: county?.adcode ?? '',
      geometry,
      precision: polygon ? 'exact' : 'zone',
      source: get('source') ?? options.source ?? `import: ${options.file}`,
      realBoundary: polygon,
    };
    built.push({ zone, cells });
  });
  const zones = withAttributes(built, table.columns, extraCols);
  return {
    zones,
    report: {
      kind: 'zones',
      file: options.file,
      format: table.format,
      rows: table.rows.length,
      accepted: zones.length,
      unlocated: 0,
      rejected: log.count('rejected'),
      warnings: log.count('warning'),
      issues: log.issues,
    },
  };
}
