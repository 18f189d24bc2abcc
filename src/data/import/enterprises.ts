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
import { type Crs, parseCrsName } from '../crs.ts';
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
import { CoordinateBlock, LOCATED } from './coordinate-block.ts';
import { farOutsideShangrao, looksSwapped, parseCoordinate } from './coordinates.ts';
import type { ImportIssue, ImportReport, IssueCode } from './report.ts';
import type { Cell, Table } from './table.ts';
import { trimText } from './trim.ts';
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
/** The `<field>_as_in_source` keys, made once (not a new string per row). */
const KEPT = {
  crs: AS_IN_SOURCE('crs'),
  segment: AS_IN_SOURCE('segment'),
  stage: AS_IN_SOURCE('stage'),
  county: AS_IN_SOURCE('county'),
  precision: AS_IN_SOURCE('precision'),
} as const;

function cellText(v: Cell | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === 'string' ? trimText(v) : String(v).trim();
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
    // Optional keys set, not spread: one object per issue (a registry can have tens of thousands).
    const issue: ImportIssue = {
      kind,
      row,
      code,
      params,
      message: `row ${row}: ${issueMessage(code, params)}`,
    };
    if (column !== undefined) issue.column = column;
    if (name) issue.name = name;
    this.issues.push(issue);
  }
  count(kind: ImportIssue['kind']): number {
    let n = 0;
    for (const i of this.issues) if (i.kind === kind) n++;
    return n;
  }
}

/** `f` remembered per distinct input (one Map per import: nothing is kept between files). */
function memo<T>(f: (s: string) => T | undefined): (s: string) => T | undefined {
  const m = new Map<string, T | null>();
  return (s) => {
    let v = m.get(s);
    if (v === undefined) {
      v = f(s) ?? null;
      m.set(s, v);
    }
    return v ?? undefined;
  };
}

/** `s.toUpperCase()`, without the call where `s` has no lower-case or non-ASCII letter (credit codes). */
export function upperCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return s.toUpperCase();
  }
  return s;
}

