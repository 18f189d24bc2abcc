/**
 * npm run bench:browser (the second part of npm run bench) — the built site in headless Chromium against
 * two MapLibre baselines, in the same run, on the same seeded sample enterprises:
 *   - bare:         MapLibre with the points in one circle layer (bench/bare/);
 *   - same-content: MapLibre alone drawing the app's map content (points by stage, county fills and
 *                   lines, prefecture, neighbours, water, township and county labels, zones), toggled
 *                   with setFilter (bench/same-content/): the budgets' reference;
 *   - ours:         the site as built (dist/), under the strict CSP.
 * At each n of BENCH_BROWSER_SIZES (default 10000,100000), median of BENCH_BROWSER_RUNS (default 5; at
 * most 3 at 100,000) fresh page loads, interleaved (bare, same-content, ours, bare, …), each measuring:
 *   - load → ready (ours: `<html data-map-state="ready">`; baselines: first `idle` with every source loaded);
 *   - stage toggle → ready, twice a load: midstream off (measured), back on (its tasks counted too);
 *     ours by clicking `input[data-stage-filter=midstream]`, baselines by setFilter → idle;
 *   - ours only: an analysis-parameter change (DBSCAN minPoints 3 → 4) → ready;
 *   - for the load and each change, from a Chrome trace of the page's main thread: the longest task, and
 *     the longest once the main thread's waits on the (software) GPU are taken out, "own work" (see
 *     `isGpuWait`), and the longest main-thread CPU time of a task; for the load also the number of own
 *     long tasks (> 50 ms). A phase runs from its start until the page is quiet again (`settle`).
 * Every page is traced the same way; the baselines draw their map at the size of the app's map (measured
 * on an unmeasured warm-up load of each page), so all three rasterise the same pixels.
 * Prints a Markdown table (the README's) and one line per budget; writes bench/browser-results.json.
 * BENCH_BROWSER_TRACES=<folder> keeps each page's trace.
 * Exits 0 whether or not the budgets are met (a benchmark reports); a page or console error fails it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
// @ts-expect-error plain ES module without types
import { ensureChromium } from '../scripts/ensure-chromium.mjs';
import { ARGS } from '../test/e2e/harness-args.ts';
import { type Mount, startServer } from '../test/e2e/server.ts';
import { type Task, type TraceEvent, tasksOf, threadEvents } from './lib/main-thread.ts';
import { type Bench, INIT, median, TIMEOUT_MS, watchErrors } from './lib/page.ts';
import { sampleMount } from './lib/sample-mount.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_BROWSER_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
const SEED = 20261129;
/** A folder to keep every page's Chrome trace in (open them in DevTools' Performance panel). */
const TRACES = process.env.BENCH_BROWSER_TRACES;
/** Stage toggles (off, then back on) per page load; each "off" is one sample of the toggle time. */
const TOGGLES = 2;
const LONG_TASK_MS = 50;
const VIEWPORT = { width: 1280, height: 800 };
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'gpu'];

const IMPLS = ['bare', 'same-content', 'ours'] as const;
type Impl = (typeof IMPLS)[number];

/** Main-thread tasks of one phase: the load or one change, from its start until the page is quiet again. */
interface PhaseTasks {
  /** Longest task, ms. */
  longest: number;
  /** Longest task without its waits on the GPU process, ms. */
  longestOwn: number;
  /**
   * Longest main-thread CPU time of a task, ms (its GPU waits take none). Unlike the wall times, not
   * inflated when other processes take the CPU from the page: the figure to read on a busy machine.
   */
  longestCpu: number;
  /** Tasks whose own work exceeds LONG_TASK_MS. */
  ownLong: number;
  /** Tasks whose CPU time exceeds LONG_TASK_MS. */
  cpuLong: number;
}

/** One fresh page load. */
interface Run {
  load_ms: number;
  load: PhaseTasks;
  /** ms of each measured "midstream off". */
  toggle_ms: number[];
  /** Worst over the toggles of this load, off and on. */
  toggle: PhaseTasks;
  param_ms: number | null;
  param: PhaseTasks | null;
  heap_mb: number;
}

interface Row {
  n: number;
  impl: Impl;
  runs: number;
  /** Medians. */
  load_ms: number;
  toggle_ms: number;
  param_ms: number | null;
  /** Worst run. */
  load_longest_task_ms: number;
  load_longest_own_ms: number;
  load_longest_cpu_ms: number;
  load_own_long_tasks: number;
  load_cpu_long_tasks: number;
  toggle_longest_task_ms: number;
  toggle_longest_own_ms: number;
  toggle_longest_cpu_ms: number;
  param_longest_task_ms: number | null;
  param_longest_own_ms: number | null;
  param_longest_cpu_ms: number | null;
  heap_mb: number;
  samples: { load_ms: number[]; toggle_ms: number[]; param_ms: number[] };
}

