/**
 * What the browser benchmarks (bench/browser.ts, bench/import-browser.ts) do in and around a page: the
 * `data-map-state` log installed before any script of the page, and the page's errors as a rejection.
 */
import type { Page } from 'playwright-core';

/** Generous: software WebGL on 2 cores, shared with other work. */
export const TIMEOUT_MS = 300_000;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * In the page before any of its scripts: the log of every `data-map-state` value (MutationObserver, so
 * no polling task is added to the page), and the helpers the benchmark calls.
 */
export const INIT = `(() => {
  const w = window;
  w.__name = (f) => f; // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name()
  const log = [];
  const listeners = new Set();
  const attr = () => document.documentElement && document.documentElement.getAttribute('data-map-state');
  new MutationObserver((records) => {
    const now = performance.now();
    const rs = records.filter((r) => r.target === document.documentElement);
    rs.forEach((r, i) => log.push([i + 1 < rs.length ? rs[i + 1].oldValue : attr(), now]));
    for (const l of [...listeners]) l();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-state'], attributeOldValue: true });
  const until = (test, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => { listeners.delete(check); reject(new Error('timed out waiting for ' + what)); }, ${TIMEOUT_MS});
    const check = () => {
      if (log.some(([v]) => v === 'error')) { listeners.delete(check); clearTimeout(timer); reject(new Error('data-map-state=error')); return; }
      const t = test();
      if (t !== undefined) { listeners.delete(check); clearTimeout(timer); resolve(t); }
    };
    listeners.add(check);
    check();
  });
  w.__bench = {
    log,
    /** performance.now() of the first ready. */
    firstReady: () => until(() => (log.find(([v]) => v === 'ready') || [])[1], 'the first data-map-state=ready'),
    /** performance.now() of the first ready after the state left ready, counting changes logged at or after since. */
    nextReady: (since) => until(() => {
      const after = log.filter(([, t]) => t >= since);
      const left = after.findIndex(([v]) => v !== 'ready');
      return left < 0 ? undefined : (after.slice(left).find(([v]) => v === 'ready') || [])[1];
    }, 'data-map-state to leave ready and come back'),
    /** Until the page is quiet: a pause, then an idle period of the main thread; resolves with its time. */
    settle: () => new Promise((r) => setTimeout(r, 500)).then(() => new Promise((r) => requestIdleCallback(() => r(performance.now()), { timeout: 5000 }))),
  };
})()`;

export interface Bench {
  __bench: {
    firstReady(): Promise<number>;
    nextReady(since: number): Promise<number>;
    settle(): Promise<number>;
  };
  bench: { whenReady: Promise<number>; toggle(stages: string[]): Promise<number> };
}

/** Rejects as soon as the page reports an error (uncaught exception, console.error, failed request, crash). */
export function watchErrors(page: Page, what: string): <T>(p: Promise<T>) => Promise<T> {
  let fail!: (e: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const report = (msg: string) => fail(new Error(`${what}: ${msg}`));
  page.on('pageerror', (e) => report(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && report(`console error: ${m.text()}`));
  page.on('requestfailed', (r) => report(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => r.status() >= 400 && report(`HTTP ${r.status()} for ${r.url()}`));
  page.on('crash', () => report('page crashed'));
  return (p) => Promise.race([p, failed]);
}