/** Rows per block of the import (coordinate-block.ts); progress is posted at each block's start. */
const BLOCK = 1000;

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

  // Each field's column, looked up once (not a Map lookup per field per row: 100,000 rows, benchmark).
  const at = (f: ImportField) => col.get(f) ?? -1;
  const [cId, cName, cNameEn, cStage, cSegment, cCounty, cZone] = (
    ['id', 'name', 'name_en', 'stage', 'segment', 'county', 'zone'] as const
  ).map(at) as [number, number, number, number, number, number, number];
  const [cLon, cLat, cPair, cCrs, cPrecision, cSource, cCredit] = (
    ['longitude', 'latitude', 'lonlat', 'crs', 'precision', 'source', 'credit_code'] as const
  ).map(at) as [number, number, number, number, number, number, number];

  // Per-row state read by helpers made once (not a closure per row: 100,000 rows, benchmark).
  let cells: Cell[] = [];
  let row = 0;
  let name: string | null = null;
  // Only a text starting with ' (39) can be a neutralised formula (formula.ts): others skip the call.
  const raw = (i: number): Cell | undefined => {
    if (i < 0) return undefined;
    const v = cells[i];
    return restore && typeof v === 'string' && v.charCodeAt(0) === 39 ? restoreFormulaText(v) : v;
  };
  const get = (i: number) => cellText(raw(i));
  const reject = (code: IssueCode, params: Record<string, string | number>, field?: ImportField) =>
    log.add('rejected', row, code, params, field ? header(field) : undefined, name);
  const warn = (code: IssueCode, params: Record<string, string | number>, field?: ImportField) =>
    log.add('warning', row, code, params, field ? header(field) : undefined, name);
  // Values repeat (stages, segments, counties): each distinct text is read once.
  const stages = memo(parseStageWord);
  const segments = memo(parseSegmentWord);
  const counties = memo(resolveCounty);
  const crsNames = memo(parseCrsName);
  // Without an id column every id is `row-N` of a distinct row number: no duplicate to look for.
  const checkIds = cId >= 0;

  // Rows go in blocks: first each row's name and coordinates (where a row can be rejected), then one
  // conversion to WGS84 per coordinate system for the whole block (gcoord over a MultiPoint, not a call
  // per row), then the rest of each row. A rejection waits in its row's slot until the second pass, so
  // the report lists the issues in row order, as a single pass would.
  const block = new CoordinateBlock(BLOCK);
  for (let start = 0; start < total; start += BLOCK) {
    options.onProgress?.(start, total);
    const end = Math.min(total, start + BLOCK);
    block.clear();
    for (let r = start; r < end; r++) {
      const k = r - start;
      cells = table.rows[r]!;
      name = get(cName);
      block.names[k] = name;
      if (!name) {
        block.hold(k, 'name-missing', {}, 'name');
        continue;
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
            block.hold(k, 'geometry', {
              type: isObject(geometry) ? String(geometry.type) : typeof geometry,
            });
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
        lonCell = raw(cLon);
        latCell = raw(cLat);
        const pair = get(cPair);
        if (cellText(lonCell ?? null) === null && cellText(latCell ?? null) === null && pair) {
          const parts = pair.split(/\s*[,，;；]\s*|\s+/);
          lonCell = parts[0] ?? null;
          latCell = parts[1] ?? null;
          lonField = latField = 'lonlat';
        }
        const hasLon = cellText(lonCell ?? null) !== null;
        const hasLat = cellText(latCell ?? null) !== null;
        if (hasLon !== hasLat) {
          block.hold(
            k,
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
            block.hold(k, 'coord-unreadable', { field: 'longitude', value: String(lonCell) }, lonField);
            continue;
          }
          if (y === undefined) {
            block.hold(k, 'coord-unreadable', { field: 'latitude', value: String(latCell) }, latField);
            continue;
          }
          lon = x;
          lat = y;
        }
      }
      if (lon === null || lat === null) {
        block.unlocated(k);
        continue;
      }
      const badLon = !(lon >= -180 && lon <= 180);
      const badLat = !(lat >= -90 && lat <= 90);
      if (badLon || badLat) {
        block.hold(
          k,
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
      const crsText = coordsFromColumns ? get(cCrs) : null;
      if (crsText) {
        const c = crsNames(crsText);
        if (!c) {
          block.hold(k, 'crs-unknown', { value: crsText }, 'crs');
          continue;
        }
        crs = c;
      }
      block.located(k, lon, lat, crs, lonField === 'lonlat');
    }
    block.toWGS84();

    for (let r = start; r < end; r++) {
      const k = r - start;
      cells = table.rows[r]!;
      row = table.rowNumbers[r]!;
      name = block.names[k] ?? null;
      const held = block.rejections[k];
      if (held || !name) {
        if (held) reject(held.code, held.params, held.field);
        continue;
      }
      const extra = newExtra();
      for (const i of extraCols) {
        const v = cells[i];
        extra[table.columns[i]!] =
          v === undefined
            ? null
            : restore && typeof v === 'string' && v.charCodeAt(0) === 39
              ? restoreFormulaText(v)
              : v;
      }

      let lon: number | null = null;
      let lat: number | null = null;
      const located = block.state[k] === LOCATED;
      if (located) {
        lon = block.lon[k]!;
        lat = block.lat[k]!;
        if (farOutsideShangrao(lon, lat)) {
          warn(
            'far',
            { lon, lat, ...(looksSwapped(lon, lat) ? { swapped: 1 } : {}) },
            block.fromPair[k] ? 'lonlat' : 'longitude',
          );
        }
      } else {
        const crsText = get(cCrs);
        if (crsText) extra[KEPT.crs] = crsText;
      }

      // Id.
      let id = get(cId) ?? `row-${row}`;
      if (checkIds) {
        const firstId = ids.get(id);
        if (firstId !== undefined) {
          const renamed = `${id}~${row}`;
          warn('duplicate-id', { value: id, first: firstId, id: renamed }, 'id');
          id = renamed;
        }
        ids.set(id, row);
      }

      // Segment and stage.
      let segment: Segment | null = null;
      const segText = get(cSegment);
      if (segText) {
        const s = segments(segText);
        if (s) segment = s;
        else {
          warn('segment-unknown', { value: segText }, 'segment');
          extra[KEPT.segment] = segText;
        }
      }
      let stage: Stage;
      const stageText = get(cStage);
      const given = stageText ? stages(stageText) : undefined;
      if (given) {
        stage = given;
        if (segment && SEGMENT_STAGE[segment] !== stage) {
          warn('segment-stage', { value: segText!, segmentStage: SEGMENT_STAGE[segment], stage }, 'segment');
          extra[KEPT.segment] = segText;
          segment = null;
        }
      } else {
        stage = segment ? SEGMENT_STAGE[segment] : 'unclassified';
        if (stageText) {
          warn('stage-unknown', { value: stageText, stage }, 'stage');
          extra[KEPT.stage] = stageText;
        }
      }

      // County.
      let county: string | null = null;
      const countyText = get(cCounty);
      if (countyText) {
        const m = counties(countyText);
        if (!m) {
          warn('county-unknown', { value: countyText }, 'county');
          extra[KEPT.county] = countyText;
        } else {
          county = m.adcode;
          if (m.aliasOf) warn('county-former', { value: countyText, adcode: m.adcode }, 'county');
        }
      }

      // Zone: an id of a loaded zone, else a name matched after normalisation, else a zone of its own.
      let zone: string | null = null;
      const zoneText = get(cZone);
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
              name: String(raw(cZone)),
              nameEn: null,
              level: 'unknown',
              county: county ?? '',
              geometry: null,
              precision: 'none',
              source: get(cSource) ?? defaultSource,
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
      const precText = get(cPrecision);
      if (precText) {
        const p = parsePrecisionWord(precText);
        if (!p) {
          warn('precision-unknown', { value: precText, precision: fallback }, 'precision');
          extra[KEPT.precision] = precText;
        } else if (located && p === 'none') {
          warn('precision-none-located', { precision: fallback }, 'precision');
        } else precision = located ? p : 'none';
      }
      if (!located) log.add('unlocated', row, 'unlocated', {}, undefined, name);

      // Duplicates: kept, warned.
      const creditText = get(cCredit);
      const code = creditText === null ? undefined : upperCase(creditText);
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
        nameEn: get(cNameEn),
        stage,
        segment,
        county,
        zone,
        lon,
        lat,
        precision,
        source: get(cSource) ?? defaultSource,
        extra,
      });
    }
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
