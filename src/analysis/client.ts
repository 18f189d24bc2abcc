/**
 * The page's handle on the analysis: runs it in a module Web Worker (worker.ts) or, where Worker is
 * unavailable (Node tests, old browsers) or fails, in-process behind the same API. Free of Solid and
 * MapLibre.
 *
 *   const client = new AnalysisClient();
 *   const { resolvedZones } = await client.load(records, zones, studyArea);   // once per dataset
 *   const f = client.figures({ kind: 'stage', stage: 'midstream', maxDistanceKm: 1.5, minPoints: 3 }, filterIdx);
 *   // f is the figures themselves when they are known already (cache), else a promise of them
 *
 * `filterIdx` is the index array of the records passing every filter but the stage filter; it crosses
 * to the worker once (by identity) and is then named by a number. A request replaced by a newer one of
 * the same slot before it was computed rejects with SupersededError; a consumer that keys its requests
 * on their inputs (a Solid resource) drops a superseded answer by construction.
 */
import type { Zone } from '../data/types.ts';
import { type EncodedRecords, encodeRecords } from './columns.ts';
import type { FigureServer } from './figure-server.ts';
import type { DatasetFigures, FigureRequest, FigureResults, FromWorker, ToWorker } from './protocol.ts';
import { keyOf } from './protocol.ts';
import type { StudyArea } from './study-area-km2.ts';
import type { AnalysisRecord } from './types.ts';

/** Rejection reason of a request replaced by a newer one (or by a new load). */
export class SupersededError extends Error {
  readonly superseded = true;
  constructor() {
    super('superseded');
    this.name = 'SupersededError';
  }
}

/** True for the rejection of a superseded request. */
export function isSuperseded(e: unknown): e is SupersededError {
  return typeof e === 'object' && e !== null && (e as { superseded?: unknown }).superseded === true;
}

export interface AnalysisClientOptions {
  /**
   * 'worker' (default where `Worker` exists) or 'inline' (in-process; the default elsewhere).
   * A worker that fails to start or errors falls back to inline.
   */
  mode?: 'worker' | 'inline';
  /** Custom worker factory (tests, other bundlers). */
  createWorker?: () => Worker;
}

/** A request as the page makes it: the filter is given as its index array. */
export type Ask = FigureRequest extends infer R
  ? R extends FigureRequest
    ? Omit<R, 'filter'>
    : never
  : never;

/** Results kept on the page (answered without a message). */
const CACHE_SIZE = 64;
/** Filters remembered (re-sent to a fallback session). */
const FILTERS_KEPT = 8;

interface Pending {
  msg: Extract<ToWorker, { type: 'figures' }>;
  resolve: (r: unknown) => void;
  reject: (e: unknown) => void;
}

export class AnalysisClient {
  private worker: Worker | null = null;
  /** The in-process server, loaded on demand (its code stays out of the page's main chunk). */
  private inline: Promise<FigureServer> | null = null;
  private dataset = 0;
  private data: { records: readonly AnalysisRecord[]; zones: Zone[]; studyArea: StudyArea | null } | null =
    null;
  private loaded: { resolve: (f: DatasetFigures) => void; reject: (e: unknown) => void } | null = null;
  private readonly filterIds = new WeakMap<Uint32Array, number>();
  private filters: { id: number; indices: Uint32Array }[] = [];
  private nextFilter = 1;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cache = new Map<string, unknown>();

  constructor(options: AnalysisClientOptions = {}) {
    const canWork = typeof Worker !== 'undefined';
    if ((options.mode ?? (canWork ? 'worker' : 'inline')) === 'worker' && (canWork || options.createWorker)) {
      try {
        this.worker = options.createWorker
          ? options.createWorker()
          : new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
        this.worker.onmessage = (ev: MessageEvent<FromWorker>) => this.onReply(ev.data);
        this.worker.onerror = (ev) => {
          ev.preventDefault?.();
          this.fallBackInline();
        };
      } catch {
        this.worker = null;
      }
    }
    if (!this.worker) this.startInline();
  }

  /** Whether the analysis runs in a Web Worker (false: in-process). */
  get usesWorker(): boolean {
    return this.worker !== null;
  }

