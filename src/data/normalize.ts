/**
 * Normalising one raw row into an Enterprise: the vocabulary (stage and segment codes, Chinese labels,
 * column-name aliases), numbers, coordinates and their CRS, and the extra columns. Shared by every reader
 * (parse.ts: GeoJSON and CSV; later XLSX), in the browser and in the command-line scripts.
 *
 * `normalizeRow(row, rowNumber, options)` turns one flat row (GeoJSON feature properties, a CSV line, an
 * XLSX row) into an Enterprise or a row error naming the field. The file readers only adapt their
 * container to rows.
 *
 * Parsing rules (documented in geodata/SOURCES.md §Records too):
 * - `id`: required (string or number, trimmed). A row without id is REJECTED with its row number (no
 *   generated ids: a generated id would not survive a re-import of a changed file). A repeated id
 *   rejects the later row, naming the id.
 * - `name`: required.
 * - `stage`: code (upstream…) or Chinese label (上游…), case-insensitive. Missing and a segment is known
 *   ⇒ the segment's stage. Missing/unrecognised and no segment ⇒ `unclassified` (kept, never dropped;
 *   an unrecognised value is kept in the extra column `stage_as_in_source`). Unrecognised but a segment
 *   is known ⇒ the segment's stage, original value kept likewise.
 * - `segment`: code (processing…) or Chinese label (铜材加工…). An unrecognised value REJECTS the row;
 *   a segment of another stage than the given stage REJECTS the row (field `segment`); a segment with
 *   stage `unclassified` is such a contradiction too.
 * - `county`: adcode of one of the 12 units (or its 12-digit NBS form), Chinese or English name; the
 *   former 上饶县 361121 maps to 广信区 361104 (warning). Empty ⇒ null. Anything else REJECTS the row.
 * - `zone`: zone id or null (existence is checked by the validator, not here).
 * - coordinates: GeoJSON Point geometry (geometry null ⇒ unlocated), or `longitude`/`latitude` columns
 *   (aliases lon, lng, 经度 / lat, 纬度) in row files. Out of range, non-numeric, or only one of the
 *   two ⇒ REJECTED naming the field. Converted to WGS84 from `options.crs` or the row's `crs`/`坐标系`
 *   column (which is consumed: the stored and exported coordinates are WGS84, so no column may say
 *   otherwise).
 * - `precision`: one of the vocabulary. Missing ⇒ `exact` if located, `none` if not. `none` on a located
 *   row ⇒ REJECTED; a located precision on an unlocated row ⇒ set to `none` (warning).
 * - `source`: required; `options.defaultSource` fills it when the file has no source column.
 * - `name_en`: optional → nameEn. Exported after the fixed properties, before the extras, only when set.
 * - every other column → `extra`, in source order, values kept (strings, numbers, booleans, null;
 *   objects/arrays are stored as JSON text). Integer-like column names ("2023") are reordered first by
 *   JavaScript's object key order; avoid them.
 */
import { resolveCounty } from './counties.ts';
import { type Crs, parseCrsName, toWGS84 } from './crs.ts';
import {
  type Enterprise,
  type ExtraValue,
  isSegment,
  isStage,
  PRECISIONS,
  type Precision,
  SEGMENT_STAGE,
  type Segment,
  STAGES,
  type Stage,
} from './types.ts';

export interface RowError {
  /** 1-based row number (feature index + 1 in GeoJSON; data line number in CSV, header excluded). */
  row: number;
  id?: string;
  field?: string;
  message: string;
}

export interface RowWarning extends RowError {}

export interface NormalizeOptions {
  /** CRS of the coordinates unless the row has a crs/坐标系 column. Default wgs84. */
  crs?: Crs;
  /** Source used for rows without a source value. */
  defaultSource?: string;
  /**
   * Coordinates taken from outside the row (GeoJSON geometry). When given (even as null), coordinate
   * columns in the row are not read (and not kept).
   */
  coordinates?: [number, number] | null;
}

export interface NormalizeResult {
  record?: Enterprise;
  error?: RowError;
  warnings: RowWarning[];
}

/** Extra column that keeps an unrecognised stage value. */
export const STAGE_AS_IN_SOURCE = 'stage_as_in_source';

const STAGE_LABELS: Record<string, Stage> = {
  上游: 'upstream',
  上游·原料: 'upstream',
  原料: 'upstream',
  中游: 'midstream',
  中游·冶炼铸造加工: 'midstream',
  下游: 'downstream',
  下游·应用: 'downstream',
  应用: 'downstream',
  配套: 'support',
  配套服务: 'support',
  未分类: 'unclassified',
};

