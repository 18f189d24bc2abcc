/**
 * The dataset in a columnar, transferable form, for sending it to the analysis worker.
 *
 * Structured-cloning 100,000 small AnalysisRecord objects costs a long task on the main thread; the
 * same data as a few typed arrays (whose buffers are transferred, not copied), a handful of short
 * string tables and one long string of ids clones in a fraction of that. encodeRecords() is one pass
 * over the records; decodeRecords() rebuilds records equal to the input (in the worker).
 *
 * Nulls: coordinates are NaN, table indices −1. A NaN coordinate (never valid: parse.ts rejects
 * non-finite coordinates) decodes as null; both mean "unlocated" to the analysis.
 */
import { PRECISIONS, type Precision, type Segment, STAGES, type Stage } from '../data/types.ts';
import type { AnalysisRecord } from './types.ts';

/** What crosses to the worker (structured-cloneable; the typed arrays' buffers can be transferred). */
export interface RecordColumns {
  /** Number of records. */
  length: number;
  /** Every id concatenated; record i's id is ids.slice(idEnd[i − 1] ?? 0, idEnd[i]) (any id works). */
  ids: string;
  /** End offset of each id in `ids`, UTF-16 code units (a JS string is shorter than 2³²). */
  idEnd: Uint32Array;
  /** Index into STAGES. */
  stage: Uint8Array;
  /** Index into PRECISIONS, or PRECISION_UNSET when the record has no precision. */
  precision: Uint8Array;
  /** NaN for null. */
  lon: Float64Array;
  lat: Float64Array;
  /** Distinct values and each record's index into them (−1 for null). */
  segments: string[];
  segment: Int32Array;
  counties: string[];
  county: Int32Array;
  zones: string[];
  zone: Int32Array;
}

/** The columns plus the buffers to list as `transfer` in postMessage (all freshly allocated). */
export interface EncodedRecords extends RecordColumns {
  transfer: ArrayBuffer[];
}

/** Precision code of a record without a precision. */
export const PRECISION_UNSET = 255;

const STAGE_CODE = new Map<string, number>(STAGES.map((s, i) => [s, i]));
const PRECISION_CODE = new Map<string, number>(PRECISIONS.map((p, i) => [p, i]));

/** Interns strings into a table; null gives −1. */
function interner(): { table: string[]; code: (s: string | null) => number } {
  const table: string[] = [];
  const index = new Map<string, number>();
  return {
    table,
    code(s) {
      if (s === null) return -1;
      let i = index.get(s);
      if (i === undefined) {
        i = table.length;
        table.push(s);
        index.set(s, i);
      }
      return i;
    },
  };
}

/** Encodes records into columns. Throws a RangeError on a stage or precision outside STAGES / PRECISIONS. */
export function encodeRecords(records: readonly AnalysisRecord[]): EncodedRecords {
  const b = encodeRecordsBuilder(records);
  b.fill(0, records.length);
  return b.finish();
}

/**
 * encodeRecords a range at a time: `fill(from, to)` in order over every record once (throws as
 * encodeRecords does), then `finish()`; so that the page can run between slices (ui/arrival.ts).
 */
