/// <reference lib="webworker" />
/**
 * Module Web Worker running the analysis off the main thread; started by client.ts with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`. All it does is carry
 * messages to and from the figure server.
 */
import { createFigureServer } from './figure-server.ts';
import type { ToWorker } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const server = createFigureServer((msg) => scope.postMessage(msg));
scope.onmessage = (ev: MessageEvent<ToWorker>) => server.receive(ev.data);
