/**
 * The analysis end of the protocol, whatever carries the messages: the Web Worker (worker.ts) posts
 * them, the client's in-process fallback calls it directly. Requests wait one task in a queue, so a
 * burst (fifty quick toggles) is answered by computing only the newest request of each slot; the
 * others are answered `superseded`, unseen. After location and co-location quotients for a set of
 * stages, once the page says it is quiet (it shows every figure it asked for), it computes them ahead
 * for the sets one more toggle would give (and posts them as `warm`), so the next stage toggle finds
 * its figures ready; a load or a change is never slowed by figures nobody asked for yet.
 */
import { CHAIN_STAGES, type ChainStage, type Zone } from '../data/types.ts';
import { decodeRecords } from './columns.ts';
import type { FigureRequest, FromWorker, ToWorker } from './protocol.ts';
import { keyOf, slotOf } from './protocol.ts';
import { createAnalysisSession } from './session.ts';
import type { StudyArea } from './study-area-km2.ts';
import type { AnalysisRecord } from './types.ts';

export interface FigureServer {
  receive(msg: ToWorker): void;
  /** A load without the columnar encoding (in-process: the records are already objects). */
  loadRecords(
    dataset: number,
    records: readonly AnalysisRecord[],
    zones: Zone[],
    studyArea: StudyArea | null,
  ): void;
}

/** The stage sets one toggle away from `stages`. */
function oneToggleAway(stages: readonly ChainStage[]): ChainStage[][] {
  return CHAIN_STAGES.map((st) =>
    stages.includes(st)
      ? stages.filter((x) => x !== st)
      : CHAIN_STAGES.filter((x) => x === st || stages.includes(x)),
  );
}

export function createFigureServer(
  post: (msg: FromWorker) => void,
  later: (f: () => void) => void = (f) => setTimeout(f, 0),
): FigureServer {
  const session = createAnalysisSession();
  let dataset = -1;
  let queue: { id: number; request: FigureRequest }[] = [];
  let draining = false;
  let ahead: FigureRequest[] = [];
  let warming = false;
  /** The page said it is quiet (ToWorker 'quiet') and has asked for nothing since. */
  let quiet = false;

  const drain = () => {
    draining = false;
    const batch = queue;
    queue = [];
    const newest = new Map<string, number>();
    for (const [i, q] of batch.entries()) newest.set(slotOf(q.request), i);
    for (const [i, q] of batch.entries()) {
      if (newest.get(slotOf(q.request)) !== i) {
        post({ type: 'superseded', id: q.id });
        continue;
      }
      try {
        const result = session.compute(q.request);
        post({ type: 'result', id: q.id, key: keyOf(q.request), result });
        const req = q.request;
        if (req.kind === 'cross' || req.kind === 'segments') {
          // The same kind for the stage sets one toggle away (the other kind's queue is kept).
          const { filter, kind } = req;
          ahead = [
            ...ahead.filter((r) => r.kind !== kind),
            ...oneToggleAway(req.stages).map((stages) => ({ kind, filter, stages })),
          ];
        }
      } catch (e) {
        post({ type: 'error', id: q.id, message: e instanceof Error ? e.message : String(e) });
      }
    }
    warm();
  };
  const warm = () => {
    if (warming || !quiet || ahead.length === 0) return;
    warming = true;
    later(() => {
      warming = false;
      if (queue.length > 0 || !quiet) return; // asked-for work first; warmed again once quiet
      const req = ahead.shift();
      if (!req) return;
      try {
        if (!session.has(req)) post({ type: 'warm', dataset, key: keyOf(req), result: session.compute(req) });
      } catch {
        // a filter that is gone: nothing to warm
      }
      warm();
    });
  };
  const load = (
    d: number,
    records: readonly AnalysisRecord[],
    zones: Zone[],
    studyArea: StudyArea | null,
  ) => {
    dataset = d;
    ahead = [];
    quiet = false;
    for (const q of queue) post({ type: 'superseded', id: q.id });
    queue = [];
    post({ type: 'loaded', dataset: d, figures: session.load(records, zones, studyArea) });
  };

  return {
    loadRecords: load,
    receive(msg) {
      if (msg.type === 'load') return load(msg.dataset, decodeRecords(msg.records), msg.zones, msg.studyArea);
      if (msg.dataset !== dataset) {
        if (msg.type === 'figures') post({ type: 'superseded', id: msg.id });
        return;
      }
      if (msg.type === 'filter') return session.setFilter(msg.filter, msg.indices);
      if (msg.type === 'quiet') {
        quiet = true;
        return warm();
      }
      quiet = false;
      queue.push({ id: msg.id, request: msg.request });
      if (!draining) {
        draining = true;
        later(drain);
      }
    },
  };
}