export function encodeRecordsBuilder(records: readonly AnalysisRecord[]): {
  fill(from: number, to: number): void;
  finish(): EncodedRecords;
} {
  const n = records.length;
  const idEnd = new Uint32Array(n);
  const stage = new Uint8Array(n);
  const precision = new Uint8Array(n);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const segment = new Int32Array(n);
  const county = new Int32Array(n);
  const zone = new Int32Array(n);
  const segments = interner();
  const counties = interner();
  const zones = interner();
  let ids = ''; // appending is cheaper than join() here; the clone flattens it once
  let end = 0;
  const fill = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = records[i]!;
      ids += r.id;
      end += r.id.length;
      idEnd[i] = end;
      const s = STAGE_CODE.get(r.stage);
      if (s === undefined) throw new RangeError(`record ${r.id}: unknown stage '${r.stage}'`);
      stage[i] = s;
      if (r.precision === undefined) precision[i] = PRECISION_UNSET;
      else {
        const p = PRECISION_CODE.get(r.precision);
        if (p === undefined) throw new RangeError(`record ${r.id}: unknown precision '${r.precision}'`);
        precision[i] = p;
      }
      lon[i] = r.lon ?? Number.NaN;
      lat[i] = r.lat ?? Number.NaN;
      segment[i] = segments.code(r.segment);
      county[i] = counties.code(r.county);
      zone[i] = zones.code(r.zone);
    }
  };
  const finish = (): EncodedRecords => {
    const columns: RecordColumns = {
      length: n,
      ids,
      idEnd,
      stage,
      precision,
      lon,
      lat,
      segments: segments.table,
      segment,
      counties: counties.table,
      county,
      zones: zones.table,
      zone,
    };
    const transfer = [idEnd, stage, precision, lon, lat, segment, county, zone].map(
      (a) => a.buffer as ArrayBuffer,
    );
    return { ...columns, transfer };
  };
  return { fill, finish };
}

/** A string column: distinct values and each record's index into them (−1 for null). */
export interface StringColumn {
  values: string[];
  codes: Int32Array;
}

/** Codes strings into a column, one per record (null gives −1). */
export function stringColumn(n: number, value: (i: number) => string | null): StringColumn {
  const t = interner();
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = t.code(value(i));
  return { values: t.table, codes };
}

/**
 * The same columns in fresh buffers (listed in `transfer`): one copy can be transferred while the
 * other is kept. The strings are shared (they are immutable; a message copies them anyway).
 */
export function copyColumns(c: RecordColumns): EncodedRecords {
  const columns: RecordColumns = {
    length: c.length,
    ids: c.ids,
    idEnd: c.idEnd.slice(),
    stage: c.stage.slice(),
    precision: c.precision.slice(),
    lon: c.lon.slice(),
    lat: c.lat.slice(),
    segments: [...c.segments],
    segment: c.segment.slice(),
    counties: [...c.counties],
    county: c.county.slice(),
    zones: [...c.zones],
    zone: c.zone.slice(),
  };
  const { idEnd, stage, precision, lon, lat, segment, county, zone } = columns;
  const transfer = [idEnd, stage, precision, lon, lat, segment, county, zone].map(
    (a) => a.buffer as ArrayBuffer,
  );
  return { ...columns, transfer };
}

/** Rebuilds the records from their columns (equal to encodeRecords' input; see the note on NaN). */
export function decodeRecords(c: RecordColumns): AnalysisRecord[] {
  const out: AnalysisRecord[] = new Array(c.length);
  const lookup = (table: readonly string[], i: number): string | null => {
    if (i === -1) return null;
    const v = table[i];
    if (v === undefined) throw new RangeError(`string index ${i} out of range`);
    return v;
  };
  let start = 0;
  for (let i = 0; i < c.length; i++) {
    const end = c.idEnd[i]!;
    const stage = STAGES[c.stage[i]!];
    if (stage === undefined) throw new RangeError(`stage code ${c.stage[i]} out of range`);
    const lon = c.lon[i]!;
    const lat = c.lat[i]!;
    const rec: AnalysisRecord = {
      id: c.ids.slice(start, end),
      stage: stage as Stage,
      segment: lookup(c.segments, c.segment[i]!) as Segment | null,
      county: lookup(c.counties, c.county[i]!),
      zone: lookup(c.zones, c.zone[i]!),
      lon: Number.isNaN(lon) ? null : lon,
      lat: Number.isNaN(lat) ? null : lat,
    };
    const p = c.precision[i]!;
    if (p !== PRECISION_UNSET) {
      const precision = PRECISIONS[p];
      if (precision === undefined) throw new RangeError(`precision code ${p} out of range`);
      rec.precision = precision as Precision;
    }
    out[i] = rec;
    start = end;
  }
  return out;
}