/** Builds the site and the baseline pages, writes the data; the mounts to serve, and the data folder. */
async function prepare(): Promise<{ mounts: Mount[]; dir: string }> {
  console.log('building dist/ and the baseline pages…');
  await build({ root: ROOT, logLevel: 'warn' });
  const mounts: Mount[] = [];
  for (const page of ['bare', 'same-content']) {
    const outDir = resolve(ROOT, `dist-bench/${page}`);
    await build({
      root: resolve(ROOT, `bench/${page}`),
      base: './',
      configFile: false,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1200 },
    });
    mounts.push({ prefix: `/${page}/`, root: outDir });
  }
  const dir = mkdtempSync(join(tmpdir(), 'belt-bench-'));
  for (const n of SIZES) {
    // The app as built (its data/ is geodata/), reading the benchmark's data through belt.config.json.
    mounts.push(sampleMount(dir, n, SEED).mount);
  }
  return { mounts, dir };
}

/** The page of `impl` at n; the baselines load the very URLs the app loads, at the app's map size. */
function pageUrl(impl: Impl, n: number, size: { w: number; h: number }): string {
  const app = `/n${n}/`;
  const q = new URLSearchParams({ w: String(size.w), h: String(size.h) });
  if (impl === 'ours') return app;
  if (impl === 'bare') q.set('data', `${app}bench/enterprises.geojson`);
  else {
    q.set('ent', `${app}bench/enterprises.geojson`);
    q.set('zones', `${app}bench/zones.geojson`);
    q.set('geo', `${app}data/`);
  }
  return `/${impl}/?${q}`;
}

/**
 * Tasks (`RunTask`) of the renderer main thread that ran `url`, in trace µs, with their GPU waits, and
 * the offset from the page's performance.now() (ms) to trace time (µs), from the `bench-sync` timestamp.
 */
function traceTasks(
  events: TraceEvent[],
  url: string,
  syncNow: number,
): { tasks: Task[]; toTrace(ms: number): number } {
  const committed = events.filter(
    (e) => e.name === 'FrameCommittedInBrowser' && e.args?.data?.url?.startsWith(url),
  );
  const pid = committed.at(-1)?.args?.data?.processId;
  if (pid === undefined) throw new Error(`trace: no frame committed for ${url}`);
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error('trace: no renderer main thread');
  const onMain = threadEvents(events, pid, main.tid);
  const sync = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench-sync');
  if (!sync) throw new Error('trace: no bench-sync timestamp');
  const tasks = tasksOf(onMain);
  const offset = sync.ts - syncNow * 1000;
  return { tasks, toTrace: (ms) => ms * 1000 + offset };
}

/** The tasks overlapping [t0, t1] (trace µs); none at all means the trace and the page disagree. */
function phaseTasks(tasks: Task[], t0: number, t1: number): PhaseTasks {
  let count = 0;
  let longest = 0;
  let longestOwn = 0;
  let longestCpu = 0;
  let ownLong = 0;
  let cpuLong = 0;
  for (const t of tasks) {
    if (t.end <= t0 || t.start >= t1) continue;
    count++;
    const dur = (t.end - t.start) / 1000;
    const own = (t.end - t.start - t.gpuWait) / 1000;
    longest = Math.max(longest, dur);
    longestOwn = Math.max(longestOwn, own);
    longestCpu = Math.max(longestCpu, t.cpu / 1000);
    if (own > LONG_TASK_MS) ownLong++;
    if (t.cpu / 1000 > LONG_TASK_MS) cpuLong++;
  }
  if (count === 0) throw new Error('trace: no main-thread task during a measured phase');
  return { longest, longestOwn, longestCpu, ownLong, cpuLong };
}

const worst = (ps: PhaseTasks[]): PhaseTasks => ({
  longest: Math.max(0, ...ps.map((p) => p.longest)),
  longestOwn: Math.max(0, ...ps.map((p) => p.longestOwn)),
  longestCpu: Math.max(0, ...ps.map((p) => p.longestCpu)),
  ownLong: Math.max(0, ...ps.map((p) => p.ownLong)),
  cpuLong: Math.max(0, ...ps.map((p) => p.cpuLong)),
});

