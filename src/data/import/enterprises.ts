/**
 * A registry table → enterprises (issue 7; domain.md "Records that come from a file"). The mapping step
 * says which column holds which field; every other column is kept on the record unchanged, whatever its
 * name (`extra` has nothing in its prototype chain, extra.ts: `constructor` and `__proto__` are plain keys). Rules:
 * - REJECTED (listed with row number, column, reason): no name; coordinates present but unreadable,
 *   out of range (with a hint when longitude and latitude look swapped) or only one of the two; an
 *   unknown coordinate system in the row's crs column; a GeoJSON geometry that is not a Point.
 * - kept as UNLOCATED (listed): no coordinates.
 * - kept with a WARNING: far outside Shangrao; duplicate credit code, name or id (a repeated id gets
 *   `id~row`); unknown stage, segment, county or precision (the value kept in `<field>_as_in_source`);
 *   a segment of another stage; a former county name (上饶县 → 广信区 361104); a zone name that matches
 *   no loaded zone (it becomes a zone of its own without geometry).
 * - precision: the column, else the file's choice, else `street` for a located row; `none` unlocated.
 * - coordinates: the row's crs/坐标系 column, else the file's system; converted to WGS84 (gcoord).
 */
import { resolveCounty } from '../counties.ts';
import { type Crs, parseCrsName, toWGS84 } from '../crs.ts';
import { newExtra } from '../extra.ts';
import { restoreFormulaText } from '../formula.ts';
import {
  type Enterprise,
  type Precision,
  SEGMENT_STAGE,
  type Segment,
  type Stage,
  type Zone,
} from '../types.ts';
import { farOutsideShangrao, looksSwapped, parseCoordinate } from './coordinates.ts';
import type { ImportIssue, ImportReport, IssueCode } from './report.ts';
import type { Cell, Table } from './table.ts';
import {
  type ImportField,
  parsePrecisionWord,
  parseSegmentWord,
  parseStageWord,
  zoneNameKey,
} from './vocabulary.ts';

export interface EnterpriseImportOptions {
  file: string;
  /** The coordinate system of the file (select[data-import-crs]). */
  crs?: Crs;
  /** Precision of every located row without a precision column value (default street). */
  precision?: Precision;
  /** Source of rows without a source value (default `import: <file>`). */
  source?: string;
  /** The zones the registry's zone column is joined to (by id, then by name). */
  zones?: readonly Zone[];
  onProgress?: (done: number, total: number) => void;
}

export interface EnterpriseImport {
  records: Enterprise[];
  /** `zones` given, plus one zone without geometry per unmatched zone name. */
  zones: Zone[];
  report: ImportReport;
}

export const AS_IN_SOURCE = (field: string) => `${field}_as_in_source`;

