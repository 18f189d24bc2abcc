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
 * The page keeps one parse worker for every job (ParseWorker).
 * Never throws for bad rows: they come back as `rejected`, each naming the file, row and field; a file
 * that cannot be fetched or is not JSON rejects the promise.
 */
import type { ImportDone, ImportJob, ImportMessage, Inspection, InspectJob, RunJob } from './import/job.ts';
import type { RowError, RowWarning } from './normalize.ts';
import {
  type FileIssues,
  type FileRequest,
  type FromParseWorker,
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
  /** The worker to use; null: in-process. Default: the page's parse worker, where Worker exists. */
  worker?: ParseWorker | null;
  /** Enterprises per message from the worker (default parse-job.ts DEFAULT_CHUNK). */
  chunkSize?: number;
}

type Receiver = (m: ParseMessage | ImportMessage) => void;

/**
 * A parse worker and the jobs it runs, told apart by id. The page keeps one (started on first use)
 * for the load and every later import, so no job pays for a worker start-up. When it fails (cannot
 * start, unreadable message), every running job and every later one runs in-process.
 */
export class ParseWorker {
  private readonly jobs = new Map<number, { receive: Receiver; fallBack: () => void }>();
  private nextId = 1;
  private failed = false;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (ev: MessageEvent<FromParseWorker>) => {
      const { id, ...m } = ev.data;
      const job = this.jobs.get(id);
      if (!job) return;
      if (m.type === 'enterprises') worker.postMessage({ type: 'next', id } satisfies ToParseWorker);
      if (m.type === 'done' || m.type === 'error' || m.type === 'import-done' || m.type === 'inspected')
        this.jobs.delete(id);
      job.receive(m as ParseMessage | ImportMessage);
    };
    worker.onerror = worker.onmessageerror = (ev: Event) => {
      ev.preventDefault();
      this.failed = true;
      worker.terminate();
      const jobs = [...this.jobs.values()];
      this.jobs.clear();
      for (const j of jobs) j.fallBack();
    };
  }

  /** Run `job`, its messages to `receive`; `fallBack` (run it in-process) if the worker fails. */
  run(job: ParseJob | ImportJob, receive: Receiver, fallBack: () => void): void {
    if (this.failed) {
      fallBack();
      return;
    }
    const id = this.nextId++;
    this.jobs.set(id, { receive, fallBack });
    this.worker.postMessage({ ...job, id } satisfies ToParseWorker);
  }

  /** Stop the worker and every job it runs (an import's cancel button); `why` rejects them. */
  terminate(why: string): void {
    this.failed = true;
    this.worker.terminate();
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const j of jobs) j.receive({ type: 'error', message: why });
  }
}

/** A ParseWorker around `create()`, or null where it throws (e.g. a CSP that forbids the worker). */
export function startParseWorker(create: () => Worker): ParseWorker | null {
  try {
    return new ParseWorker(create());
  } catch {
    return null;
  }
}

let pageWorker: ParseWorker | null | undefined;

/** The page's parse worker, started on first use (null where Worker is undefined: Node, jsdom). */
function defaultWorker(): ParseWorker | null {
  if (pageWorker === undefined) {
    pageWorker =
      typeof Worker === 'undefined'
        ? null
        : startParseWorker(
            () => new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' }),
          );
  }
  return pageWorker;
}