/** Switches midstream off (on = false) or back on, and returns [start, ready] in page ms. */
function toggle(page: Page, impl: Impl, on: boolean): Promise<[number, number]> {
  if (impl === 'ours')
    return page.evaluate(async (on) => {
      const w = window as unknown as Bench;
      const input = document.querySelector<HTMLInputElement>('input[data-stage-filter=midstream]');
      if (!input) throw new Error('no input[data-stage-filter=midstream]');
      if (input.checked === on) throw new Error(`midstream is already ${on ? 'on' : 'off'}`);
      const t0 = performance.now();
      input.click();
      return [t0, await w.__bench.nextReady(t0)];
    }, on);
  const stages = ['upstream', 'downstream', 'support', 'unclassified', ...(on ? ['midstream'] : [])];
  return page.evaluate(async (stages) => {
    const t0 = performance.now();
    const ms = await (window as unknown as Bench).bench.toggle(stages);
    return [t0, t0 + ms];
  }, stages);
}

/** DBSCAN minPoints 3 → 4 (ours): the worker recomputes, the map redraws the outlines. */
function changeParam(page: Page): Promise<[number, number]> {
  return page.evaluate(async () => {
    const w = window as unknown as Bench;
    const input = document.querySelector<HTMLInputElement>('input[data-param=minPoints]');
    if (!input) throw new Error('no input[data-param=minPoints]');
    if (input.value !== '3') throw new Error(`minPoints is ${input.value}, not 3`);
    const t0 = performance.now();
    input.value = '4';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return [t0, await w.__bench.nextReady(t0)];
  });
}

interface Opened {
  page: Page;
  /** Races a promise against the page's errors. */
  guard: <T>(p: Promise<T>) => Promise<T>;
  /** performance.now() of ready (ours: data-map-state; baselines: first idle with every source). */
  ready: number;
  /** performance.now() once the page is quiet after ready. */
  settled: number;
}

/** A fresh page of `impl` at `url`, loaded until ready; `before` runs before the navigation (tracing). */
async function openPage(
  browser: Browser,
  base: string,
  impl: Impl,
  url: string,
  what: string,
  before?: (page: Page) => Promise<void>,
): Promise<Opened> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const guard = watchErrors(page, what);
  try {
    await page.addInitScript(INIT);
    await before?.(page);
    await guard(page.goto(`${base}${url}`, { timeout: TIMEOUT_MS }));
    const ready = await guard(
      page.evaluate(
        (ours) =>
          ours
            ? (window as unknown as Bench).__bench.firstReady()
            : (window as unknown as Bench).bench.whenReady,
        impl === 'ours',
      ),
    );
    const settled = await guard(page.evaluate(() => (window as unknown as Bench).__bench.settle()));
    return { page, guard, ready, settled };
  } catch (e) {
    await page.close();
    throw e;
  }
}

/** One measured fresh load: the load, TOGGLES stage toggles off and on, and (ours) the parameter change. */
async function runPage(browser: Browser, base: string, impl: Impl, n: number, url: string): Promise<Run> {
  let traced = false;
  const startTrace = async (page: Page) => {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    traced = true;
  };
  let opened: Opened | undefined;
  try {
    opened = await openPage(browser, base, impl, url, `${impl} at n=${n}`, startTrace);
    const { page, guard, ready, settled } = opened;
    const settle = () => guard(page.evaluate(() => (window as unknown as Bench).__bench.settle()));
    const heap = await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );
    /** A change: its ms until ready, and its tasks from the action until the page is quiet again. */
    const change = async (act: Promise<[number, number]>) => {
      const [t0, t1] = await guard(act);
      return { ms: t1 - t0, window: [t0, await settle()] as [number, number] };
    };
    const offs: { ms: number; window: [number, number] }[] = [];
    const all: [number, number][] = [];
    for (let i = 0; i < TOGGLES; i++) {
      const off = await change(toggle(page, impl, false));
      const on = await change(toggle(page, impl, true));
      offs.push(off);
      all.push(off.window, on.window);
    }
    const param = impl === 'ours' ? await change(changeParam(page)) : null;
    const syncNow = await page.evaluate(() => {
      const t = performance.now();
      console.timeStamp('bench-sync');
      return t;
    });
    traced = false;
    const trace = await browser.stopTracing();
    if (TRACES) writeFileSync(join(TRACES, `${impl}-${n}-${Date.now()}.json`), trace);
    const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
    const { tasks, toTrace } = traceTasks(traceEvents, `${base}${url.split('?')[0]}`, syncNow);
    const phase = ([a, b]: [number, number]) => phaseTasks(tasks, toTrace(a), toTrace(b));
    return {
      load_ms: ready,
      load: phase([0, settled]),
      toggle_ms: offs.map((o) => o.ms),
      toggle: worst(all.map(phase)),
      param_ms: param ? param.ms : null,
      param: param ? phase(param.window) : null,
      heap_mb: heap / 2 ** 20,
    };
  } finally {
    if (traced) await browser.stopTracing().catch(() => {});
    await opened?.page.close();
  }
}

