/**
 * One parse job: fetch (or take) the data files, parse and validate them with THE parser (parse.ts, the
 * one the command-line scripts use), and report through `post`. The module worker (parse-worker.ts)
 * runs it on each request; load.ts runs the very same function in-process where no worker can start.
 * Free of the DOM: it runs in a worker, on the main thread and in Node.
 *
 * Messages, in order: `progress` (fetch: bytes received over every fetched file, against the sum of
 * their Content-Lengths once every response has one — null while unknown or compressed; parse: rows of
 * the current enterprise file), then the enterprises in `enterprises` chunks of at most `chunkSize`
 * plain records (so that no single structured-clone receive on the page is long), each sent only after
 * `next()` resolved for the one before (the worker waits for the page's `next` message: one chunk in
 * flight, and the page never deserialises while the worker serialises), then one `done` with the zones,
 * the other GeoJSON files, the rejected rows and the warnings, or one `error`.
 */
import type { ImportJob, ImportMessage } from './import/job.ts';
import type { RowError, RowWarning } from './normalize.ts';
import {
  type ParseOptions,
  parseEnterprisesCSV,
  parseEnterprisesGeoJSON,
  parseZonesGeoJSON,
} from './parse.ts';
import type { Enterprise, Zone } from './types.ts';

/** Where a file's bytes come from: an absolute URL to fetch, or what the page already holds. */
export type FileSource = { url: string } | { text: string } | { buffer: ArrayBuffer };

export interface FileRequest {
  /** Key of a `geojson` file in the result. */
  key: string;
  /** Names the file in rejections and errors: the URL as configured, or the chosen file's name. */
  name: string;
  /** enterprises and zones are parsed into records; geojson is returned as parsed JSON. */
  role: 'enterprises' | 'zones' | 'geojson';
  /** Format of an enterprises file (default geojson). */
  format?: 'geojson' | 'csv';
  /** Text encoding of fetched or buffered bytes (default utf-8; a BOM is dropped). */
  encoding?: string;
  source: FileSource;
  /** crs, defaultSource (the import's choices). */
  options?: Omit<ParseOptions, 'onProgress'>;
}

export interface ParseJob {
  type: 'parse';
  files: FileRequest[];
  /** Enterprises per `enterprises` message (default DEFAULT_CHUNK). */
  chunkSize?: number;
}

export interface LoadProgress {
  phase: 'fetch' | 'parse';
  done: number;
  total: number | null;
}

export interface FileIssues<T> {
  file: string;
  errors: T[];
}

export interface ParseDone {
  type: 'done';
  zones: Zone[];
  geojson: Record<string, unknown>;
  /** Per record file with rejected rows, in request order. */
  rejected: FileIssues<RowError>[];
  warnings: FileIssues<RowWarning>[];
  /** Enterprises sent in the chunks before this message (the page checks its assembly). */
  enterprises: number;
  /** True when any enterprise comes from the synthetic sample generator. */
  sample: boolean;
}

export type ParseMessage =
  | ({ type: 'progress' } & LoadProgress)
  | { type: 'enterprises'; records: Enterprise[] }
  | ParseDone
  | { type: 'error'; message: string };

/** What the page sends the worker: jobs (by id), and `next` after each chunk of a job it has taken. */
export type ToParseWorker = ((ParseJob | ImportJob) & { id: number }) | { type: 'next'; id: number };
/** What the worker sends back: a job's messages, with its id (an import's too, issue 7). */
export type FromParseWorker = (ParseMessage | ImportMessage) & { id: number };

/**
 * 2,500 records: an 8–10 ms receive in Chromium on this 2-core machine when quiet (5,000 took 15–20 ms,
 * and over 50 ms when the machine was busy: README, Performance, a dataset's arrival).
 */
export const DEFAULT_CHUNK = 2500;
/** Least time between two fetch-progress messages. */
const PROGRESS_MS = 50;

export function isSyntheticSource(source: string): boolean {
  return /synthetic sample|示例数据/i.test(source);
}

/**
 * Read a response body to text, reporting each chunk's byte count. The bytes are counted on one branch
 * of the body (a reader) while a clone's arrayBuffer() takes them: read through a reader alone, the
 * request often ended as net::ERR_ABORTED in Chromium though every byte had come (the loader was let go
 * before the network reported completion; the clone's native reader waits for it).
 */
