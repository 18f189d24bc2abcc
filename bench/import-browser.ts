/**
 * npm run bench:arrival (also the last part of npm run bench:browser) — the page's own main-thread work
 * while a dataset arrives, in headless Chromium against the built site (issue 7's "≤ 50 ms per task"
 * during an import, issue 6's "no long task of our own while loading").
 *
 * At each n of BENCH_ARRIVAL_SIZES (default 10000,100000), BENCH_ARRIVAL_RUNS (default 3) fresh pages of
 * each of two arrivals, of the same seeded sample enterprises (scripts/lib/sample.ts):
 *   - load:   the site with belt.config.json pointing at the generated GeoJSON (as bench/browser.ts),
 *             from navigation to `<html data-map-state="ready">` and until the page is quiet;
 *   - import: the site with its own sample loaded and quiet; the generated registry as CSV (the app's
 *             export format, src/data/serialize.ts) given to `input[data-import]` (setInputFiles) — the
 *             "pick" phase, until the mapping step's `[data-import-confirm]` is shown — then confirmed —
 *             the "run" phase, until `data-map-state` is `ready` again and the page is quiet.
 * For each phase, from a Chrome trace of the page's main thread: the wall time, the longest task, the
 * longest own-work task (its waits on the software GPU taken out, bench/lib/main-thread.ts), and the
 * number of own-work tasks > 50 ms; from a CPU profile of the same run, what each long task spends its
 * time in (top self-time functions). The site is built unminified (dist-bench/app) so the functions keep
 * their names; BENCH_ARRIVAL_MINIFY=1 builds it as shipped.
 * Prints Markdown tables (medians over the runs; the long tasks of the median run of each phase); writes
 * bench/import-browser-results.json. Exits 0 whether or not the budget is met; a page error fails it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
// @ts-expect-error plain ES module without types
import { ensureChromium } from '../scripts/ensure-chromium.mjs';
import { enterprisesToCSV } from '../src/data/serialize.ts';
import { ARGS } from '../test/e2e/harness-args.ts';
import { type Mount, startServer } from '../test/e2e/server.ts';
import { isGpuWait, type Task, type TraceEvent, tasksOf, threadEvents } from './lib/main-thread.ts';
import { type Bench, INIT, median, TIMEOUT_MS, watchErrors } from './lib/page.ts';
import { sampleMount } from './lib/sample-mount.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_ARRIVAL_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_ARRIVAL_RUNS ?? 3);
const MINIFY = process.env.BENCH_ARRIVAL_MINIFY === '1';
const SEED = 20261129;
const LONG_TASK_MS = 50;
const VIEWPORT = { width: 1280, height: 800 };
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'gpu',
  'v8.execute',
];
/** Long tasks listed per phase, and functions per long task. */
const TOP_TASKS = 8;
const TOP_FUNCTIONS = 5;

type PhaseName = 'load' | 'import: pick' | 'import: run';

interface LongTask {
  /** ms from the phase's start. */
  at_ms: number;
  ms: number;
  own_ms: number;
  /** Main-thread CPU time (less than own_ms when other processes took the CPU from the page). */
  cpu_ms: number;
  /** The longest trace event of each name inside the task (name ms), wrappers left out. */
  events: string[];
  /** Self time by function from the CPU profile (ms name file:line). */
  functions: string[];
}