/** Chinese labels of the segments (domain.md). */
export const SEGMENT_LABELS_ZH: Record<Segment, string> = {
  mining: '铜矿采选',
  scrap: '废杂铜回收拆解',
  'raw-trade': '再生原料贸易',
  smelting: '再生铜冶炼',
  casting: '熔铸(铜杆/铜锭)',
  processing: '铜材加工',
  'wire-cable': '电线电缆/漆包线',
  electrical: '电机电器/电子元件',
  hardware: '五金阀门水暖',
  'new-energy': '新能源配套',
  park: '园区/平台',
  logistics: '物流',
  service: '检测/金融/数据',
};

const SEGMENT_BY_LABEL = new Map<string, Segment>();
for (const [code, label] of Object.entries(SEGMENT_LABELS_ZH) as [Segment, string][]) {
  SEGMENT_BY_LABEL.set(label, code);
  for (const part of label.split(/[/()（）]/)) if (part.length >= 2) SEGMENT_BY_LABEL.set(part, code);
}
SEGMENT_BY_LABEL.set('熔铸', 'casting');

/** Column-name aliases the row reader recognises (lower-cased, trimmed). */
const ALIASES: Record<string, string> = {
  id: 'id',
  编号: 'id',
  name: 'name',
  名称: 'name',
  企业名称: 'name',
  name_en: 'name_en',
  nameen: 'name_en',
  英文名称: 'name_en',
  stage: 'stage',
  环节: 'stage',
  产业链环节: 'stage',
  segment: 'segment',
  细分: 'segment',
  细分行业: 'segment',
  county: 'county',
  区县: 'county',
  县区: 'county',
  zone: 'zone',
  园区: 'zone',
  precision: 'precision',
  精度: 'precision',
  source: 'source',
  来源: 'source',
  数据来源: 'source',
  longitude: 'longitude',
  lon: 'longitude',
  lng: 'longitude',
  经度: 'longitude',
  latitude: 'latitude',
  lat: 'latitude',
  纬度: 'latitude',
  crs: 'crs',
  坐标系: 'crs',
};
const COORD_FIELDS = new Set(['longitude', 'latitude', 'crs']);

