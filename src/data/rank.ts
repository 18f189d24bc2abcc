/**
 * Ranks names for the list off the main thread: in rank-worker.ts where a Worker can run and the list is
 * large, else at once in-process (small lists, Node, jsdom). A job's answer resolves its own promise.
 */
import { nameRanks } from './name-rank.ts';
import type { RankJob } from './rank-worker.ts';

/** Below this many names the ranking is a few milliseconds: done at once, on the page. */
export const RANK_IN_WORKER_FROM = 5_000;

let worker: Worker | null | undefined;
const waiting = new Map<number, (rank: Uint32Array) => void>();
let jobs = 0;

function rankWorker(): Worker | null {
  if (worker === undefined) {
    try {
      worker =
        typeof Worker === 'undefined'
          ? null
          : new Worker(new URL('./rank-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
    }
    worker?.addEventListener('message', (ev: MessageEvent<{ id: number; rank: Uint32Array }>) => {
      waiting.get(ev.data.id)?.(ev.data.rank);
      waiting.delete(ev.data.id);
    });
  }
  return worker;
}

/** The rank of each name in `locale`'s collation, ties by id: at once, or from the worker. */
export function rankNames(
  names: string[],
  ids: string[],
  locale: string,
): Uint32Array | Promise<Uint32Array> {
  const w = names.length >= RANK_IN_WORKER_FROM ? rankWorker() : null;
  if (!w) return nameRanks(names, ids, locale);
  const id = ++jobs;
  return new Promise<Uint32Array>((resolve) => {
    waiting.set(id, resolve);
    w.postMessage({ id, names, ids, locale } satisfies RankJob);
  });
}