interface Phase {
  ms: number;
  tasks: number;
  longest_ms: number;
  longest_own_ms: number;
  /** Longest main-thread CPU time of a task: the figure to read when the machine is busy. */
  longest_cpu_ms: number;
  own_long_tasks: number;
  long: LongTask[];
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

async function prepare(): Promise<{ dist: string; mounts: Mount[]; dir: string; csv: Map<number, string> }> {
  console.log(`building the site (${MINIFY ? 'minified' : 'unminified'}) into dist-bench/app…`);
  const dist = resolve(ROOT, 'dist-bench/app');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true, minify: MINIFY } });
  const dir = mkdtempSync(join(tmpdir(), 'belt-arrival-'));
  const mounts: Mount[] = [{ prefix: '/imp/' }];
  const csv = new Map<number, string>();
  for (const n of SIZES) {
    const { mount, enterprises } = sampleMount(dir, n, SEED);
    mounts.push(mount);
    // A file on disk: Playwright hands a path to Chromium as a real File (a buffer would be rebuilt
    // in the page from base64 by Playwright's own script, a long task that is not the app's).
    const c = join(dir, `registry-${n}.csv`);
    writeFileSync(c, enterprisesToCSV(enterprises));
    csv.set(n, c);
  }
  return { dist, mounts, dir, csv };
}

const settle = (page: Page) => page.evaluate(() => (window as unknown as Bench).__bench.settle());

