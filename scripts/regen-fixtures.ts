/**
 * Regenerates the reference outputs of the analysis fixtures FROM TURF (never from our code):
 *
 *   npx tsx scripts/regen-fixtures.ts            # test/fixtures/<name>/in.geojson → out.json
 *   npx tsx scripts/regen-fixtures.ts --inputs   # first (re)writes the seeded in.geojson files too
 *
 * Run it only on purpose (e.g. after a Turf upgrade, reviewing the diff); the tests only compare.
 *
 * in.geojson is a FeatureCollection of Points with a foreign member `properties` naming the task:
 *   { "task": "dbscan", "maxDistance": km, "minPoints": n }  → out.json { cluster: (id|null)[], dbscan: label[] }
 *   { "task": "nni", "studyArea": Feature<Polygon> }          → out.json Turf's nearestNeighborAnalysis properties
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clustersDbscan } from '@turf/clusters-dbscan';
import { lengthToDegrees } from '@turf/helpers';
import { nearestNeighborAnalysis } from '@turf/nearest-neighbor-analysis';
import { blobs, collinear, mulberry32, type Pt, shuffle, toFC, uniform } from '../test/analysis/random.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = join(root, 'test/fixtures');

type Task =
  | { task: 'dbscan'; maxDistance: number; minPoints: number }
  | { task: 'nni'; studyArea: GeoJSON.Feature };

function studyArea(): GeoJSON.Feature {
  for (const p of ['geodata/shangrao-prefecture.geojson']) {
    try {
      const fc = JSON.parse(readFileSync(join(root, p), 'utf8')) as GeoJSON.FeatureCollection;
      if (fc.features[0]) return fc.features[0];
    } catch {
      // fall through to the shared source
    }
  }
  const fc = JSON.parse(
    readFileSync(
      join(root, '../shared/geodata-sources/boundaries/shangrao_prefecture.mapchina-osm.geojson'),
      'utf8',
    ),
  ) as GeoJSON.FeatureCollection;
  return fc.features[0]!;
}

/** Points spaced along a meridian by exactly the latitude step Turf uses for `km` (and ± tiny offsets). */
function boundaryPoints(km: number): Pt[] {
  const step = lengthToDegrees(km, 'kilometers');
  const out: Pt[] = [];
  let lat = 28.3;
  // N–S chain at exactly the step, then steps ×(1 ± 1e-15 … 1e-9): some just inside, some just outside.
  for (const f of [1, 1, 1 - 1e-15, 1 + 1e-15, 1 - 1e-12, 1 + 1e-12, 1 - 1e-9, 1 + 1e-9, 1, 1]) {
    out.push([117.5, lat]);
    lat += step * f;
  }
  // E–W pairs at the exact geodesic distance along a parallel (Δλ = 2·asin(sin(θ/2)/cos φ)).
  const theta = km / 6371.0088;
  for (const [phi, f] of [
    [28.5, 1],
    [28.6, 1 - 1e-12],
    [28.7, 1 + 1e-12],
    [28.8, 1],
  ] as const) {
    const dLon = (2 * Math.asin(Math.sin((theta * f) / 2) / Math.cos((phi * Math.PI) / 180)) * 180) / Math.PI;
    out.push([117.0, phi], [117.0 + dLon, phi], [117.0 + 2 * dLon, phi]);
  }
  return out;
}

