/**
 * Reading record files: GeoJSON FeatureCollections of enterprises and of zones, and CSV (papaparse).
 * This is THE parser shared by the browser and the command-line scripts (analyze, geodata:check). Enterprise rows go through normalizeRow (normalize.ts),
 * whose rules are listed there; this module only adapts each container to rows, numbers them, and
 * rejects repeated ids. Never throws: a file-level problem is a rejection with row 0.
 */
import Papa from 'papaparse';
import { resolveCounty } from './counties.ts';
import type { Crs } from './crs.ts';
import { newExtra } from './extra.ts';
import { fieldOf, normalizeRow, type RowError, type RowWarning, text, toExtra } from './normalize.ts';
import {
  type Enterprise,
  type ExtraValue,
  PRECISIONS,
  type Precision,
  ZONE_LEVELS,
  type Zone,
} from './types.ts';
import { isZoneProperty, withExtra } from './zone-properties.ts';

export interface ParseResult<T> {
  records: T[];
  rejected: RowError[];
  warnings: RowWarning[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function featuresOf(json: unknown): { features: unknown[]; error?: string } {
  let j = json;
  if (typeof j === 'string') {
    try {
      j = JSON.parse(j);
    } catch (e) {
      return { features: [], error: `not valid JSON: ${(e as Error).message}` };
    }
  }
  if (!isObject(j) || j.type !== 'FeatureCollection' || !Array.isArray(j.features)) {
    return { features: [], error: 'not a GeoJSON FeatureCollection' };
  }
  return { features: j.features };
}

/** Read a Point geometry: coordinates, null (unlocated) or an error message. */
function pointOf(geometry: unknown): { coords: [number, number] | null } | { error: string } {
  if (geometry === null || geometry === undefined) return { coords: null };
  if (!isObject(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
    return {
      error: `geometry must be a Point or null, got ${isObject(geometry) ? String(geometry.type) : typeof geometry}`,
    };
  }
  const [x, y] = geometry.coordinates as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    return { error: 'geometry coordinates must be two numbers' };
  }
  return { coords: [x, y] };
}

function dedupe<T extends { id: string }>(rows: { row: number; record: T }[], rejected: RowError[]): T[] {
  const seen = new Map<string, number>();
  const out: T[] = [];
  for (const { row, record } of rows) {
    const first = seen.get(record.id);
    if (first !== undefined) {
      rejected.push({
        row,
        id: record.id,
        field: 'id',
        message: `row ${row}: duplicate id '${record.id}' (first used in row ${first})`,
      });
      continue;
    }
    seen.set(record.id, row);
    out.push(record);
  }
  return out;
}

export interface ParseOptions {
  crs?: Crs;
  defaultSource?: string;
  /** Rows read so far and rows in the file: at the start, every PROGRESS_EVERY rows, after the last. */
  onProgress?: (done: number, total: number) => void;
}

export const PROGRESS_EVERY = 1000;

function rowProgress(onProgress: ParseOptions['onProgress'], total: number): (done: number) => void {
  return (done) => {
    if (onProgress && (done % PROGRESS_EVERY === 0 || done === total)) onProgress(done, total);
  };
}

/**
 * Parse an enterprise FeatureCollection (object or JSON text). Rows are 1-based feature indices.
 * Never throws: a file-level problem is reported as a rejection with row 0.
 */
export function parseEnterprisesGeoJSON(json: unknown, options: ParseOptions = {}): ParseResult<Enterprise> {
  const { onProgress, ...rowOptions } = options;
  const { features, error } = featuresOf(json);
  const rejected: RowError[] = [];
  const warnings: RowWarning[] = [];
  if (error) return { records: [], rejected: [{ row: 0, message: error }], warnings };
  const ok: { row: number; record: Enterprise }[] = [];
  const progress = rowProgress(onProgress, features.length);
  features.forEach((f, i) => {
    progress(i);
    const row = i + 1;
    if (!isObject(f) || f.type !== 'Feature') {
      rejected.push({ row, message: `row ${row}: not a GeoJSON Feature` });
      return;
    }
    const props = isObject(f.properties) ? f.properties : {};
    const pt = pointOf(f.geometry);
    if ('error' in pt) {
      const id = text(props.id);
      rejected.push({
        row,
        ...(id ? { id } : {}),
        field: 'geometry',
        message: `row ${row}${id ? ` (id ${id})` : ''}: ${pt.error}`,
      });
      return;
    }
    const r = normalizeRow(props, row, { ...rowOptions, coordinates: pt.coords });
    warnings.push(...r.warnings);
    if (r.error) rejected.push(r.error);
    else if (r.record) ok.push({ row, record: r.record });
  });
  progress(features.length);
  return { records: dedupe(ok, rejected), rejected, warnings };
}

/**
 * Parse a CSV text (a leading BOM is ignored; first line = header). Used for round-trips of the CSV
 * export; the full import (column mapping, XLSX) builds on normalizeRow too. Fixed fields stay text;
 * extra values that look like plain numbers or true/false become numbers/booleans, empty cells null.
 */
export function parseEnterprisesCSV(csv: string, options: ParseOptions = {}): ParseResult<Enterprise> {
  const { onProgress, ...rowOptions } = options;
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rejected: RowError[] = [];
  const warnings: RowWarning[] = [];
  const [header, ...lines] = parsed.data;
  if (!header) return { records: [], rejected: [{ row: 0, message: 'empty CSV' }], warnings };
  const ok: { row: number; record: Enterprise }[] = [];
  const progress = rowProgress(onProgress, lines.length);
  lines.forEach((cells, i) => {
    progress(i);
    const row = i + 1;
    const obj: Record<string, unknown> = Object.create(null);
    header.forEach((col, c) => {
      const raw = cells[c] ?? '';
      obj[col] = fieldOf(col) ? raw : inferCell(raw);
    });
    const r = normalizeRow(obj, row, rowOptions);
    warnings.push(...r.warnings);
    if (r.error) rejected.push(r.error);
    else if (r.record) ok.push({ row, record: r.record });
  });
  progress(lines.length);
  return { records: dedupe(ok, rejected), rejected, warnings };
}

function inferCell(s: string): ExtraValue {
  if (s === '') return null;
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/.test(s) && String(Number(s)) === s) return Number(s);
  return s;
}

function zoneRow(
  f: unknown,
  row: number,
  options: { defaultSource?: string },
  warnings: RowWarning[],
): Zone | RowError {
  const props = isObject(f) && isObject(f.properties) ? f.properties : {};
  const id = text(props.id);
  const reject = (field: string | undefined, message: string): RowError => ({
    row,
    ...(id ? { id } : {}),
    ...(field ? { field } : {}),
    message: `row ${row}${id ? ` (id ${id})` : ''}: ${message}`,
  });
  if (!isObject(f) || f.type !== 'Feature') return reject(undefined, 'not a GeoJSON Feature');
  if (!id) return reject('id', 'id is missing');
  const name = text(props.name);
  if (!name) return reject('name', 'name is missing');
  const levelText = text(props.level);
  if (!levelText) return reject('level', `level is missing (expected one of ${ZONE_LEVELS.join(', ')})`);
  const level = levelText.toLowerCase();
  // `unknown`: an imported zone file or registry did not say (issue 7).
  if (!(ZONE_LEVELS as readonly string[]).includes(level) && level !== 'unknown') {
    return reject('level', `unknown level '${levelText}' (expected one of ${ZONE_LEVELS.join(', ')})`);
  }
  const countyText = text(props.county);
  const cm = countyText ? resolveCounty(countyText) : undefined;
  if (countyText && !cm)
    return reject('county', `county '${countyText}' is not one of Shangrao's 12 county-level units`);
  if (!cm)
    warnings.push({
      row,
      id,
      field: 'county',
      message: `row ${row} (id ${id}): county missing (an imported zone)`,
    });
  const g = f.geometry;
  // A zone known only by a registry's name (issue 7): no geometry, precision none.
  const nameOnly = g === null && text(props.precision) === 'none';
  if (
    !nameOnly &&
    (!isObject(g) ||
      !['Polygon', 'MultiPolygon', 'Point'].includes(String(g.type)) ||
      !Array.isArray(g.coordinates))
  ) {
    return reject('geometry', 'geometry must be a Polygon, MultiPolygon or Point');
  }
  const rb = props.real_boundary;
  const realBoundary = rb === true || rb === 'true' || rb === 1 || rb === '1';
  if (realBoundary && (nameOnly || (g as { type: unknown }).type === 'Point'))
    return reject('real_boundary', 'real_boundary is true but the geometry is a Point');
  let precision: Precision;
  const precText = text(props.precision);
  if (nameOnly) precision = 'none';
  else if (precText) {
    const p = precText.toLowerCase();
    if (!(PRECISIONS as readonly string[]).includes(p) || p === 'none') {
      return reject(
        'precision',
        `invalid precision '${precText}' for a zone (expected one of ${PRECISIONS.filter((x) => x !== 'none').join(', ')})`,
      );
    }
    precision = p as Precision;
  } else {
    precision = realBoundary ? 'exact' : 'county';
    if (!realBoundary) {
      warnings.push({
        row,
        id,
        field: 'precision',
        message: `row ${row} (id ${id}): precision missing, read as 'county'`,
      });
    }
  }
  const source = text(props.source) ?? options.defaultSource ?? null;
  if (!source) return reject('source', 'source is missing (who says so?)');
  const extra = newExtra();
  for (const [k, v] of Object.entries(props)) if (!isZoneProperty(k)) extra[k] = toExtra(v);
  return withExtra(
    {
      id,
      name,
      nameEn: text(props.name_en),
      level: level as Zone['level'],
      county: cm?.adcode ?? '',
      geometry: g as unknown as Zone['geometry'],
      precision,
      source,
      realBoundary,
    },
    extra,
  );
}

/**
 * Parse a zone FeatureCollection: properties id, name, name_en, level, county, precision, source,
 * real_boundary (boolean; missing ⇒ false); geometry Polygon/MultiPolygon/Point (required). A missing
 * precision reads as `exact` for a real boundary and `county` otherwise (the conservative choice, warned).
 * A real_boundary on a Point is rejected. Every other property is kept on the zone (`extra`, issue 7).
 */
export function parseZonesGeoJSON(
  json: unknown,
  options: { defaultSource?: string } = {},
): ParseResult<Zone> {
  const { features, error } = featuresOf(json);
  const rejected: RowError[] = [];
  const warnings: RowWarning[] = [];
  if (error) return { records: [], rejected: [{ row: 0, message: error }], warnings };
  const ok: { row: number; record: Zone }[] = [];
  for (const [i, f] of features.entries()) {
    const row = i + 1;
    const r = zoneRow(f, row, options, warnings);
    if ('message' in r) rejected.push(r);
    else ok.push({ row, record: r });
  }
  return { records: dedupe(ok, rejected), rejected, warnings };
}