function summarise(n: number, impl: Impl, runs: Run[]): Row {
  const params = runs.flatMap((r) => (r.param_ms === null ? [] : [r.param_ms]));
  const load = worst(runs.map((r) => r.load));
  const tog = worst(runs.map((r) => r.toggle));
  const par = impl === 'ours' ? worst(runs.map((r) => r.param!)) : null;
  return {
    n,
    impl,
    runs: runs.length,
    load_ms: median(runs.map((r) => r.load_ms)),
    toggle_ms: median(runs.flatMap((r) => r.toggle_ms)),
    param_ms: params.length ? median(params) : null,
    load_longest_task_ms: load.longest,
    load_longest_own_ms: load.longestOwn,
    load_longest_cpu_ms: load.longestCpu,
    load_own_long_tasks: load.ownLong,
    load_cpu_long_tasks: load.cpuLong,
    toggle_longest_task_ms: tog.longest,
    toggle_longest_own_ms: tog.longestOwn,
    toggle_longest_cpu_ms: tog.longestCpu,
    param_longest_task_ms: par?.longest ?? null,
    param_longest_own_ms: par?.longestOwn ?? null,
    param_longest_cpu_ms: par?.longestCpu ?? null,
    heap_mb: median(runs.map((r) => r.heap_mb)),
    samples: {
      load_ms: runs.map((r) => r.load_ms),
      toggle_ms: runs.flatMap((r) => r.toggle_ms),
      param_ms: params,
    },
  };
}

