/**
 * Loading data files off the main thread: the page's side of the parse worker (parse-worker.ts).
 *
 *   const d = await loadData({ enterprises, zones, base: 'data/' }, { onProgress });
 *   const f = await parseFiles([{ key: 'f', name: file.name, role: 'enterprises', format: 'csv',
 *                                 source: { buffer: await file.arrayBuffer() } }]);    // an import
 *
 * A module worker fetches (URLs are made absolute against the page first), parses and validates with
 * THE parser (parse.ts, as the command-line scripts), and posts the enterprises in chunks that are put
 * together here, so that the page never spends one long task receiving 100,000 records. Where Worker is
 * undefined (Node, jsdom) or the worker fails to start, the same job (parse-job.ts) runs in-process.
 * Never throws for bad rows: they come back as `rejected`, each naming the file, row and field; a file
 * that cannot be fetched or is not JSON rejects the promise.
 */
import type { RowError, RowWarning } from './normalize.ts';
import {
  type FileIssues,
  type FileRequest,
  type LoadProgress,
  type ParseJob,
  type ParseMessage,
  runParseJob,
  type ToParseWorker,
} from './parse-job.ts';
import type { Enterprise, Zone } from './types.ts';

export interface LoadedData {
  enterprises: Enterprise[];
  zones: Zone[];
  counties: GeoJSON.FeatureCollection;
  prefecture: GeoJSON.FeatureCollection;
  rejected: FileIssues<RowError>[];
  /** True while any shown record comes from the synthetic sample generator. */
  sample: boolean;
}

export interface ParsedFiles {
  enterprises: Enterprise[];
  zones: Zone[];
  /** The `geojson` files by key, parsed. */
  geojson: Record<string, unknown>;
  rejected: FileIssues<RowError>[];
  warnings: FileIssues<RowWarning>[];
  sample: boolean;
}

export interface ParseFilesOptions {
  /** Fetch and parse progress; null once the result (or the error) is delivered. */
  onProgress?: (p: LoadProgress | null) => void;
  /** 'worker' (default where Worker exists) or 'inline' (in-process, the default elsewhere). */
  mode?: 'worker' | 'inline';
  /** Custom worker factory (tests, other bundlers). */
  createWorker?: () => Worker;
  /** Enterprises per message from the worker (default parse-job.ts DEFAULT_CHUNK). */
  chunkSize?: number;
}

function startWorker(options: ParseFilesOptions): Worker | null {
  if (options.mode === 'inline' || (!options.createWorker && typeof Worker === 'undefined')) return null;
  try {
    return options.createWorker
      ? options.createWorker()
      : new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Fetch (or take) and parse `files` in the parse worker, or in-process where it cannot run. */
export function parseFiles(files: FileRequest[], options: ParseFilesOptions = {}): Promise<ParsedFiles> {
  const job: ParseJob = {
    type: 'parse',
    files,
    ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
  };
  return new Promise<ParsedFiles>((resolve, reject) => {
    let chunks: Enterprise[][] = [];
    let settled = false;
    let worker = startWorker(options);
    const finish = () => {
      settled = true;
      worker?.terminate();
      options.onProgress?.(null);
    };
    const receive = (m: ParseMessage) => {
      if (settled) return;
      if (m.type === 'progress') options.onProgress?.({ phase: m.phase, done: m.done, total: m.total });
      else if (m.type === 'enterprises') chunks.push(m.records);
      else if (m.type === 'error') {
        finish();
        reject(new Error(m.message));
      } else {
        finish();
        const enterprises = chunks.flat();
        if (enterprises.length !== m.enterprises) {
          reject(new Error(`parse worker: ${enterprises.length} of ${m.enterprises} enterprises arrived`));
          return;
        }
        const { zones, geojson, rejected, warnings, sample } = m;
        resolve({ enterprises, zones, geojson, rejected, warnings, sample });
      }
    };
    const inline = () => {
      chunks = [];
      void runParseJob(job, receive);
    };
    if (!worker) {
      inline();
      return;
    }
    const w = worker;
    w.onmessage = (ev: MessageEvent<ParseMessage>) => {
      receive(ev.data);
      if (ev.data.type === 'enterprises' && !settled) w.postMessage({ type: 'next' } satisfies ToParseWorker);
    };
    // A worker that cannot start (or whose messages cannot be read): the same job, in-process.
    w.onerror = w.onmessageerror = (ev: Event) => {
      ev.preventDefault();
      w.onmessage = null;
      w.terminate();
      worker = null;
      if (!settled) inline();
    };
    w.postMessage(job);
  });
}

/** `url` made absolute against the page (a worker would resolve it against its own script). */
function absolute(url: string): string {
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  return base ? new URL(url, base).href : url;
}

/** The deployment's data files (relative URLs on the app's own origin), parsed off the main thread. */
export async function loadData(
  urls: { enterprises: string; zones: string; base: string },
  options: ParseFilesOptions = {},
): Promise<LoadedData> {
  const file = (key: string, role: FileRequest['role'], name: string): FileRequest => ({
    key,
    name,
    role,
    source: { url: absolute(name) },
  });
  const r = await parseFiles(
    [
      file('enterprises', 'enterprises', urls.enterprises),
      file('zones', 'zones', urls.zones),
      file('counties', 'geojson', `${urls.base}counties.geojson`),
      file('prefecture', 'geojson', `${urls.base}shangrao-prefecture.geojson`),
    ],
    options,
  );
  return {
    enterprises: r.enterprises,
    zones: r.zones,
    counties: r.geojson.counties as GeoJSON.FeatureCollection,
    prefecture: r.geojson.prefecture as GeoJSON.FeatureCollection,
    rejected: r.rejected,
    sample: r.sample,
  };
}