/** Self time by function of the profile's samples within [t0, t1] (trace µs), biggest first. */
function topFunctions(profile: Profile, t0: number, t1: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let t = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    t += profile.timeDeltas[i] ?? 0;
    const next = t + (profile.timeDeltas[i + 1] ?? 0);
    if (t < t0 || t >= t1) continue;
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') continue;
    const file = f.url ? ` ${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
    const k = `${f.functionName || '(anonymous)'}${file}`;
    self.set(k, (self.get(k) ?? 0) + (next - t) / 1000);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_FUNCTIONS)
    .map(([k, ms]) => `${ms.toFixed(0)} ${k}`);
}

/** Scheduler wrappers: every task has them, they say nothing of what it did. */
const WRAPPER = /^(RunTask|ThreadControllerImpl::RunTask|BlinkScheduler_|ThreadPool_)/;

/** What a task did, by the trace: the longest event of each name inside it (scripts with their function). */
function topEvents(onMain: TraceEvent[], task: Task): string[] {
  const longest = new Map<string, number>();
  for (const e of onMain) {
    if (e.ts < task.start || e.ts + e.dur! > task.end || WRAPPER.test(e.name) || isGpuWait(e.name)) continue;
    const fn = e.args?.data?.functionName;
    const k = fn ? `${e.name}(${fn})` : e.name;
    longest.set(k, Math.max(longest.get(k) ?? 0, e.dur! / 1000));
  }
  return [...longest]
    .filter(([, ms]) => ms >= 3)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, ms]) => `${k} ${ms.toFixed(0)}`);
}

/** One traced and profiled stretch of a page: `act` returns the phases' bounds in page ms. */
async function traced(
  browser: Browser,
  page: Page,
  act: () => Promise<[PhaseName, number, number][]>,
): Promise<Partial<Record<PhaseName, Phase>>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let phases: [PhaseName, number, number][] = [];
  let failure: unknown = null;
  try {
    phases = await act();
  } catch (e) {
    failure = e;
  }
  const syncNow = await page
    .evaluate(() => {
      const t = performance.now();
      console.timeStamp('arrival-sync');
      return t;
    })
    .catch(() => 0);
  const trace = await browser.stopTracing();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  if (failure) throw failure;
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
  const sync = traceEvents.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'arrival-sync');
  if (!sync) throw new Error('trace: no arrival-sync timestamp');
  const onMain = threadEvents(traceEvents, sync.pid, sync.tid);
  const tasks = tasksOf(onMain);
  const offset = sync.ts - syncNow * 1000;
  const out: Partial<Record<PhaseName, Phase>> = {};
  for (const [name, a, b] of phases) {
    const t0 = a * 1000 + offset;
    const t1 = b * 1000 + offset;
    const mine = tasks.filter((t) => t.end > t0 && t.start < t1);
    const own = (t: Task) => (t.end - t.start - t.gpuWait) / 1000;
    const long = mine
      .filter((t) => own(t) > LONG_TASK_MS)
      .sort((x, y) => own(y) - own(x))
      .slice(0, TOP_TASKS)
      .sort((x, y) => x.start - y.start)
      .map((t) => ({
        at_ms: (t.start - t0) / 1000,
        ms: (t.end - t.start) / 1000,
        own_ms: own(t),
        cpu_ms: t.cpu / 1000,
        events: topEvents(onMain, t),
        functions: topFunctions(profile, t.start, t.end),
      }));
    out[name] = {
      ms: b - a,
      tasks: mine.length,
      longest_ms: Math.max(0, ...mine.map((t) => (t.end - t.start) / 1000)),
      longest_own_ms: Math.max(0, ...mine.map(own)),
      longest_cpu_ms: Math.max(0, ...mine.map((t) => t.cpu / 1000)),
      own_long_tasks: mine.filter((t) => own(t) > LONG_TASK_MS).length,
      long,
    };
  }
  return out;
}

async function newPage(browser: Browser, what: string) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const guard = watchErrors(page, what);
  await page.addInitScript(INIT);
  return { page, guard };
}

/** A fresh load of the generated data: navigation → ready (the load's wall time), until quiet. */
async function runLoad(browser: Browser, base: string, n: number): Promise<Phase> {
  const { page, guard } = await newPage(browser, `load at n=${n}`);
  try {
    let ready = 0;
    const phases = await traced(browser, page, async () => {
      await guard(page.goto(`${base}/n${n}/`, { timeout: TIMEOUT_MS }));
      ready = await guard(page.evaluate(() => (window as unknown as Bench).__bench.firstReady()));
      return [['load', 0, await guard(settle(page))]];
    });
    return { ...phases.load!, ms: ready };
  } finally {
    await page.close();
  }
}

/** On a quiet page with its own sample: the CSV given to the file input, then confirmed. */
async function runImport(browser: Browser, base: string, n: number, csv: string) {
  const { page, guard } = await newPage(browser, `import at n=${n}`);
  try {
    await guard(page.goto(`${base}/imp/`, { timeout: TIMEOUT_MS }));
    await guard(page.evaluate(() => (window as unknown as Bench).__bench.firstReady()));
    await guard(settle(page));
    let ready = 0;
    const phases = await traced(browser, page, async () => {
      const t0 = await page.evaluate(() => performance.now());
      await guard(page.locator('input[data-import]').setInputFiles(csv));
      await guard(page.locator('[data-import-confirm]').waitFor({ timeout: TIMEOUT_MS }));
      const [t1, t2] = await guard(
        page.evaluate(async () => {
          const a = performance.now();
          document.querySelector<HTMLButtonElement>('[data-import-confirm]')!.click();
          return [a, await (window as unknown as Bench).__bench.nextReady(a)] as const;
        }),
      );
      ready = t2 - t1;
      const quiet = await guard(settle(page));
      return [
        ['import: pick', t0, t1],
        ['import: run', t1, quiet],
      ];
    });
    const shown = await page.locator('[data-import-report]').getAttribute('data-accepted');
    if (Number(shown) !== n) throw new Error(`import at n=${n}: the report accepted ${shown} rows`);
    return { pick: phases['import: pick']!, run: { ...phases['import: run']!, ms: ready } };
  } finally {
    await page.close();
  }
}

const t0 = Date.now();
const loadStart = loadavg()[0]!;
const { dist, mounts, dir, csv } = await prepare();
const { server, port } = await startServer(dist, mounts);
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ARGS });
const chromiumVersion = browser.version();
const samples = new Map<string, Phase[]>();
const add = (n: number, name: PhaseName, p: Phase) => {
  const k = `${n}|${name}`;
  samples.set(k, [...(samples.get(k) ?? []), p]);
};
try {
  await runLoad(browser, base, Math.min(...SIZES)); // warm-up, not measured
  for (const n of SIZES) {
    for (let i = 0; i < RUNS; i++) {
      add(n, 'load', await runLoad(browser, base, n));
      const imp = await runImport(browser, base, n, csv.get(n)!);
      add(n, 'import: pick', imp.pick);
      add(n, 'import: run', imp.run);
      console.log(`n=${n}: run ${i + 1}/${RUNS} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const rows = [...samples].map(([k, ps]) => {
  const [n, phase] = k.split('|') as [string, PhaseName];
  const byLongest = [...ps].sort((a, b) => a.longest_own_ms - b.longest_own_ms);
  return {
    n: Number(n),
    phase,
    runs: ps.length,
    ms: median(ps.map((p) => p.ms)),
    longest_ms: median(ps.map((p) => p.longest_ms)),
    longest_own_ms: median(ps.map((p) => p.longest_own_ms)),
    longest_cpu_ms: median(ps.map((p) => p.longest_cpu_ms)),
    own_long_tasks: median(ps.map((p) => p.own_long_tasks)),
    samples: ps.map(({ long, ...rest }) => rest),
    /** The long tasks of the run with the median longest own task. */
    median_run_long_tasks: byLongest[byLongest.length >> 1]!.long,
  };
});
console.log(
  `\nArrival of a dataset (headless Chromium, software WebGL, ${VIEWPORT.width}×${VIEWPORT.height}, ${MINIFY ? 'minified' : 'unminified'} build): medians of ${RUNS} runs`,
);
console.log(
  '| n | phase | wall ms | longest task ms | longest own task ms | longest CPU ms | own tasks > 50 ms |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.n.toLocaleString('en')} | ${r.phase} | ${f(r.ms)} | ${f(r.longest_ms)} | ${f(r.longest_own_ms)} | ${f(r.longest_cpu_ms)} | ${r.own_long_tasks} |`,
  );
console.log(
  '\nLong tasks of the median run (own work > 50 ms): at ms, own ms; top events; top self-time functions',
);
console.log('| n | phase | at | own ms (CPU) | events | functions (self ms) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  for (const t of r.median_run_long_tasks)
    console.log(
      `| ${r.n.toLocaleString('en')} | ${r.phase} | ${f(t.at_ms)} | ${f(t.own_ms)} (${f(t.cpu_ms)}) | ${t.events.join('; ')} | ${t.functions.join('; ')} |`,
    );
const importRuns = rows.filter((r) => r.phase !== 'load');
const loads = rows.filter((r) => r.phase === 'load');
const budgets = [
  {
    budget: `the page's own main-thread work during an import ≤ ${LONG_TASK_MS} ms per task`,
    met: importRuns.every((r) => r.longest_own_ms <= LONG_TASK_MS),
    detail: importRuns.map((r) => `${r.n} ${r.phase}: ${f(r.longest_own_ms)} ms`).join('; '),
  },
  {
    budget: `no long task (> ${LONG_TASK_MS} ms) of our own while loading`,
    met: loads.every((r) => r.own_long_tasks === 0),
    detail: loads.map((r) => `${r.n}: ${r.own_long_tasks}, longest ${f(r.longest_own_ms)} ms`).join('; '),
  },
];
console.log('');
for (const b of budgets) console.log(`budget: ${b.budget}: ${b.met ? 'met' : 'NOT met'} (${b.detail})`);
const loadEnd = loadavg()[0]!;
console.log(`load average (1 min): ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end`);
writeFileSync(
  resolve(ROOT, 'bench/import-browser-results.json'),
  `${JSON.stringify(
    {
      run: {
        date: new Date().toISOString(),
        chromium: chromiumVersion,
        cpus: cpus().length,
        load_average_1min: [loadStart, loadEnd],
        minified: MINIFY,
        sizes: SIZES,
        runs: RUNS,
        seconds: (Date.now() - t0) / 1000,
      },
      budgets,
      rows,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote bench/import-browser-results.json (${((Date.now() - t0) / 1000).toFixed(0)} s in all)`);
