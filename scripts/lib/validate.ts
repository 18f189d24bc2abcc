/**
 * Strict validation of canonical record files (the committed sample, or a registry before it is
 * published), for `npm run geodata:check` (Node only: the extent is read from geodata/). The parser
 * (src/data/parse.ts, normalize.ts) is lenient where an import should be (labels, aliases, defaults); the
 * validator is not: it checks the raw properties against the vocabulary.
 *
 * Errors: stage not a vocabulary code; segment unknown or of another stage; county not one of the 12
 * adcodes (6 digits) — or missing on a located record; coordinates outside Shangrao's bounding box
 * padded by 0.1°; precision or source missing/invalid; zone id not among the zones; anything the parser
 * rejects (missing id/name, duplicate id, bad geometry…). Zones: county, level, precision, source,
 * geometry inside the padded box. Warnings: county missing on an unlocated record.
 */
import { isCountyAdcode } from '../../src/data/counties.ts';
import { parseEnterprisesGeoJSON, parseZonesGeoJSON } from '../../src/data/parse.ts';
import { isSegment, isStage, PRECISIONS, SEGMENT_STAGE, ZONE_LEVELS } from '../../src/data/types.ts';
import { shangraoBbox } from './geodata.ts';

export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  file?: string;
  /** 1-based feature index (0 = the file as a whole). */
  row: number;
  id?: string;
  field?: string;
  message: string;
}

/** Padding (degrees) around Shangrao's bounding box inside which coordinates are accepted. */
export const BBOX_PADDING_DEG = 0.1;

/** A list of issues and the function that adds one (the file named on each). */
function collector(file: string | undefined) {
  const issues: Issue[] = [];
  const at = (
    row: number,
    id: string | undefined,
    field: string | undefined,
    message: string,
    severity: Severity = 'error',
  ) =>
    issues.push({
      severity,
      ...(file ? { file } : {}),
      row,
      ...(id ? { id } : {}),
      ...(field ? { field } : {}),
      message,
    });
  return { issues, at };
}

export function insideShangraoBox(lon: number, lat: number, pad = BBOX_PADDING_DEG): boolean {
  const [w, s, e, n] = shangraoBbox();
  return lon >= w - pad && lon <= e + pad && lat >= s - pad && lat <= n + pad;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function featuresOf(json: unknown): Record<string, unknown>[] {
  const j = typeof json === 'string' ? safeParse(json) : json;
  return isObject(j) && Array.isArray(j.features)
    ? (j.features as unknown[]).map((f) => (isObject(f) ? f : {}))
    : [];
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const str = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Strip the "row N (id X): " prefix the parser puts on its messages. */
const bare = (m: string) => m.replace(/^row \d+( \(id [^)]*\))?: /, '');

/** Every coordinate pair of a geometry. */
function positions(g: unknown): [number, number][] {
  const out: [number, number][] = [];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') out.push([c[0], c[1]]);
    else if (Array.isArray(c)) c.forEach(visit);
  };
  if (isObject(g)) visit(g.coordinates);
  return out;
}

/** Validate a zone FeatureCollection (object or JSON text). */
export function validateZones(json: unknown, file?: string): { issues: Issue[]; zoneIds: Set<string> } {
  const { issues, at } = collector(file);
  const parsed = parseZonesGeoJSON(json);
  for (const r of parsed.rejected) at(r.row, r.id, r.field, bare(r.message));
  const rejectedRows = new Set(parsed.rejected.map((r) => r.row));
  featuresOf(json).forEach((f, i) => {
    const row = i + 1;
    if (rejectedRows.has(row)) return;
    const p = isObject(f.properties) ? f.properties : {};
    const id = blank(p.id) ? undefined : str(p.id);
    if (!isCountyAdcode(str(p.county)))
      at(row, id, 'county', `county '${str(p.county)}' is not one of the 12 adcodes`);
    if (!(ZONE_LEVELS as readonly unknown[]).includes(p.level))
      at(row, id, 'level', `level '${str(p.level)}' is not in the vocabulary`);
    if (!(PRECISIONS as readonly unknown[]).includes(p.precision))
      at(row, id, 'precision', `precision '${str(p.precision)}' is missing or invalid`);
    if (typeof p.real_boundary !== 'boolean')
      at(row, id, 'real_boundary', 'real_boundary must be true or false');
    const outside = positions(f.geometry).find(([x, y]) => !insideShangraoBox(x, y));
    if (outside)
      at(
        row,
        id,
        'geometry',
        `vertex ${outside.join(', ')} lies outside Shangrao (bbox + ${BBOX_PADDING_DEG}°)`,
      );
  });
  return { issues, zoneIds: new Set(parsed.records.map((z) => z.id)) };
}

