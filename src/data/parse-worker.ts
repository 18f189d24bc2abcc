/// <reference lib="webworker" />
/**
 * Module Web Worker that fetches, parses and validates the data files off the main thread; started by
 * load.ts with `new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' })` (the
 * form Vite bundles, allowed by the strict CSP's `worker-src 'self'`). The page keeps it for every job
 * (the load, each import); jobs and their messages carry an id. Each chunk of enterprises waits for the
 * page's `next` for that job (flow control: one chunk in flight, and the page never deserialises
 * while this worker serialises the next one).
 */
import { type ImportMessage, runImportJob } from './import/job.ts';
import { type FromParseWorker, type ParseMessage, runParseJob, type ToParseWorker } from './parse-job.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const wake = new Map<number, () => void>();

scope.onmessage = (ev: MessageEvent<ToParseWorker>) => {
  const msg = ev.data;
  const { id } = msg;
  if (msg.type === 'next') {
    wake.get(id)?.();
    wake.delete(id);
    return;
  }
  const post = (m: ParseMessage | ImportMessage) => scope.postMessage({ ...m, id } satisfies FromParseWorker);
  const next = () => new Promise<void>((resolve) => wake.set(id, resolve));
  if (msg.type === 'parse') void runParseJob(msg, post, next);
  else void runImportJob(msg, post, next); // issue 7: the import's inspect and run jobs
};