function inputs(): Record<string, { points: Pt[]; task: Task }> {
  const rnd = mulberry32(20240603);
  const area = studyArea();
  const dup: Pt[] = [...Array.from({ length: 12 }, (): Pt => [117.97, 28.45]), ...uniform(rnd, 8)];
  // Two clusters of core points around a border point B at index 0 (0.9 km from a core point of
  // each): the main loop meets B first, as noise, then cluster 0 takes it — Turf labels it "edge".
  // C (index 9) is a non-core border point of cluster 0 that the expansion reaches before the main
  // loop does — Turf labels it "core".
  const km = (east: number, north: number): Pt => [
    117.5 + east / (111.195 * Math.cos((28.5 * Math.PI) / 180)),
    28.5 + north / 111.195,
  ];
  const twoClusters: Pt[] = [
    km(0, 0), // 0: B
    km(0.9, 0),
    km(1.6, 0),
    km(1.4, 0.4),
    km(1.4, -0.4),
    km(-0.9, 0),
    km(-1.6, 0),
    km(-1.4, 0.4),
    km(-1.4, -0.4),
    km(2.3, 0), // 9: C
  ];
  return {
    'dbscan-uniform': { points: uniform(rnd, 400), task: { task: 'dbscan', maxDistance: 5, minPoints: 3 } },
    'dbscan-blobs': {
      points: blobs(rnd, 500, 8, 1, 0.2),
      task: { task: 'dbscan', maxDistance: 1.5, minPoints: 3 },
    },
    'dbscan-blobs-min5': {
      points: blobs(rnd, 500, 8, 1.5, 0.3),
      task: { task: 'dbscan', maxDistance: 1, minPoints: 5 },
    },
    'dbscan-duplicates': {
      points: shuffle(rnd, dup),
      task: { task: 'dbscan', maxDistance: 1.5, minPoints: 3 },
    },
    'dbscan-collinear': {
      points: collinear(rnd, 40, [117.2, 28.2], [117.6, 28.6]),
      task: { task: 'dbscan', maxDistance: 1.6, minPoints: 3 },
    },
    'dbscan-boundary': {
      points: boundaryPoints(1.5),
      task: { task: 'dbscan', maxDistance: 1.5, minPoints: 2 },
    },
    'dbscan-shared-border': { points: twoClusters, task: { task: 'dbscan', maxDistance: 1, minPoints: 4 } },
    'dbscan-empty': { points: [], task: { task: 'dbscan', maxDistance: 1.5, minPoints: 3 } },
    'dbscan-one': { points: [[117.9, 28.4]], task: { task: 'dbscan', maxDistance: 1.5, minPoints: 1 } },
    'dbscan-two': {
      points: [
        [117.9, 28.4],
        [117.905, 28.4],
      ],
      task: { task: 'dbscan', maxDistance: 1.5, minPoints: 2 },
    },
    'nni-uniform': { points: uniform(rnd, 300), task: { task: 'nni', studyArea: area } },
    'nni-blobs': { points: blobs(rnd, 300, 5, 2, 0.1), task: { task: 'nni', studyArea: area } },
    'nni-duplicates': { points: shuffle(rnd, [...dup]), task: { task: 'nni', studyArea: area } },
    'nni-collinear': {
      points: collinear(rnd, 30, [116.5, 28.0], [118.2, 29.5], true),
      task: { task: 'nni', studyArea: area },
    },
    'nni-two': {
      points: [
        [117.9, 28.4],
        [118.0, 28.5],
      ],
      task: { task: 'nni', studyArea: area },
    },
  };
}

function writeInputs(): void {
  for (const [name, { points, task }] of Object.entries(inputs())) {
    const dir = join(fixturesDir, name);
    mkdirSync(dir, { recursive: true });
    const fc = { ...toFC(points), properties: task };
    writeFileSync(join(dir, 'in.geojson'), `${JSON.stringify(fc, null, 1)}\n`);
  }
}

function turfOutput(fc: GeoJSON.FeatureCollection<GeoJSON.Point> & { properties: Task }): unknown {
  const task = fc.properties;
  const points: GeoJSON.FeatureCollection<GeoJSON.Point> = {
    type: 'FeatureCollection',
    features: fc.features,
  };
  if (task.task === 'dbscan') {
    const out = clustersDbscan(points, task.maxDistance, { minPoints: task.minPoints });
    return {
      cluster: out.features.map((f) => f.properties.cluster ?? null),
      dbscan: out.features.map((f) => f.properties.dbscan),
    };
  }
  const sa = structuredClone(task.studyArea) as GeoJSON.Feature<GeoJSON.Polygon>;
  return nearestNeighborAnalysis(points, { studyArea: sa }).properties?.nearestNeighborAnalysis;
}

if (process.argv.includes('--inputs')) writeInputs();
for (const name of readdirSync(fixturesDir).sort()) {
  const fc = JSON.parse(readFileSync(join(fixturesDir, name, 'in.geojson'), 'utf8'));
  writeFileSync(join(fixturesDir, name, 'out.json'), `${JSON.stringify(turfOutput(fc), null, 1)}\n`);
  console.log(`${name}: out.json written from Turf`);
}
