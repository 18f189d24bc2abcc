/**
 * The import's two jobs, run by the parse worker (parse-worker.ts) or in-process (load.ts): `inspect`
 * reads the file and answers what the mapping step shows (kind, columns, guessed mapping, the first
 * rows, encoding, sheets); `run` reads it with the user's choices, validates and converts every row, and
 * posts progress, the enterprises in chunks (as the data load does) and the report. The table read by
 * `inspect` is kept for the `run` of the same file and choices, so a 100,000-row workbook is read once.
 */
import type { Crs } from '../crs.ts';
import type { Enterprise, Precision, Zone } from '../types.ts';
import type { Encoding } from './decode.ts';
import { importEnterprises } from './enterprises.ts';
import { guessFileMapping, type ImportKind, type ReadFile, readImportFile } from './read.ts';
import type { ImportReport } from './report.ts';
import type { Cell } from './table.ts';
import type { ImportField, ZoneField } from './vocabulary.ts';
import { importZones } from './zones.ts';

export interface ImportFileRef {
  name: string;
  bytes: ArrayBuffer;
  encoding?: Encoding;
  sheet?: string;
}

export interface InspectJob extends ImportFileRef {
  type: 'import-inspect';
}

export interface RunJob extends ImportFileRef {
  type: 'import-run';
  kind: ImportKind;
  mapping: string[];
  crs: Crs;
  precision?: Precision;
  /** The zones a registry's zone column joins to. */
  zones: Zone[];
  chunkSize?: number;
  /**
   * Keep the result in IndexedDB from here (persist.ts), so that the page never structured-clones
   * 100,000 records on its main thread: the time of the import. A registry only (a zone file's result
   * needs the page's enterprises).
   */
  persistSince?: string;
}

export type ImportJob = InspectJob | RunJob;

export interface Inspection {
  type: 'inspected';
  kind: ImportKind;
  format: string;
  columns: string[];
  mapping: string[];
  preview: Cell[][];
  previewRows: number[];
  rows: number;
  encoding?: { encoding: Encoding; by: string };
  sheets?: string[];
  sheet?: string;
}

export interface ImportDone {
  type: 'import-done';
  kind: ImportKind;
  zones: Zone[];
  report: ImportReport;
  enterprises: number;
}

export type ImportMessage =
  | { type: 'progress'; phase: 'fetch' | 'parse'; done: number; total: number | null }
  | { type: 'enterprises'; records: Enterprise[] }
  | Inspection
  | ImportDone
  | { type: 'error'; message: string };

export const PREVIEW_ROWS = 5;

let cache: { key: string; bytes: ArrayBuffer; file: ReadFile } | null = null;

/**
 * The table of the file, read again unless the last `inspect` read these very bytes with these choices:
 * a file saved again under the same name and size (one digit corrected) is a new file.
 */
async function read(f: ImportFileRef): Promise<ReadFile> {
  const key = `${f.name}|${f.encoding ?? ''}|${f.sheet ?? ''}`;
  if (cache?.key !== key || !sameBytes(cache.bytes, f.bytes))
    cache = { key, bytes: f.bytes, file: await readImportFile(f.name, new Uint8Array(f.bytes), f) };
  return cache.file;
}

/** Byte-for-byte equality, 4 bytes at a time where both buffers allow it (14 MB: a few ms). */
export function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  if (a === b) return true;
  if (a.byteLength !== b.byteLength) return false;
  const words = a.byteLength >>> 2;
  const wa = new Uint32Array(a, 0, words);
  const wb = new Uint32Array(b, 0, words);
  for (let i = 0; i < words; i++) if (wa[i] !== wb[i]) return false;
  const ta = new Uint8Array(a);
  const tb = new Uint8Array(b);
  for (let i = words << 2; i < a.byteLength; i++) if (ta[i] !== tb[i]) return false;
  return true;
}

export async function runImportJob(
  job: ImportJob,
  post: (m: ImportMessage) => void,
  next: () => Promise<void> = async () => {},
): Promise<void> {
  try {
    post({ type: 'progress', phase: 'parse', done: 0, total: null });
    const { kind, table } = await read(job);
    if (job.type === 'import-inspect') {
      post({
        type: 'inspected',
        kind,
        format: table.format,
        columns: table.columns,
        mapping: guessFileMapping(kind, table.columns),
        preview: table.rows.slice(0, PREVIEW_ROWS),
        previewRows: table.rowNumbers.slice(0, PREVIEW_ROWS),
        rows: table.rows.length,
        ...(table.encoding ? { encoding: table.encoding } : {}),
        ...(table.sheets ? { sheets: table.sheets } : {}),
        ...(table.sheet ? { sheet: table.sheet } : {}),
      });
      return;
    }
    cache = null; // the run is the table's last use
    if (job.kind === 'zones') {
      const z = importZones(table, job.mapping as (ZoneField | '')[], { file: job.name, crs: job.crs });
      post({ type: 'import-done', kind: 'zones', zones: z.zones, report: z.report, enterprises: 0 });
      return;
    }
    const r = importEnterprises(table, job.mapping as (ImportField | '')[], {
      file: job.name,
      crs: job.crs,
      ...(job.precision ? { precision: job.precision } : {}),
      zones: job.zones,
      onProgress: (done, total) => post({ type: 'progress', phase: 'parse', done, total }),
    });
    const size = Math.max(1, job.chunkSize ?? 5000);
    for (let k = 0; k < r.records.length; k += size) {
      post({ type: 'enterprises', records: r.records.slice(k, k + size) });
      await next();
    }
    if (job.persistSince) {
      const { saveDataset } = await import('../persist.ts');
      await saveDataset({
        name: job.name,
        since: job.persistSince,
        enterprises: r.records,
        zones: r.zones,
        sample: false,
      }).catch((e: unknown) => console.warn('[belt] could not keep the import in this browser', e));
    }
    post({
      type: 'import-done',
      kind: 'enterprises',
      zones: r.zones,
      report: r.report,
      enterprises: r.records.length,
    });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