const t0 = Date.now();
const loadStart = loadavg()[0]!;
const { mounts, dir } = await prepare();
const { server, port } = await startServer(resolve(ROOT, 'dist'), mounts);
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ARGS });
const chromiumVersion = browser.version();
const results: Row[] = [];
let size = { w: VIEWPORT.width, h: VIEWPORT.height };
try {
  // Warm-up, not measured: one load of each page (the browser's first pages pay for its start); the
  // app's gives the size of its map, the size the baselines draw at.
  const n0 = Math.min(...SIZES);
  const warm = await openPage(browser, base, 'ours', pageUrl('ours', n0, size), 'warm-up');
  size = await warm.page.evaluate(() => {
    const c = document.querySelector('canvas.maplibregl-canvas');
    if (!c) throw new Error('no map canvas');
    return { w: Math.round(c.clientWidth), h: Math.round(c.clientHeight) };
  });
  await warm.page.close();
  console.log(`the app's map is ${size.w}×${size.h} px: the baselines draw at that size`);
  for (const impl of ['bare', 'same-content'] as const)
    await (await openPage(browser, base, impl, pageUrl(impl, n0, size), 'warm-up')).page.close();
  for (const n of SIZES) {
    const runs = n >= 100_000 ? Math.min(RUNS, 3) : RUNS;
    const byImpl = new Map<Impl, Run[]>(IMPLS.map((i) => [i, []]));
    for (let i = 0; i < runs; i++) {
      for (const impl of IMPLS)
        byImpl.get(impl)!.push(await runPage(browser, base, impl, n, pageUrl(impl, n, size)));
      console.log(`n=${n}: run ${i + 1}/${runs} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    for (const impl of IMPLS) results.push(summarise(n, impl, byImpl.get(impl)!));
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

const f = (x: number | null) => (x === null ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
/** Longest task / its own work (the longest CPU time of a task). */
const taskCell = (a: number | null, b: number | null, c: number | null) =>
  a === null ? '—' : `${f(a)} / ${f(b)} (${f(c)})`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const row = (n: number, impl: Impl) => results.find((r) => r.n === n && r.impl === impl)!;
console.log(
  `\nBrowser (headless Chromium, software WebGL, window ${VIEWPORT.width}×${VIEWPORT.height}, every map ${size.w}×${size.h}): medians in ms; tasks = worst run: longest / own (CPU)`,
);
console.log(
  '| n | page | load → ready | stage toggle → ready | parameter change → ready | load: longest / own task (CPU) | own long tasks in load (CPU) | toggle: longest / own task (CPU) | parameter: longest / own task (CPU) | heap MB | ÷ same content: load, toggle | ÷ bare: load, toggle |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const n of SIZES) {
  const same = row(n, 'same-content');
  const bare = row(n, 'bare');
  for (const impl of IMPLS) {
    const r = row(n, impl);
    const vsSame =
      impl === 'ours' ? `${ratio(r.load_ms, same.load_ms)}, ${ratio(r.toggle_ms, same.toggle_ms)}` : '—';
    const vsBare =
      impl === 'bare' ? '—' : `${ratio(r.load_ms, bare.load_ms)}, ${ratio(r.toggle_ms, bare.toggle_ms)}`;
    console.log(
      `| ${n.toLocaleString('en')} | ${impl} | ${f(r.load_ms)} | ${f(r.toggle_ms)} | ${f(r.param_ms)} | ${taskCell(r.load_longest_task_ms, r.load_longest_own_ms, r.load_longest_cpu_ms)} | ${r.load_own_long_tasks} (${r.load_cpu_long_tasks}) | ${taskCell(r.toggle_longest_task_ms, r.toggle_longest_own_ms, r.toggle_longest_cpu_ms)} | ${taskCell(r.param_longest_task_ms, r.param_longest_own_ms, r.param_longest_cpu_ms)} | ${r.heap_mb.toFixed(0)} | ${vsSame} | ${vsBare} |`,
    );
  }
}

/** One line per budget: met (true), not met (false) or not measured (null), with the numbers. */
const budgets: { budget: string; met: boolean | null; detail: string }[] = [];
for (const [what, key, limit] of [
  ['stage toggle', 'toggle_ms', 1.25],
  ['load', 'load_ms', 1.5],
] as const) {
  const parts = SIZES.map((n) => ({ n, o: row(n, 'ours')[key], s: row(n, 'same-content')[key] }));
  budgets.push({
    budget: `${what} ≤ ${limit}× MapLibre alone with the same content`,
    met: parts.every((p) => p.o <= limit * p.s),
    detail: parts
      .map((p) => `${p.n.toLocaleString('en')}: ${ratio(p.o, p.s)}, ${f(p.o)} vs ${f(p.s)} ms`)
      .join('; '),
  });
}
const big = results.find((r) => r.n === 100_000 && r.impl === 'ours');
budgets.push({
  budget: `our own main-thread work per change ≤ ${LONG_TASK_MS} ms at 100,000`,
  met: big ? Math.max(big.toggle_longest_own_ms, big.param_longest_own_ms ?? 0) <= LONG_TASK_MS : null,
  detail: big
    ? `longest own task: stage toggle ${f(big.toggle_longest_own_ms)} ms, parameter change ${f(big.param_longest_own_ms)} ms; CPU time ${f(big.toggle_longest_cpu_ms)} and ${f(big.param_longest_cpu_ms)} ms; with the GPU waits ${f(big.toggle_longest_task_ms)} and ${f(big.param_longest_task_ms)} ms`
    : '100000 not in BENCH_BROWSER_SIZES',
});
const loads = SIZES.map((n) => ({ o: row(n, 'ours'), s: row(n, 'same-content') }));
budgets.push({
  budget: `no long task (> ${LONG_TASK_MS} ms) of our own while loading`,
  met: loads.every(({ o }) => o.load_own_long_tasks === 0),
  detail: loads
    .map(
      ({ o, s }) =>
        `${o.n.toLocaleString('en')}: ${o.load_own_long_tasks}, longest ${f(o.load_longest_own_ms)} ms, by CPU time ${o.load_cpu_long_tasks}, longest ${f(o.load_longest_cpu_ms)} ms (same content: ${s.load_own_long_tasks}, longest ${f(s.load_longest_own_ms)} ms; by CPU time ${s.load_cpu_long_tasks}, ${f(s.load_longest_cpu_ms)} ms)`,
    )
    .join('; '),
});
console.log('');
for (const b of budgets)
  console.log(
    `budget: ${b.budget}: ${b.met === null ? 'not measured' : b.met ? 'met' : 'NOT met'} (${b.detail})`,
  );
const loadEnd = loadavg()[0]!;
console.log(
  `load average of the machine (1 min): ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end`,
);
const commit = (() => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return dirty.trim() ? `${head} (src/ modified)` : head;
  } catch {
    return null;
  }
})();
const report = {
  run: {
    date: new Date().toISOString(),
    commit,
    chromium: chromiumVersion,
    cpus: cpus().length,
    load_average_1min: [loadStart, loadEnd],
    window: VIEWPORT,
    map: size,
    sizes: SIZES,
    runs: RUNS,
    toggles_per_load: TOGGLES,
    seconds: (Date.now() - t0) / 1000,
  },
  budgets,
  rows: results,
};
writeFileSync(resolve(ROOT, 'bench/browser-results.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`wrote bench/browser-results.json (${((Date.now() - t0) / 1000).toFixed(0)} s in all)`);
