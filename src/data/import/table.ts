/**
 * A registry file as a table (issue 7): column names as the file has them, cells as they came, and
 * each row's number as the spreadsheet shows it (the header is row 1, so the first record is row 2;
 * GeoJSON: the feature's 1-based index). CSV through papaparse, XLSX through exceljs (loaded only when an
 * XLSX file is read), GeoJSON as features. Duplicate or empty headers get unique names, so no column is
 * lost. Free of the DOM: runs in the parse worker and in Node.
 */
import Papa from 'papaparse';
import { restoreFormulaText } from '../formula.ts';
import { type DetectedEncoding, decodeText, detectAndDecode, type Encoding } from './decode.ts';
import { trimText } from './trim.ts';

export type Cell = string | number | boolean | null;

export interface Table {
  format: 'csv' | 'xlsx' | 'geojson';
  columns: string[];
  rows: Cell[][];
  /** Spreadsheet row number of each row. */
  rowNumbers: number[];
  /** GeoJSON only: each row's geometry as it came. */
  geometries?: unknown[];
  /** CSV: the encoding used (detected or chosen). */
  encoding?: DetectedEncoding;
  /** XLSX: the sheet names, and the one read. */
  sheets?: string[];
  sheet?: string;
}

export type FileFormat = 'csv' | 'xlsx' | 'geojson' | 'kml' | 'kmz' | 'shapefile';

/** The format of a file from its name, else its first bytes. */
export function formatOf(name: string, bytes: Uint8Array): FileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'kmz') return 'kmz';
  if (ext === 'zip' || ext === 'shp') return 'shapefile';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx'; // a zip: most often a workbook
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 200))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<')) return 'kml';
  return 'csv';
}

/** Unique, non-empty column names: an empty header becomes `column N`, a repeated one `name (2)`. */
export function uniqueColumns(headers: readonly unknown[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base =
      h === null || h === undefined || String(h).trim() === '' ? `column ${i + 1}` : String(h).trim();
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base} (${k})`;
    seen.add(name);
    return name;
  });
}

function isEmptyRow(cells: readonly Cell[]): boolean {
  for (const c of cells)
    if (!(c === null || c === '' || (typeof c === 'string' && trimText(c) === ''))) return false;
  return true;
}

export function readCsvTable(bytes: Uint8Array, encoding?: Encoding): Table {
  const { encoding: detected, text } = encoding
    ? { encoding: { encoding, by: 'chosen' as const }, text: decodeText(bytes, encoding) }
    : detectAndDecode(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const data = parsed.data;
  const header = data[0] ?? [];
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!;
    if (isEmptyRow(cells)) continue;
    rows.push(cells);
    rowNumbers.push(i + 1); // the header is row 1
  }
  return {
    format: 'csv',
    // The export neutralised formula-like column names and cells (formula.ts); cells are restored per row.
    columns: uniqueColumns(header.map(restoreFormulaText)),
    rows,
    rowNumbers,
    encoding: detected,
  };
}

/** A cell of exceljs as plain data: rich text joined, a formula's result, a hyperlink's text, dates ISO. */
function excelCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return excelCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

export async function readXlsxTable(bytes: Uint8Array, sheetName?: string): Promise<Table> {
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: typeof import('exceljs') };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = (sheetName ? wb.getWorksheet(sheetName) : undefined) ?? wb.worksheets[0];
  if (!ws) throw new Error('the workbook has no sheet');
  let columns: string[] | null = null;
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = (row.values as unknown[]).slice(1).map(excelCell);
    if (isEmptyRow(values)) return;
    if (!columns) {
      columns = uniqueColumns(values);
      return;
    }
    rows.push(values);
    rowNumbers.push(n);
  });
  const cols = columns ?? [];
  let width = cols.length;
  for (const r of rows) if (r.length > width) width = r.length;
  return {
    format: 'xlsx',
    columns: width > cols.length ? uniqueColumns([...cols, ...Array(width - cols.length).fill('')]) : cols,
    rows,
    rowNumbers,
    sheets,
    sheet: ws.name,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Features of a FeatureCollection (a bare Feature or an array of features too), or an error. */
export function featuresOf(text: string): unknown[] {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
  if (Array.isArray(j)) return j;
  if (isObject(j) && j.type === 'FeatureCollection' && Array.isArray(j.features)) return j.features;
  if (isObject(j) && j.type === 'Feature') return [j];
  throw new Error('not a GeoJSON FeatureCollection');
}

/** True when most features with a geometry are polygons: the file is read as zones. */
export function isPolygonCollection(features: readonly unknown[]): boolean {
  let poly = 0;
  let other = 0;
  for (const f of features) {
    const t = isObject(f) && isObject(f.geometry) ? f.geometry.type : null;
    if (t === 'Polygon' || t === 'MultiPolygon') poly++;
    else if (t) other++;
  }
  return poly > 0 && poly >= other;
}

/** Features as a table: the union of property names in order of first appearance. */
export function featuresTable(features: readonly unknown[], format: Table['format'] = 'geojson'): Table {
  const index = new Map<string, number>();
  const names: string[] = [];
  const props = features.map((f) => (isObject(f) && isObject(f.properties) ? f.properties : {}));
  for (const p of props) {
    for (const k of Object.keys(p)) {
      if (!index.has(k)) {
        index.set(k, names.length);
        names.push(k);
      }
    }
  }
  const toCell = (v: unknown): Cell =>
    v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as Cell);
  return {
    format,
    columns: names,
    rows: props.map((p) => names.map((n) => (Object.hasOwn(p, n) ? toCell(p[n]) : null))),
    rowNumbers: features.map((_, i) => i + 1),
    geometries: features.map((f) => (isObject(f) ? f.geometry : undefined)),
  };
}
