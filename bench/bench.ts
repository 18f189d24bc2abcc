/**
 * npm run bench — our analysis vs Turf (the semantic reference) vs supercluster, one process.
 *
 * Datasets (seeded): "uniform" = uniform points in Shangrao's bbox (lon 116.22–118.48, lat 27.80–29.70);
 * "clustered" = located records of scripts/lib/sample.ts generateSample (clustered around township seats
 * and zones). Tasks: DBSCAN 1.5 km / 3, Clark–Evans NNI over the Shangrao polygon, the whole analysis
 * (every figure, every stage), supercluster.load at one zoom with the same 1.5 km radius.
 * Median of RUNS runs after one warm-up (Turf's large runs: no warm-up). Writes bench/results.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clustersDbscan } from '@turf/clusters-dbscan';
import { nearestNeighborAnalysis } from '@turf/nearest-neighbor-analysis';
import Supercluster from 'supercluster';
import { generateSample, mulberry32 } from '../scripts/lib/sample.ts';
import { analyze } from '../src/analysis/analyze.ts';
import { dbscan } from '../src/analysis/dbscan.ts';
import { nearestNeighbourIndex } from '../src/analysis/nearest-neighbour-index.ts';
import { studyAreaKm2 } from '../src/analysis/study-area-km2.ts';
import { toAnalysisRecord } from '../src/analysis/to-analysis-record.ts';
import type { AnalysisRecord } from '../src/analysis/types.ts';
import { COUNTIES } from '../src/data/counties.ts';
import { SEGMENT_STAGE, type Segment, type Stage, type Zone } from '../src/data/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [1000, 5000, 10_000, 100_000];
const TURF_DBSCAN_MAX = 10_000;
const TURF_NNI_MAX = 5000;
const MAX_KM = 1.5;
const MIN_POINTS = 3;

type Dataset = 'uniform' | 'clustered';
type Task = 'dbscan' | 'nni' | 'analysis';
type Impl = 'ours' | 'turf' | 'supercluster';
interface Row {
  task: Task;
  dataset: Dataset;
  n: number;
  impl: Impl;
  median_ms: number | null;
  runs: number;
  skipped?: boolean;
}

function studyArea(): GeoJSON.Feature<GeoJSON.Polygon> {
  for (const p of [
    join(here, '../geodata/shangrao-prefecture.geojson'),
    join(here, '../../shared/geodata-sources/boundaries/shangrao_prefecture.mapchina-osm.geojson'),
  ]) {
    try {
      return (JSON.parse(readFileSync(p, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon>).features[0]!;
    } catch {
      // next candidate
    }
  }
  throw new Error('no Shangrao study area found');
}

/** Uniform records: stage shares like the sample, random segment of the stage, random county. */
function uniformRecords(n: number, seed: number): AnalysisRecord[] {
  const rnd = mulberry32(seed);
  const segs = Object.keys(SEGMENT_STAGE) as Segment[];
  const out: AnalysisRecord[] = [];
  for (let i = 0; i < n; i++) {
    const u = rnd();
    const stage: Stage =
      u < 0.2
        ? 'upstream'
        : u < 0.775
          ? 'midstream'
          : u < 0.91
            ? 'downstream'
            : u < 0.99
              ? 'support'
              : 'unclassified';
    const ofStage = segs.filter((s) => SEGMENT_STAGE[s] === stage);
    out.push({
      id: `u${i}`,
      stage,
      segment: ofStage.length ? ofStage[Math.floor(rnd() * ofStage.length)]! : null,
      county: COUNTIES[Math.floor(rnd() * COUNTIES.length)]!.adcode,
      zone: null,
      lon: 116.22 + rnd() * (118.48 - 116.22),
      lat: 27.8 + rnd() * (29.7 - 27.8),
    });
  }
  return out;
}

/** Sample records with exactly n located ones (the sample leaves a few unlocated). */
function clusteredRecords(n: number, seed: number): { records: AnalysisRecord[]; zones: Zone[] } {
  const { enterprises, zones } = generateSample({ seed, count: Math.ceil(n * 1.05) + 10 });
  const records: AnalysisRecord[] = [];
  let located = 0;
  for (const e of enterprises) {
    const isLocated = e.lon !== null && e.lat !== null;
    if (isLocated && located === n) continue;
    if (isLocated) located++;
    records.push(toAnalysisRecord(e));
  }
  return { records, zones };
}