/** Fetch (or take) and parse `files` in the parse worker, or in-process where it cannot run. */
export function parseFiles(files: FileRequest[], options: ParseFilesOptions = {}): Promise<ParsedFiles> {
  const job: ParseJob = {
    type: 'parse',
    files,
    ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
  };
  const worker = options.worker !== undefined ? options.worker : defaultWorker();
  return new Promise<ParsedFiles>((resolve, reject) => {
    let chunks: Enterprise[][] = [];
    let settled = false;
    const finish = () => {
      settled = true;
      options.onProgress?.(null);
    };
    const receive = (m: ParseMessage | ImportMessage) => {
      if (settled) return;
      if (m.type === 'progress') options.onProgress?.({ phase: m.phase, done: m.done, total: m.total });
      else if (m.type === 'enterprises') chunks.push(m.records);
      else if (m.type === 'error') {
        finish();
        reject(new Error(m.message));
      } else if (m.type === 'done') {
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
    // The same job in-process: where no worker runs, or when it fails.
    const inline = () => {
      chunks = [];
      void runParseJob(job, receive);
    };
    if (worker) worker.run(job, receive, inline);
    else inline();
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
  // A configured file that is JSON but not what it should be (no FeatureCollection, an empty CSV) is
  // as fatal as one that is not JSON: the page says so, naming the file, rather than show 0 firms (issue 9).
  for (const f of r.rejected) {
    const whole = f.errors.find((e) => e.row === 0);
    if (whole) throw new Error(`${f.file}: ${whole.message}`);
  }
  return {
    enterprises: r.enterprises,
    zones: r.zones,
    counties: r.geojson.counties as GeoJSON.FeatureCollection,
    prefecture: r.geojson.prefecture as GeoJSON.FeatureCollection,
    rejected: r.rejected,
    sample: r.sample,
  };
}

/** Raised by a cancelled import. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

/**
 * Run an import job (issue 7: inspect, or run) in the page's parse worker, or in-process. `signal`
 * cancels it: the worker is stopped (the next job starts a new one) and the promise rejects with
 * ImportCancelled.
 */
function importJob<T>(
  job: ImportJob,
  done: (m: ImportMessage, chunks: Enterprise[][]) => T | undefined,
  options: ParseFilesOptions & { signal?: AbortSignal } = {},
): Promise<T> {
  const worker = options.worker !== undefined ? options.worker : defaultWorker();
  return new Promise<T>((resolve, reject) => {
    let chunks: Enterprise[][] = [];
    let settled = false;
    const finish = () => {
      settled = true;
      options.onProgress?.(null);
    };
    const onAbort = () => {
      if (settled) return;
      finish();
      if (worker && worker === pageWorker) {
        worker.terminate('import cancelled');
        pageWorker = undefined;
      }
      reject(new ImportCancelled());
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const receive = (m: ParseMessage | ImportMessage) => {
      if (settled) return;
      if (m.type === 'progress') options.onProgress?.({ phase: m.phase, done: m.done, total: m.total });
      else if (m.type === 'enterprises') chunks.push(m.records);
      else if (m.type === 'error') {
        finish();
        reject(new Error(m.message));
      } else {
        const out = done(m as ImportMessage, chunks);
        if (out !== undefined) {
          finish();
          resolve(out);
        }
      }
    };
    const inline = () => {
      chunks = [];
      // The readers (exceljs, shpjs, togeojson…) stay out of the page's bundle: loaded only here.
      void import('./import/job.ts').then(({ runImportJob }) =>
        runImportJob(job, receive, () =>
          options.signal?.aborted
            ? Promise.reject(new ImportCancelled())
            : new Promise((r) => setTimeout(r, 0)),
        ),
      );
    };
    if (worker) worker.run(job, receive, inline);
    else inline();
  });
}

/** What the mapping step shows of a file (its kind, columns, guessed mapping, first rows). */
export function inspectImport(
  file: Omit<InspectJob, 'type'>,
  options: ParseFilesOptions & { signal?: AbortSignal } = {},
): Promise<Inspection> {
  return importJob(
    { type: 'import-inspect', ...file },
    (m) => (m.type === 'inspected' ? m : undefined),
    options,
  );
}

export interface ImportedFile extends Omit<ImportDone, 'type' | 'enterprises'> {
  enterprises: Enterprise[];
}

/** Read, validate and convert a file with the user's choices, off the main thread. */
export function runImport(
  job: Omit<RunJob, 'type'>,
  options: ParseFilesOptions & { signal?: AbortSignal } = {},
): Promise<ImportedFile> {
  return importJob<ImportedFile>(
    { type: 'import-run', ...job, ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}) },
    (m, chunks) => {
      if (m.type !== 'import-done') return undefined;
      const enterprises = chunks.flat();
      if (enterprises.length !== m.enterprises)
        throw new Error(`parse worker: ${enterprises.length} of ${m.enterprises} enterprises arrived`);
      return { kind: m.kind, zones: m.zones, report: m.report, enterprises };
    },
    options,
  );
}
