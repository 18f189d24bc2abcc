/// <reference lib="webworker" />
/**
 * Module Web Worker running the analysis off the main thread; started by client.ts with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 * The client keeps at most one request in flight (newer requests supersede queued ones), so the
 * worker never computes a stale request that it could have skipped.
 */
import { decodeRecords } from './columns.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { createAnalysisSession } from './session.ts';

const session = createAnalysisSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'load') {
    session.load(decodeRecords(msg.records), msg.zones, msg.studyArea);
    return;
  }
  let reply: FromWorker;
  try {
    reply = { type: 'result', id: msg.id, result: session.analyze(msg.visibleIdx, msg.chainIdx, msg.params) };
  } catch (e) {
    reply = { type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(reply);
};