function coordsOf(records: readonly AnalysisRecord[]): Float64Array {
  const loc = records.filter((r) => r.lon !== null && r.lat !== null);
  const c = new Float64Array(loc.length * 2);
  loc.forEach((r, i) => {
    c[2 * i] = r.lon!;
    c[2 * i + 1] = r.lat!;
  });
  return c;
}

function fcOf(coords: Float64Array): GeoJSON.FeatureCollection<GeoJSON.Point, Record<string, never>> {
  const features: GeoJSON.Feature<GeoJSON.Point, Record<string, never>>[] = [];
  for (let i = 0; i < coords.length; i += 2)
    features.push({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [coords[i]!, coords[i + 1]!] },
    });
  return { type: 'FeatureCollection', features };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(fn: () => unknown, warmup: boolean, runs = RUNS): number {
  if (warmup) fn();
  const xs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const rows: Row[] = [];
const area = studyArea();
const areaKm2 = studyAreaKm2(area);
// Supercluster radius equal to 1.5 km on the ground at Shangrao's latitude, at zoom 10 (extent 512).
const ZOOM = 10;
const superRadius =
  (MAX_KM / (2 * Math.PI * 6371.0088 * Math.cos((28.75 * Math.PI) / 180))) * 512 * 2 ** ZOOM;
const started = performance.now();

// JIT warm-up of our code (both datasets, mid size) so the first measured size is not a cold start.
for (const warm of [uniformRecords(5000, 7), clusteredRecords(5000, 7).records]) {
  const c = coordsOf(warm);
  for (let k = 0; k < 3; k++) {
    dbscan(c, MAX_KM, MIN_POINTS);
    nearestNeighbourIndex(c, areaKm2);
    analyze({ records: warm, studyArea: area, studyAreaKm2: areaKm2 });
  }
}

for (const dataset of ['uniform', 'clustered'] as Dataset[]) {
  for (const n of SIZES) {
    const { records, zones } =
      dataset === 'uniform' ? { records: uniformRecords(n, 42), zones: [] } : clusteredRecords(n, 42);
    const coords = coordsOf(records);
    const np = coords.length >> 1;
    const fc = fcOf(coords);
    const push = (task: Task, impl: Impl, ms: number | null, runs: number) => {
      rows.push({
        task,
        dataset,
        n: np,
        impl,
        median_ms: ms === null ? null : Math.round(ms * 100) / 100,
        runs,
        ...(ms === null ? { skipped: true } : {}),
      });
      const shown = ms === null ? 'skipped' : `${ms.toFixed(1)} ms`;
      console.error(`  ${dataset} n=${np} ${task}/${impl}: ${shown}`);
    };
    push(
      'dbscan',
      'ours',
      time(() => dbscan(coords, MAX_KM, MIN_POINTS), true),
      RUNS,
    );
    push(
      'nni',
      'ours',
      time(() => nearestNeighbourIndex(coords, areaKm2), true),
      RUNS,
    );
    push(
      'analysis',
      'ours',
      time(() => analyze({ records, zones, studyArea: area, studyAreaKm2: areaKm2 }), true),
      RUNS,
    );
    push(
      'dbscan',
      'supercluster',
      time(
        () =>
          new Supercluster({ minZoom: ZOOM, maxZoom: ZOOM, radius: superRadius, extent: 512 }).load(
            fc.features,
          ),
        true,
      ),
      RUNS,
    );
    if (np <= TURF_DBSCAN_MAX)
      push(
        'dbscan',
        'turf',
        time(() => clustersDbscan(fc, MAX_KM, { minPoints: MIN_POINTS }), np <= 1000),
        RUNS,
      );
    else push('dbscan', 'turf', null, 0);
    if (np <= TURF_NNI_MAX)
      push(
        'nni',
        'turf',
        time(() => nearestNeighborAnalysis(fc, { studyArea: structuredClone(area) }), np <= 1000),
        RUNS,
      );
    else push('nni', 'turf', null, 0);
  }
}

writeFileSync(join(here, 'results.json'), `${JSON.stringify(rows, null, 1)}\n`);

// Table.
const get = (task: Task, impl: Impl, dataset: Dataset, n: number) =>
  rows.find(
    (r) => r.task === task && r.impl === impl && r.dataset === dataset && Math.abs(r.n - n) <= n * 0.001,
  )?.median_ms ?? null;
const fmt = (x: number | null) => (x === null ? 'skipped' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null ? '—' : `${(b / a).toFixed(1)}×`;
const header = [
  'dataset',
  'n',
  'dbscan ours',
  'dbscan turf',
  'turf/ours',
  'supercluster',
  'ours/super',
  'nni ours',
  'nni turf',
  'turf/ours',
  'analysis ours',
];
const lines = [header];
const nOf = (dataset: Dataset, n: number) =>
  rows.find((r) => r.dataset === dataset && Math.abs(r.n - n) <= n * 0.001)?.n ?? n;
for (const dataset of ['uniform', 'clustered'] as Dataset[])
  for (const n0 of SIZES) {
    const n = nOf(dataset, n0);
    const d = get('dbscan', 'ours', dataset, n);
    const dt = get('dbscan', 'turf', dataset, n);
    const s = get('dbscan', 'supercluster', dataset, n);
    const nn = get('nni', 'ours', dataset, n);
    const nt = get('nni', 'turf', dataset, n);
    lines.push([
      dataset,
      String(n),
      fmt(d),
      fmt(dt),
      ratio(d, dt),
      fmt(s),
      d === null || s === null ? '—' : `${(d / s).toFixed(2)}×`,
      fmt(nn),
      fmt(nt),
      ratio(nn, nt),
      fmt(get('analysis', 'ours', dataset, n)),
    ]);
  }
const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
console.log(
  `\nMedians of ${RUNS} runs (ms), Node ${process.version}; DBSCAN ${MAX_KM} km / ${MIN_POINTS}; supercluster radius ${superRadius.toFixed(1)} px at zoom ${ZOOM}`,
);
for (const l of lines) console.log(l.map((x, c) => x.padStart(widths[c]!)).join('  '));

// Budgets.
const budgets: [string, boolean | null][] = [];
for (const dataset of ['uniform', 'clustered'] as Dataset[]) {
  const at = (n: number) => nOf(dataset, n);
  const a10 = get('analysis', 'ours', dataset, at(10_000));
  const a100 = get('analysis', 'ours', dataset, at(100_000));
  budgets.push([
    `${dataset}: whole analysis ≤ 100 ms at 10,000 (${fmt(a10)} ms)`,
    a10 === null ? null : a10 <= 100,
  ]);
  budgets.push([
    `${dataset}: whole analysis ≤ 1 s at 100,000 (${fmt(a100)} ms)`,
    a100 === null ? null : a100 <= 1000,
  ]);
  const d10 = get('dbscan', 'ours', dataset, at(10_000));
  const t10 = get('dbscan', 'turf', dataset, at(10_000));
  budgets.push([
    `${dataset}: DBSCAN ≥ 50× faster than Turf at 10,000 (${ratio(d10, t10)})`,
    d10 === null || t10 === null ? null : t10 / d10 >= 50,
  ]);
  for (const n of [1000, 5000]) {
    const o = get('nni', 'ours', dataset, at(n));
    const t = get('nni', 'turf', dataset, at(n));
    budgets.push([
      `${dataset}: NNI ≥ 100× faster than Turf at ${n} (${ratio(o, t)})`,
      o === null || t === null ? null : t / o >= 100,
    ]);
  }
  const d100 = get('dbscan', 'ours', dataset, at(100_000));
  const s100 = get('dbscan', 'supercluster', dataset, at(100_000));
  budgets.push([
    `${dataset}: DBSCAN ≤ 3× supercluster at 100,000 (${d100 === null || s100 === null ? '—' : `${(d100 / s100).toFixed(2)}×`})`,
    d100 === null || s100 === null ? null : d100 <= 3 * s100,
  ]);
}
console.log('\nBudgets:');
for (const [label, ok] of budgets) console.log(`  ${ok === null ? 'n/a ' : ok ? 'MET ' : 'MISS'}  ${label}`);
console.log(
  `\nTotal bench time ${((performance.now() - started) / 1000).toFixed(0)} s; results in bench/results.json`,
);