function cellText(v: Cell | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

const MESSAGES: Record<IssueCode, (p: Record<string, string | number>) => string> = {
  file: (p) => `${p.msg}`,
  'name-missing': () => 'name is missing',
  'coord-unreadable': (p) => `${p.field} '${p.value}' is not a readable coordinate`,
  'coord-range': (p) =>
    `${p.field} ${p.value} is out of range${p.swapped ? ' (longitude and latitude look swapped)' : ''}`,
  'coord-half': (p) => `${p.missing} is missing while ${p.given} is given`,
  swapped: () => 'longitude and latitude look swapped',
  geometry: (p) => `geometry must be a Point or null, got ${p.type}`,
  'crs-unknown': (p) =>
    `unknown coordinate system '${p.value}' (WGS84, CGCS2000, GCJ-02/高德/腾讯, BD-09/百度)`,
  unlocated: () => 'no coordinates: kept as unlocated',
  far: (p) =>
    `point ${p.lon}, ${p.lat} is far outside Shangrao${p.swapped ? ' (longitude and latitude look swapped)' : ''}`,
  'duplicate-id': (p) => `id '${p.value}' already used in row ${p.first}: read as '${p.id}'`,
  'duplicate-credit-code': (p) => `credit code '${p.value}' already used in row ${p.first}`,
  'duplicate-name': (p) => `name '${p.value}' already used in row ${p.first}`,
  'stage-unknown': (p) => `unknown stage '${p.value}': read as '${p.stage}'`,
  'segment-unknown': (p) => `unknown segment '${p.value}': kept, no segment`,
  'segment-stage': (p) =>
    `segment '${p.value}' belongs to ${p.segmentStage}, not ${p.stage}: kept, no segment`,
  'county-unknown': (p) =>
    `county '${p.value}' is not one of Shangrao's 12 county-level units: kept, no county`,
  'county-former': (p) => `county '${p.value}' is a former name or code: read as ${p.adcode}`,
  'precision-unknown': (p) => `unknown precision '${p.value}': read as '${p.precision}'`,
  'precision-none-located': (p) => `precision 'none' on a located row: read as '${p.precision}'`,
  'zone-new': (p) => `zone '${p.value}' matches no loaded zone: a zone of its own without boundary`,
  'level-unknown': (p) => `zone level '${p.value}' not recognised: kept as not stated`,
  'zone-geometry': (p) => `geometry must be a Polygon, MultiPolygon or Point, got ${p.type}`,
};

export function issueMessage(code: IssueCode, params: Record<string, string | number>): string {
  return MESSAGES[code](params);
}

/** Collects a file's issues, counting as it goes. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];
  add(
    kind: ImportIssue['kind'],
    row: number,
    code: IssueCode,
    params: Record<string, string | number> = {},
    column?: string,
    name?: string | null,
  ): void {
    this.issues.push({
      kind,
      row,
      code,
      params,
      message: `row ${row}: ${issueMessage(code, params)}`,
      ...(column !== undefined ? { column } : {}),
      ...(name ? { name } : {}),
    });
  }
  count(kind: ImportIssue['kind']): number {
    let n = 0;
    for (const i of this.issues) if (i.kind === kind) n++;
    return n;
  }
}

/** `f` remembered per distinct input. */
function memo<T>(f: (s: string) => T): (s: string) => T {
  const m = new Map<string, T>();
  return (s) => {
    if (m.has(s)) return m.get(s) as T;
    const v = f(s);
    m.set(s, v);
    return v;
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function importEnterprises(
  table: Table,
  mapping: readonly (ImportField | '')[],
  options: EnterpriseImportOptions,
): EnterpriseImport {
  const log = new IssueLog();
  const col = new Map<ImportField, number>();
  mapping.forEach((f, i) => {
    if (f && !col.has(f)) col.set(f, i);
  });
  const header = (f: ImportField) => {
    const i = col.get(f);
    return i === undefined ? f : table.columns[i]!;
  };
  const extraCols: number[] = [];
  mapping.forEach((f, i) => {
    if (!f || f === 'credit_code' || col.get(f) !== i) extraCols.push(i);
  });
  for (let i = mapping.length; i < table.columns.length; i++) extraCols.push(i);
  const restore = table.format === 'csv';

  const zones = [...(options.zones ?? [])];
  const zoneIds = new Set(zones.map((z) => z.id));
  const zoneByName = new Map<string, string>();
  for (const z of zones) {
    zoneByName.set(zoneNameKey(z.name), z.id);
    if (z.nameEn) zoneByName.set(zoneNameKey(z.nameEn), z.id);
  }
  const defaultSource = options.source ?? `import: ${options.file}`;
  const records: Enterprise[] = [];
  const ids = new Map<string, number>();
  const credit = new Map<string, number>();
  const names = new Map<string, number>();
  const total = table.rows.length;

  // Per-row state read by helpers made once (not a closure per row: 100,000 rows, benchmark).
  let cells: Cell[] = [];
  let row = 0;
  let name: string | null = null;
  const raw = (f: ImportField): Cell | undefined => {
    const i = col.get(f);
    if (i === undefined) return undefined;
    const v = cells[i];
    return restore && typeof v === 'string' ? restoreFormulaText(v) : v;
  };
  const get = (f: ImportField) => cellText(raw(f));
  const reject = (code: IssueCode, params: Record<string, string | number>, field?: ImportField) =>
    log.add('rejected', row, code, params, field ? header(field) : undefined, name);
  const warn = (code: IssueCode, params: Record<string, string | number>, field?: ImportField) =>
    log.add('warning', row, code, params, field ? header(field) : undefined, name);
  // Values repeat (stages, segments, counties): each distinct text is read once.
  const stages = memo(parseStageWord);
  const segments = memo(parseSegmentWord);
  const counties = memo(resolveCounty);
  const crsNames = memo(parseCrsName);

  for (let r = 0; r < total; r++) {
    if (options.onProgress && r % 1000 === 0) options.onProgress(r, total);
    cells = table.rows[r]!;
    row = table.rowNumbers[r]!;
    name = get('name');

    if (!name) {
      reject('name-missing', {}, 'name');
      continue;
    }
    const extra = newExtra();
    for (const i of extraCols) {
      const v = cells[i];
      extra[table.columns[i]!] =
        v === undefined ? null : restore && typeof v === 'string' ? restoreFormulaText(v) : v;
    }

    // Coordinates: a GeoJSON geometry, else the columns.
    let lon: number | null = null;
    let lat: number | null = null;
    const geometry = table.geometries?.[r];
    let coordsFromColumns = true;
    if (table.geometries && geometry !== undefined) {
      coordsFromColumns = false;
      if (geometry !== null) {
        const c =
          isObject(geometry) && geometry.type === 'Point' && Array.isArray(geometry.coordinates)
            ? (geometry.coordinates as unknown[])
            : null;
        if (!c || typeof c[0] !== 'number' || typeof c[1] !== 'number') {
          reject('geometry', { type: isObject(geometry) ? String(geometry.type) : typeof geometry });
          continue;
        }
        [lon, lat] = [c[0], c[1]];
      }
    }
    let lonCell: Cell | undefined;
    let latCell: Cell | undefined;
    let lonField: ImportField = 'longitude';
    let latField: ImportField = 'latitude';
    if (coordsFromColumns) {
      lonCell = raw('longitude');
      latCell = raw('latitude');
      const pair = get('lonlat');
      if (cellText(lonCell ?? null) === null && cellText(latCell ?? null) === null && pair) {
        const parts = pair.split(/\s*[,，;；]\s*|\s+/);
        lonCell = parts[0] ?? null;
        latCell = parts[1] ?? null;
        lonField = latField = 'lonlat';
      }
      const hasLon = cellText(lonCell ?? null) !== null;
      const hasLat = cellText(latCell ?? null) !== null;
      if (hasLon !== hasLat) {
        reject(
          'coord-half',
          { missing: hasLon ? 'latitude' : 'longitude', given: hasLon ? 'longitude' : 'latitude' },
          hasLon ? latField : lonField,
        );
        continue;
      }
      if (hasLon) {
        const x = parseCoordinate(lonCell, 'lon');
        const y = parseCoordinate(latCell, 'lat');
        if (x === undefined) {
          reject('coord-unreadable', { field: 'longitude', value: String(lonCell) }, lonField);
          continue;
        }
        if (y === undefined) {
          reject('coord-unreadable', { field: 'latitude', value: String(latCell) }, latField);
          continue;
        }
        lon = x;
        lat = y;
      }
    }
    if (lon !== null && lat !== null) {
      const badLon = !(lon >= -180 && lon <= 180);
      const badLat = !(lat >= -90 && lat <= 90);
      if (badLon || badLat) {
        reject(
          'coord-range',
          {
            field: badLon ? 'longitude' : 'latitude',
            value: badLon ? lon : lat,
            ...(looksSwapped(lon, lat) ? { swapped: 1 } : {}),
          },
          badLon ? lonField : latField,
        );
        continue;
      }
      let crs: Crs = options.crs ?? 'wgs84';
      const crsText = coordsFromColumns ? get('crs') : null;
      if (crsText) {
        const c = crsNames(crsText);
        if (!c) {
          reject('crs-unknown', { value: crsText }, 'crs');
          continue;
        }
        crs = c;
      }
      if (crs !== 'wgs84') [lon, lat] = toWGS84(lon, lat, crs);
      if (farOutsideShangrao(lon, lat)) {
        warn('far', { lon, lat, ...(looksSwapped(lon, lat) ? { swapped: 1 } : {}) }, lonField);
      }
    } else {
      const crsText = get('crs');
      if (crsText) extra[AS_IN_SOURCE('crs')] = crsText;
    }
    const located = lon !== null && lat !== null;

    // Id.
    let id = get('id') ?? `row-${row}`;
    const firstId = ids.get(id);
    if (firstId !== undefined) {
      const renamed = `${id}~${row}`;
      warn('duplicate-id', { value: id, first: firstId, id: renamed }, 'id');
      id = renamed;
    }
    ids.set(id, row);

    // Segment and stage.
    let segment: Segment | null = null;
    const segText = get('segment');
    if (segText) {
      const s = segments(segText);
      if (s) segment = s;
      else {
        warn('segment-unknown', { value: segText }, 'segment');
        extra[AS_IN_SOURCE('segment')] = segText;
      }
    }
    let stage: Stage;
    const stageText = get('stage');
    const given = stageText ? stages(stageText) : undefined;
    if (given) {
      stage = given;
      if (segment && SEGMENT_STAGE[segment] !== stage) {
        warn('segment-stage', { value: segText!, segmentStage: SEGMENT_STAGE[segment], stage }, 'segment');
        extra[AS_IN_SOURCE('segment')] = segText;
        segment = null;
      }
    } else {
      stage = segment ? SEGMENT_STAGE[segment] : 'unclassified';
      if (stageText) {
        warn('stage-unknown', { value: stageText, stage }, 'stage');
        extra[AS_IN_SOURCE('stage')] = stageText;
      }
    }

    // County.
    let county: string | null = null;
    const countyText = get('county');
    if (countyText) {
      const m = counties(countyText);
      if (!m) {
        warn('county-unknown', { value: countyText }, 'county');
        extra[AS_IN_SOURCE('county')] = countyText;
      } else {
        county = m.adcode;
        if (m.aliasOf) warn('county-former', { value: countyText, adcode: m.adcode }, 'county');
      }
    }

    // Zone: an id of a loaded zone, else a name matched after normalisation, else a zone of its own.
    let zone: string | null = null;
    const zoneText = get('zone');
    if (zoneText) {
      if (zoneIds.has(zoneText)) zone = zoneText;
      else {
        const key = zoneNameKey(zoneText);
        zone = zoneByName.get(key) ?? null;
        if (!zone) {
          // Not zone-N: a zone file generates those, and an id must never name two different zones.
          zone = `reg-zone-${zones.length + 1}`;
          while (zoneIds.has(zone)) zone = `${zone}+`;
          zones.push({
            id: zone,
            // As written (the first spelling met); the normalised key is for matching only.
            name: String(raw('zone')),
            nameEn: null,
            level: 'unknown',
            county: county ?? '',
            geometry: null,
            precision: 'none',
            source: get('source') ?? defaultSource,
            realBoundary: false,
          });
          zoneIds.add(zone);
          zoneByName.set(key, zone);
          warn('zone-new', { value: zoneText }, 'zone');
        }
      }
    }

    // Precision.
    const fallback: Precision = located ? (options.precision ?? 'street') : 'none';
    let precision = fallback;
    const precText = get('precision');
    if (precText) {
      const p = parsePrecisionWord(precText);
      if (!p) {
        warn('precision-unknown', { value: precText, precision: fallback }, 'precision');
        extra[AS_IN_SOURCE('precision')] = precText;
      } else if (located && p === 'none') {
        warn('precision-none-located', { precision: fallback }, 'precision');
      } else precision = located ? p : 'none';
    }
    if (!located) log.add('unlocated', row, 'unlocated', {}, undefined, name);

    // Duplicates: kept, warned.
    const code = get('credit_code')?.toUpperCase();
    if (code) {
      const first = credit.get(code);
      if (first !== undefined) warn('duplicate-credit-code', { value: code, first }, 'credit_code');
      else credit.set(code, row);
    }
    const nameKey = zoneNameKey(name);
    const firstName = names.get(nameKey);
    if (firstName !== undefined) warn('duplicate-name', { value: name, first: firstName }, 'name');
    else names.set(nameKey, row);

    records.push({
      id,
      name,
      nameEn: get('name_en'),
      stage,
      segment,
      county,
      zone,
      lon,
      lat,
      precision,
      source: get('source') ?? defaultSource,
      extra,
    });
  }
  options.onProgress?.(total, total);
  return {
    records,
    zones,
    report: {
      kind: 'enterprises',
      file: options.file,
      format: table.format,
      ...(table.encoding ? { encoding: table.encoding.encoding } : {}),
      ...(table.sheet ? { sheet: table.sheet } : {}),
      rows: total,
      accepted: records.length,
      unlocated: log.count('unlocated'),
      rejected: log.count('rejected'),
      warnings: log.count('warning'),
      issues: log.issues,
    },
  };
}