async function readBody(res: Response, encoding: string, onBytes: (n: number) => void): Promise<string> {
  const count = async (reader: ReadableStreamDefaultReader<Uint8Array> | undefined) => {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return;
      onBytes(chunk.value.byteLength);
    }
  };
  const [bytes] = await Promise.all([res.clone().arrayBuffer(), count(res.body?.getReader())]);
  if (!res.body) onBytes(bytes.byteLength);
  return new TextDecoder(encoding).decode(bytes);
}

/** The byte count a response will deliver, where the headers say so (not for compressed bodies). */
function expectedBytes(res: Response): number | null {
  const enc = res.headers.get('Content-Encoding');
  const len = res.headers.get('Content-Length');
  if ((enc && enc !== 'identity') || len === null || !/^\d+$/.test(len)) return null;
  return Number(len);
}

/** Every file's text, fetching URL sources in parallel with one byte progress over all of them. */
async function texts(files: FileRequest[], post: (m: ParseMessage) => void): Promise<string[]> {
  const fetched = files.filter((f) => 'url' in f.source);
  const totals: (number | null | undefined)[] = fetched.map(() => undefined);
  let done = 0;
  let last = -Infinity;
  const report = (force: boolean) => {
    const now = performance.now();
    if (!force && now - last < PROGRESS_MS) return;
    last = now;
    const known = totals.every((t) => typeof t === 'number');
    const total = known ? (totals as number[]).reduce((s, t) => s + t, 0) : null;
    post({ type: 'progress', phase: 'fetch', done, total });
  };
  if (fetched.length) report(true);
  const out = await Promise.all(
    files.map(async (f) => {
      const encoding = f.encoding ?? 'utf-8';
      const src = f.source;
      if ('text' in src) return src.text;
      if ('buffer' in src) return new TextDecoder(encoding).decode(src.buffer);
      const res = await fetch(src.url);
      if (!res.ok) throw new Error(`${f.name}: HTTP ${res.status}`);
      totals[fetched.indexOf(f)] = expectedBytes(res);
      return readBody(res, encoding, (n) => {
        done += n;
        report(false);
      });
    }),
  );
  if (fetched.length) report(true);
  return out;
}

function json(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Run one job, posting progress, the enterprise chunks and the outcome (never throws). `next` resolves
 * when the receiver takes the next chunk (default: at once, as in-process).
 */
export async function runParseJob(
  job: ParseJob,
  post: (m: ParseMessage) => void,
  next: () => Promise<void> = async () => {},
): Promise<void> {
  try {
    const chunkSize = Math.max(1, job.chunkSize ?? DEFAULT_CHUNK);
    const all = await texts(job.files, post);
    const out: ParseDone = {
      type: 'done',
      zones: [],
      geojson: {},
      rejected: [],
      warnings: [],
      enterprises: 0,
      sample: false,
    };
    for (const [i, f] of job.files.entries()) {
      const text = all[i]!;
      all[i] = ''; // let the text go once parsed
      if (f.role === 'geojson') {
        out.geojson[f.key] = json(text, f.name);
        continue;
      }
      let r: { rejected: RowError[]; warnings: RowWarning[] };
      if (f.role === 'zones') {
        const zones = parseZonesGeoJSON(json(text, f.name), f.options);
        out.zones.push(...zones.records);
        r = zones;
      } else {
        const options = {
          ...f.options,
          onProgress: (done: number, total: number) =>
            post({ type: 'progress', phase: 'parse', done, total }),
        };
        const ents =
          f.format === 'csv'
            ? parseEnterprisesCSV(text, options)
            : parseEnterprisesGeoJSON(json(text, f.name), options);
        for (let k = 0; k < ents.records.length; k += chunkSize) {
          post({ type: 'enterprises', records: ents.records.slice(k, k + chunkSize) });
          await next();
        }
        out.enterprises += ents.records.length;
        out.sample ||= ents.records.some((e) => isSyntheticSource(e.source));
        r = ents;
      }
      if (r.rejected.length) out.rejected.push({ file: f.name, errors: r.rejected });
      if (r.warnings.length) out.warnings.push({ file: f.name, errors: r.warnings });
    }
    post(out);
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