  /**
   * Sends the dataset (once per dataset; later indices refer to `records`) and resolves with what
   * depends on it alone. The worker gets the records as columns whose buffers are transferred
   * (cloning 100,000 objects would be a long task). Every pending request of an earlier dataset
   * rejects as superseded. `encoded`: these records' columns built ahead (encodeRecordsBuilder, in
   * slices), used once (their buffers are transferred) instead of encoding them here in one task.
   */
  load(
    records: readonly AnalysisRecord[],
    zones: Zone[],
    studyArea: StudyArea | null,
    encoded?: EncodedRecords | null,
  ): Promise<DatasetFigures> {
    this.dataset++;
    this.data = { records, zones, studyArea };
    this.cache.clear();
    this.filters = [];
    this.loaded?.reject(new SupersededError());
    for (const p of this.pending.values()) p.reject(new SupersededError());
    this.pending.clear();
    const done = new Promise<DatasetFigures>((resolve, reject) => {
      this.loaded = { resolve, reject };
    });
    if (this.worker) {
      // Columns built ahead, unless already sent (a transferred typed array has length 0).
      let columns: EncodedRecords | null =
        encoded &&
        records.length > 0 &&
        encoded.length === records.length &&
        encoded.idEnd.length === records.length
          ? encoded
          : null;
      try {
        columns ??= encodeRecords(records);
      } catch {
        this.fallBackInline(); // a value the columns cannot carry: the in-process session can
      }
      if (columns) {
        const { transfer, ...rest } = columns;
        this.post({ type: 'load', dataset: this.dataset, records: rest, zones, studyArea }, transfer);
      }
    } else {
      const d = this.dataset;
      void this.inline!.then((srv) => srv.loadRecords(d, records, zones, studyArea));
    }
    return done;
  }

  /**
   * The figures `ask` names over the records at `filterIdx`: the figures themselves when already
   * known (computed before, or ahead), else a promise of them.
   */
  figures<K extends Ask['kind']>(
    ask: Extract<Ask, { kind: K }>,
    filterIdx: Uint32Array,
  ): FigureResults[K] | Promise<FigureResults[K]> {
    const request = { ...ask, filter: this.filterId(filterIdx) } as FigureRequest;
    const key = keyOf(request);
    if (this.cache.has(key)) return this.remember(key, this.cache.get(key)) as FigureResults[K];
    const msg: Pending['msg'] = { type: 'figures', dataset: this.dataset, id: this.nextId++, request };
    return new Promise((resolve, reject) => {
      this.pending.set(msg.id, { msg, resolve: resolve as (r: unknown) => void, reject });
      this.post(msg);
    });
  }

  /** Stops the worker; pending requests reject as superseded. */
  dispose(): void {
    for (const p of this.pending.values()) p.reject(new SupersededError());
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  private filterId(indices: Uint32Array): number {
    let id = this.filterIds.get(indices);
    // New, or forgotten by the session (it keeps as many as this list): sent (again) under its number.
    if (id === undefined || !this.filters.some((f) => f.id === id)) {
      id ??= this.nextFilter++;
      this.filterIds.set(indices, id);
      // Kept for a fallback session; a second copy's buffer is transferred (the caller's stays intact).
      const kept = indices.slice();
      this.filters = [...this.filters.slice(1 - FILTERS_KEPT), { id, indices: kept }];
      const sent = kept.slice();
      this.post({ type: 'filter', dataset: this.dataset, filter: id, indices: sent }, [sent.buffer]);
    }
    return id;
  }

  private remember(key: string, value: unknown): unknown {
    this.cache.delete(key);
    this.cache.set(key, value);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return value;
  }

  /**
   * The page shows every figure it asked for: the worker may now compute ahead what one more stage
   * toggle would ask (never while a load or a change is being drawn). Any request stops it again.
   */
  quiet(): void {
    if (this.dataset > 0) this.post({ type: 'quiet', dataset: this.dataset });
  }

  private post(msg: ToWorker, transfer: Transferable[] = []): void {
    if (this.worker) this.worker.postMessage(msg, transfer);
    else void this.inline!.then((srv) => srv.receive(msg));
  }

  private onReply(reply: FromWorker): void {
    if (reply.type === 'loaded') {
      if (reply.dataset !== this.dataset) return;
      // A structured clone has Object's prototype again: ids like constructor must not read as zones.
      Object.setPrototypeOf(reply.figures.resolvedZones, null);
      this.loaded?.resolve(reply.figures);
      this.loaded = null;
      return;
    }
    if (reply.type === 'warm') {
      if (reply.dataset === this.dataset) this.remember(reply.key, reply.result);
      return;
    }
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.type === 'result') p.resolve(this.remember(reply.key, reply.result));
    else if (reply.type === 'superseded') p.reject(new SupersededError());
    else p.reject(new Error(reply.message));
  }

  private startInline(): void {
    this.inline = import('./figure-server.ts').then(({ createFigureServer }) =>
      createFigureServer((m) => this.onReply(m)),
    );
  }

  /** The worker failed: continue in-process with the same dataset, filters and pending requests. */
  private fallBackInline(): void {
    this.worker?.terminate();
    this.worker = null;
    this.startInline();
    const data = this.data;
    if (!data) return;
    const d = this.dataset;
    const filters = this.filters;
    const pending = [...this.pending.values()];
    void this.inline!.then((srv) => {
      srv.loadRecords(d, data.records, data.zones, data.studyArea);
      for (const f of filters) srv.receive({ type: 'filter', dataset: d, filter: f.id, indices: f.indices });
      for (const p of pending) srv.receive(p.msg);
    });
  }
}
