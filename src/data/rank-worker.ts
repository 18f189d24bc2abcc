/// <reference lib="webworker" />
/**
 * Module Web Worker that ranks names for the list (name-rank.ts), started by rank.ts with
 * `new Worker(new URL('./rank-worker.ts', import.meta.url), { type: 'module' })`. Each job carries an id;
 * the ranks go back as a transferred buffer.
 */
import { nameRanks } from './name-rank.ts';

export interface RankJob {
  id: number;
  names: string[];
  ids: string[];
  locale: string;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (ev: MessageEvent<RankJob>) => {
  const { id, names, ids, locale } = ev.data;
  const rank = nameRanks(names, ids, locale);
  scope.postMessage({ id, rank }, [rank.buffer]);
};