/**
 * Validate an enterprise FeatureCollection (object or JSON text). `zoneIds`: the zones that exist; when
 * omitted, zone references are not checked.
 */
export function validateEnterprises(
  json: unknown,
  options: { zoneIds?: Set<string>; file?: string } = {},
): Issue[] {
  const { zoneIds, file } = options;
  const { issues, at } = collector(file);
  const parsed = parseEnterprisesGeoJSON(json);
  for (const r of parsed.rejected) at(r.row, r.id, r.field, bare(r.message));
  const rejectedRows = new Set(parsed.rejected.map((r) => r.row));
  featuresOf(json).forEach((f, i) => {
    const row = i + 1;
    if (rejectedRows.has(row)) return;
    const p = isObject(f.properties) ? f.properties : {};
    const id = blank(p.id) ? undefined : str(p.id);
    const located = isObject(f.geometry);

    if (blank(p.stage)) at(row, id, 'stage', 'stage is missing');
    else if (!isStage(str(p.stage))) at(row, id, 'stage', `stage '${str(p.stage)}' is not in the vocabulary`);
    if (!blank(p.segment)) {
      const seg = str(p.segment);
      if (!isSegment(seg)) at(row, id, 'segment', `segment '${seg}' is not a segment code`);
      else if (SEGMENT_STAGE[seg] !== p.stage) {
        at(
          row,
          id,
          'segment',
          `segment '${seg}' belongs to stage '${SEGMENT_STAGE[seg]}', not '${str(p.stage)}'`,
        );
      }
    }
    if (blank(p.county)) {
      if (located) at(row, id, 'county', 'county is missing on a located record');
      else
        at(
          row,
          id,
          'county',
          'county is missing (unlocated record: allowed, but it counts in no county)',
          'warning',
        );
    } else if (!isCountyAdcode(str(p.county))) {
      at(row, id, 'county', `county '${str(p.county)}' is not one of Shangrao's 12 adcodes`);
    }
    if (located) {
      const [x, y] = positions(f.geometry)[0] ?? [Number.NaN, Number.NaN];
      if (!insideShangraoBox(x, y)) {
        at(
          row,
          id,
          'geometry',
          `point ${x}, ${y} lies outside Shangrao (bbox + ${BBOX_PADDING_DEG}°): wrong place or not WGS84?`,
        );
      }
    }
    if (!(PRECISIONS as readonly unknown[]).includes(p.precision)) {
      at(
        row,
        id,
        'precision',
        blank(p.precision)
          ? 'precision is missing'
          : `precision '${str(p.precision)}' is not in the vocabulary`,
      );
    }
    if (blank(p.source)) at(row, id, 'source', 'source is missing');
    if (zoneIds && !blank(p.zone) && !zoneIds.has(str(p.zone))) {
      at(row, id, 'zone', `zone '${str(p.zone)}' is not among the zones`);
    }
  });
  issues.sort((a, b) => a.row - b.row);
  return issues;
}

/** One line per issue: `file:row  [id]  field: message`. */
export function formatIssue(i: Issue): string {
  const where = `${i.file ?? ''}${i.file ? ':' : 'row '}${i.row}`;
  return `${i.severity === 'error' ? 'ERROR' : 'warn '}  ${where}${i.id ? `  [${i.id}]` : ''}  ${i.field ?? '-'}: ${i.message}`;
}
