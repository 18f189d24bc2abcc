/**
 * The page's handle on the analysis: runs it in a module Web Worker (worker.ts) or, where Worker is
 * unavailable (Node tests, old browsers) or fails, in-process behind the same asynchronous API.
 * Free of Solid and MapLibre.
 *
 *   const client = new AnalysisClient();
 *   client.load(records, zones, studyArea);              // once per dataset
 *   try { const r = await client.analyze(visibleIdx, chainIdx, params); … }
 *   catch (e) { if (!isSuperseded(e)) throw e; }        // a newer request replaced this one
 *
 * Supersession: at most one request is computing; a request made while another computes waits, and a
 * newer one replaces it (the replaced promise rejects with a SupersededError at once). A request still
 * computing when a newer one arrives is not interrupted, but its promise rejects as superseded when it
 * ends, so only the newest request's result is ever delivered. load() supersedes every pending request.
 */
import type { Zone } from '../data/types.ts';
import { encodeRecords } from './columns.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { type AnalysisSession, createAnalysisSession } from './session.ts';
import type { StudyArea } from './study-area-km2.ts';
import type { AnalysisParams, AnalysisRecord, AnalysisResult } from './types.ts';

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

interface Request {
  id: number;
  visibleIdx: Uint32Array;
  chainIdx: Uint32Array;
  params: Partial<AnalysisParams> | undefined;
  resolve: (r: AnalysisResult) => void;
  reject: (e: unknown) => void;
  /** The index buffers were transferred to the worker (detached here). */
  transferred: boolean;
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

export class AnalysisClient {
  private worker: Worker | null = null;
  private inline: AnalysisSession | null = null;
  /** The dataset as given (kept for an in-process fallback; the worker gets it as columns). */
  private dataset: { records: AnalysisRecord[]; zones: Zone[]; studyArea: StudyArea | null } = {
    records: [],
    zones: [],
    studyArea: null,
  };
  private nextId = 1;
  private inFlight: Request | null = null;
  private pending: Request | null = null;
  /** Requests made before the newest one must not resolve. */
  private newestId = 0;
  /** The worker has answered once: until then copies are sent, so a failing worker can be replaced. */
  private workerProven = false;

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
    if (!this.worker) this.inline = createAnalysisSession();
  }

  /** Whether the analysis runs in a Web Worker (false: in-process). */
  get usesWorker(): boolean {
    return this.worker !== null;
  }

  /**
   * Sends the dataset (once per dataset); indices of later requests refer to `records`. The worker
   * gets the records as columns (columns.ts) whose buffers are transferred: cloning 100,000 objects
   * would block the main thread for a long task. `records` itself is kept, not modified.
   */
  load(records: AnalysisRecord[], zones: Zone[], studyArea: StudyArea | null): void {
    this.dataset = { records, zones, studyArea };
    this.newestId = this.nextId; // every earlier request is now stale
    if (this.pending) {
      this.pending.reject(new SupersededError());
      this.pending = null;
    }
    if (this.worker) {
      let encoded: ReturnType<typeof encodeRecords>;
      try {
        encoded = encodeRecords(records);
      } catch {
        this.fallBackInline(); // a value the columns cannot carry: the in-process session can
        return;
      }
      const { transfer, ...columns } = encoded;
      const msg: ToWorker = { type: 'load', records: columns, zones, studyArea };
      this.worker.postMessage(msg, transfer);
    } else this.inline!.load(records, zones, studyArea);
  }

  /**
   * Analyses the loaded records at `visibleIdx` (after every filter) and `chainIdx` (every filter
   * but the stage filter; used for chain completeness). The arrays' buffers are TRANSFERRED to the
   * worker (detached here): pass fresh arrays. Rejects with SupersededError when a newer request
   * (or load) replaces it.
   */
  analyze(
    visibleIdx: Uint32Array,
    chainIdx: Uint32Array,
    params?: Partial<AnalysisParams>,
  ): Promise<AnalysisResult> {
    return new Promise<AnalysisResult>((resolve, reject) => {
      const req: Request = {
        id: this.nextId++,
        visibleIdx,
        chainIdx,
        params,
        resolve,
        reject,
        transferred: false,
      };
      this.newestId = req.id;
      if (this.pending) this.pending.reject(new SupersededError());
      this.pending = req;
      this.pump();
    });
  }

  /** Stops the worker; pending requests reject as superseded. */
  dispose(): void {
    this.pending?.reject(new SupersededError());
    this.inFlight?.reject(new SupersededError());
    this.pending = null;
    this.inFlight = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private pump(): void {
    if (this.inFlight || !this.pending) return;
    const req = this.pending;
    this.pending = null;
    this.inFlight = req;
    if (this.worker) {
      // Until the worker has proven to run, send copies and keep the originals for a fallback.
      const same = req.visibleIdx === req.chainIdx;
      const visibleIdx = this.workerProven ? req.visibleIdx : req.visibleIdx.slice();
      const chainIdx = same ? visibleIdx : this.workerProven ? req.chainIdx : req.chainIdx.slice();
      const msg: ToWorker = { type: 'analyze', id: req.id, visibleIdx, chainIdx, params: req.params };
      const transfer = [...new Set([visibleIdx.buffer, chainIdx.buffer])].filter(
        (b): b is ArrayBuffer => b instanceof ArrayBuffer,
      );
      req.transferred = this.workerProven;
      this.worker.postMessage(msg, transfer);
    } else {
      // In-process: run on a later task so that requests made in the same tick supersede this one.
      setTimeout(() => {
        if (this.inFlight !== req) return;
        if (req.id < this.newestId) {
          this.onReply({ type: 'error', id: req.id, message: 'superseded' });
          return;
        }
        let reply: FromWorker;
        try {
          reply = {
            type: 'result',
            id: req.id,
            result: this.inline!.analyze(req.visibleIdx, req.chainIdx, req.params),
          };
        } catch (e) {
          reply = { type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) };
        }
        this.onReply(reply);
      }, 0);
    }
  }

  private onReply(reply: FromWorker): void {
    const req = this.inFlight;
    if (!req || req.id !== reply.id) return;
    if (this.worker) this.workerProven = true;
    this.inFlight = null;
    if (req.id < this.newestId) req.reject(new SupersededError());
    else if (reply.type === 'result') req.resolve(reply.result);
    else req.reject(new Error(reply.message));
    this.pump();
  }

  /** The worker failed: continue in-process with the same dataset, re-running the request in flight. */
  private fallBackInline(): void {
    this.worker?.terminate();
    this.worker = null;
    this.inline = createAnalysisSession();
    this.inline.load(this.dataset.records, this.dataset.zones, this.dataset.studyArea);
    const req = this.inFlight;
    this.inFlight = null;
    if (req) {
      if (req.id < this.newestId) req.reject(new SupersededError());
      else if (req.transferred) req.reject(new Error('analysis worker failed; please retry'));
      else this.pending ??= req;
    }
    this.pump();
  }
}
