/// <reference lib="webworker" />
/**
 * Module Web Worker that fetches, parses and validates the data files off the main thread; started by
 * load.ts with `new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' })` (the
 * form Vite bundles, allowed by the strict CSP's `worker-src 'self'`). One job per worker: the page
 * starts one per load or import and ends it after the `done` or `error` message. Each chunk of
 * enterprises waits for the page's `next` (flow control: the page receives one chunk per task, and
 * never while this worker is serialising the next one).
 */
import { type ParseJob, runParseJob, type ToParseWorker } from './parse-job.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let wake: (() => void) | null = null;

scope.onmessage = (ev: MessageEvent<ToParseWorker>) => {
  const msg = ev.data;
  if (msg.type === 'next') {
    wake?.();
    wake = null;
    return;
  }
  const job: ParseJob = msg;
  void runParseJob(
    job,
    (m) => scope.postMessage(m),
    () =>
      new Promise<void>((resolve) => {
        wake = resolve;
      }),
  );
};