export function fieldOf(column: string): string | undefined {
  const k = column.trim().toLowerCase();
  return Object.hasOwn(ALIASES, k) ? ALIASES[k] : undefined;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function text(v: unknown): string | null {
  if (isBlank(v)) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A value of a file as an extra value: nested objects and arrays as JSON text. */
export function toExtra(v: unknown): ExtraValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  return JSON.stringify(v);
}

function parseStage(s: string): Stage | undefined {
  const k = s.trim().toLowerCase();
  if (isStage(k)) return k;
  return STAGE_LABELS[s.trim()];
}

function parseSegment(s: string): Segment | undefined {
  const k = s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (isSegment(k)) return k;
  if (k === 'rawtrade') return 'raw-trade';
  if (k === 'wirecable') return 'wire-cable';
  if (k === 'newenergy') return 'new-energy';
  return SEGMENT_BY_LABEL.get(s.trim());
}

function parseNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/**
 * Normalise one row into an Enterprise. `row` is a flat object of column → value; column names are
 * matched case-insensitively against the recognised fields and their aliases (see ALIASES).
 */
export function normalizeRow(
  row: Record<string, unknown>,
  rowNumber: number,
  options: NormalizeOptions = {},
): NormalizeResult {
  const warnings: RowWarning[] = [];
  const fields: Record<string, unknown> = Object.create(null);
  const extra: Record<string, ExtraValue> = Object.create(null);
  const externalCoords = options.coordinates !== undefined;
  for (const [column, value] of Object.entries(row)) {
    const f = fieldOf(column);
    if (f && !(f in fields)) {
      if (externalCoords && COORD_FIELDS.has(f)) continue; // geometry is authoritative
      fields[f] = value;
    } else {
      extra[column] = toExtra(value);
    }
  }

  const id = text(fields.id);
  const fail = (field: string | undefined, message: string): NormalizeResult => ({
    error: {
      row: rowNumber,
      ...(id ? { id } : {}),
      ...(field ? { field } : {}),
      message: `row ${rowNumber}${id ? ` (id ${id})` : ''}: ${message}`,
    },
    warnings,
  });
  const warn = (field: string, message: string) =>
    warnings.push({
      row: rowNumber,
      ...(id ? { id } : {}),
      field,
      message: `row ${rowNumber}${id ? ` (id ${id})` : ''}: ${message}`,
    });

  if (!id) return fail('id', 'id is missing (every record needs a stable id)');
  const name = text(fields.name);
  if (!name) return fail('name', 'name is missing');

  // Segment and stage.
  let segment: Segment | null = null;
  const segText = text(fields.segment);
  if (segText) {
    const s = parseSegment(segText);
    if (!s)
      return fail(
        'segment',
        `unknown segment '${segText}' (expected one of ${Object.keys(SEGMENT_STAGE).join(', ')})`,
      );
    segment = s;
  }
  let stage: Stage;
  const stageText = text(fields.stage);
  const parsedStage = stageText ? parseStage(stageText) : undefined;
  if (parsedStage) {
    stage = parsedStage;
    if (segment && SEGMENT_STAGE[segment] !== stage) {
      return fail(
        'segment',
        `segment '${segment}' belongs to stage '${SEGMENT_STAGE[segment]}', not to the given stage '${stage}'`,
      );
    }
  } else {
    stage = segment ? SEGMENT_STAGE[segment] : 'unclassified';
    if (stageText) {
      warn(
        'stage',
        `unknown stage '${stageText}' (expected one of ${STAGES.join(', ')}): read as '${stage}'`,
      );
      if (!(STAGE_AS_IN_SOURCE in extra)) extra[STAGE_AS_IN_SOURCE] = stageText;
    }
  }

  // County.
  let county: string | null = null;
  const countyText = text(fields.county);
  if (countyText) {
    const m = resolveCounty(countyText);
    if (!m) return fail('county', `county '${countyText}' is not one of Shangrao's 12 county-level units`);
    if (m.aliasOf) warn('county', `county '${countyText}' is the former 上饶县; read as ${m.adcode} 广信区`);
    county = m.adcode;
  }

  const zone = text(fields.zone);

  // Coordinates.
  let lon: number | null = null;
  let lat: number | null = null;
  if (externalCoords) {
    if (options.coordinates) [lon, lat] = options.coordinates;
  } else {
    const hasLon = !isBlank(fields.longitude);
    const hasLat = !isBlank(fields.latitude);
    if (hasLon !== hasLat) {
      return fail(
        hasLon ? 'latitude' : 'longitude',
        `${hasLon ? 'latitude' : 'longitude'} is missing while ${hasLon ? 'longitude' : 'latitude'} is given`,
      );
    }
    if (hasLon) {
      const x = parseNumber(fields.longitude);
      const y = parseNumber(fields.latitude);
      if (x === undefined) return fail('longitude', `longitude '${text(fields.longitude)}' is not a number`);
      if (y === undefined) return fail('latitude', `latitude '${text(fields.latitude)}' is not a number`);
      lon = x;
      lat = y;
    }
  }
  if (lon !== null && lat !== null) {
    if (!(lon >= -180 && lon <= 180))
      return fail('longitude', `longitude ${lon} is out of range [-180, 180]`);
    if (!(lat >= -90 && lat <= 90)) return fail('latitude', `latitude ${lat} is out of range [-90, 90]`);
    let crs: Crs = options.crs ?? 'wgs84';
    const crsText = externalCoords ? null : text(fields.crs);
    if (crsText) {
      const c = parseCrsName(crsText);
      if (!c)
        return fail(
          'crs',
          `unknown coordinate system '${crsText}' (expected WGS84, CGCS2000, GCJ-02/高德/腾讯 or BD-09/百度)`,
        );
      crs = c;
    }
    if (crs !== 'wgs84') [lon, lat] = toWGS84(lon, lat, crs);
  }
  const located = lon !== null && lat !== null;

  // Precision.
  let precision: Precision;
  const precText = text(fields.precision);
  if (precText) {
    const p = precText.toLowerCase();
    if (!(PRECISIONS as readonly string[]).includes(p)) {
      return fail('precision', `unknown precision '${precText}' (expected one of ${PRECISIONS.join(', ')})`);
    }
    precision = p as Precision;
    if (located && precision === 'none')
      return fail('precision', "precision 'none' given for a located record");
    if (!located && precision !== 'none') {
      warn('precision', `precision '${precision}' given for an unlocated record: read as 'none'`);
      precision = 'none';
    }
  } else {
    precision = located ? 'exact' : 'none';
  }

  const source = text(fields.source) ?? options.defaultSource ?? null;
  if (!source) return fail('source', 'source is missing (who says so?)');

  return {
    record: {
      id,
      name,
      nameEn: text(fields.name_en),
      stage,
      segment,
      county,
      zone,
      lon,
      lat,
      precision,
      source,
      extra,
    },
    warnings,
  };
}
