/**
 * npm run analyze -- <enterprises.geojson> [--zones zones.geojson] [--study-area area.geojson]
 *                    [--json] [--max-distance 1.5] [--min-points 3] [--hex-side 3]
 *
 * Prints every agglomeration figure (shared/docs/domain.md) per stage, county and zone, as tables or
 * as JSON. Enterprises are read with the app's parser (src/data/parse.ts); all records of the file
 * are analysed (no filters). The study area defaults to geodata/shangrao-prefecture.geojson (or the
 * shared source); `--study-area none` disables R and z.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analysis/analyze.ts';
import type { StudyArea } from '../src/analysis/study-area-km2.ts';
import { toAnalysisRecord } from '../src/analysis/to-analysis-record.ts';
import { type AnalysisParams, type AnalysisResult, DEFAULT_PARAMS } from '../src/analysis/types.ts';
import { countyName } from '../src/data/counties.ts';
import { parseEnterprisesGeoJSON, parseZonesGeoJSON } from '../src/data/parse.ts';
import { CHAIN_STAGES, type Zone } from '../src/data/types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: npm run analyze -- <enterprises.geojson> [--zones zones.geojson] [--study-area area.geojson|none] ' +
  '[--json] [--max-distance km] [--min-points n] [--hex-side km]';

function fail(msg: string): never {
  console.error(msg);
  console.error(USAGE);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts: Record<string, string> = {};
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--json') opts.json = '1';
  else if (a === '--help' || a === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('--')) {
    const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const v = inline ?? args[++i];
    if (v === undefined) fail(`missing value for --${k}`);
    opts[k] = v;
  } else positional.push(a);
}
for (const k of Object.keys(opts))
  if (!['json', 'zones', 'study-area', 'max-distance', 'min-points', 'hex-side'].includes(k))
    fail(`unknown option --${k}`);
if (positional.length !== 1) fail('give exactly one enterprises GeoJSON file');

const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`cannot read ${path}: ${e instanceof Error ? e.message : e}`);
  }
};
const num = (k: string, def: number, integer = false): number => {
  if (opts[k] === undefined) return def;
  const v = Number(opts[k]);
  if (!Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v)))
    fail(`--${k} must be a positive ${integer ? 'integer' : 'number'}`);
  return v;
};
const params: AnalysisParams = {
  maxDistanceKm: num('max-distance', DEFAULT_PARAMS.maxDistanceKm),
  minPoints: num('min-points', DEFAULT_PARAMS.minPoints, true),
  hexSideKm: num('hex-side', DEFAULT_PARAMS.hexSideKm),
};

const parsed = parseEnterprisesGeoJSON(readJson(positional[0]!), { defaultSource: positional[0]! });
for (const r of parsed.rejected.slice(0, 20))
  console.error(
    `rejected row ${r.row}${r.id ? ` (${r.id})` : ''}${r.field ? ` [${r.field}]` : ''}: ${r.message}`,
  );
if (parsed.rejected.length > 20) console.error(`… ${parsed.rejected.length - 20} more rejected rows`);
let zones: Zone[] = [];
if (opts.zones) {
  const z = parseZonesGeoJSON(readJson(opts.zones), { defaultSource: opts.zones });
  for (const r of z.rejected) console.error(`zones: rejected row ${r.row}: ${r.message}`);
  zones = z.records;
}
let studyArea: StudyArea | null = null;
let studyAreaName = 'none';
if (opts['study-area'] !== 'none') {
  const candidates = opts['study-area']
    ? [opts['study-area']]
    : [
        join(root, 'geodata/shangrao-prefecture.geojson'),
        join(root, '../shared/geodata-sources/boundaries/shangrao_prefecture.mapchina-osm.geojson'),
      ];
  for (const p of candidates) {
    try {
      studyArea = JSON.parse(readFileSync(p, 'utf8')) as StudyArea;
      studyAreaName = p;
      break;
    } catch (e) {
      if (opts['study-area']) fail(`cannot read ${p}: ${e instanceof Error ? e.message : e}`);
    }
  }
}

const records = parsed.records.map(toAnalysisRecord);
const result = analyze({ records, zones, studyArea, params });

if (opts.json) {
  console.log(
    JSON.stringify(
      { input: positional[0], studyArea: studyAreaName, rejected: parsed.rejected.length, result },
      null,
      1,
    ),
  );
  process.exit(0);
}

// Readable tables.
const f = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? '—' : x.toFixed(digits);
/** Display width: CJK and full-width characters take two columns. */
const width = (s: string) =>
  [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number, left: boolean) =>
  left ? s + ' '.repeat(w - width(s)) : ' '.repeat(w - width(s)) + s;
function table(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const w = header.map((_, c) => Math.max(...cells.map((r) => width(r[c] ?? ''))));
  console.log(`\n${title}`);
  for (const [i, r] of cells.entries()) {
    console.log(r.map((x, c) => pad(x, w[c]!, c === 0)).join('  '));
    if (i === 0) console.log(w.map((x) => '─'.repeat(x)).join('  '));
  }
}
const county = (a: string | null) => (a ? `${countyName(a, 'en')} ${a}` : '—');
const zoneName = new Map(zones.map((z) => [z.id, z.name]));
const r: AnalysisResult = result;
console.log(
  `${positional[0]}: ${parsed.records.length} records (${parsed.rejected.length} rejected); ` +
    `DBSCAN ${params.maxDistanceKm} km / ${params.minPoints}; study area ${studyAreaName}` +
    (studyArea ? ` (${f(r.stages.upstream.nni.areaKm2, 0)} km²)` : ''),
);
table(
  'Agglomeration per chain stage',
  ['stage', 'firms', 'located', 'clusters', 'clustered S', 'NN mean km', 'expected km', 'R', 'z', 'level'],
  CHAIN_STAGES.map((s) => {
    const x = r.stages[s];
    return [
      s,
      x.count,
      x.located,
      x.clusters.length,
      f(x.clusteredShare),
      f(x.nni.observedMeanKm, 3),
      f(x.nni.expectedMeanKm, 3),
      f(x.nni.R, 3),
      f(x.nni.z),
      x.level,
    ];
  }),
);
for (const s of CHAIN_STAGES) {
  const cl = [...r.stages[s].clusters].sort((a, b) => b.memberIds.length - a.memberIds.length);
  if (!cl.length) continue;
  table(
    `Largest ${s} clusters (of ${cl.length})`,
    ['id', 'members', 'core', 'edge', 'hull km²', 'per km²', 'segment', 'county', 'zone', 'centre'],
    cl
      .slice(0, 10)
      .map((c) => [
        c.id,
        c.memberIds.length,
        c.core,
        c.edge,
        f(c.areaKm2),
        f(c.density, 1),
        c.dominantSegment ?? '—',
        county(c.county),
        c.zone ?? '—',
        `${c.center[0].toFixed(4)}, ${c.center[1].toFixed(4)}`,
      ]),
  );
}
table(
  'Co-location quotients CLQ(A→B) (> 1: B is nearer to A than the mix predicts)',
  ['A \\ B', ...CHAIN_STAGES],
  CHAIN_STAGES.map((a) => [a, ...CHAIN_STAGES.map((b) => f(r.clq[`${a}/${b}`]))]),
);
const counties = [...new Set(r.lq.map((q) => q.county))];
table(
  'Location quotients per county (n_cs in brackets; * = specialised, LQ > 1.25)',
  ['county', 'chain firms', ...CHAIN_STAGES],
  counties.map((c) => {
    const qs = r.lq.filter((q) => q.county === c);
    return [
      county(c),
      qs[0]?.countyTotal ?? 0,
      ...CHAIN_STAGES.map((s) => {
        const q = qs.find((x) => x.stage === s)!;
        return `${f(q.value)}${q.specialised ? '*' : ' '} (${q.count})`;
      }),
    ];
  }),
);
const chainRows = (list: AnalysisResult['countyChains'], name: (id: string) => string) =>
  list.map((c) => [
    name(c.id),
    c.total,
    c.counts.upstream,
    c.counts.midstream,
    c.counts.downstream,
    c.gaps.join(', ') || '—',
    c.thin.join(', ') || '—',
  ]);
table(
  'Chain completeness per county',
  ['county', 'total', 'up', 'mid', 'down', 'gaps', 'thin'],
  chainRows(r.countyChains, county),
);
table(
  'Chain completeness per zone',
  ['zone', 'total', 'up', 'mid', 'down', 'gaps', 'thin'],
  chainRows(r.zoneChains, (id) => `${id}${zoneName.has(id) ? ` ${zoneName.get(id)}` : ''}`),
);
const resolved = Object.keys(r.resolvedZones).length;
if (resolved) console.log(`\n${resolved} records assigned to a zone by containment.`);
const maxHex = r.hexGrid.features.reduce((m, h) => Math.max(m, h.properties.total), 0);
console.log(
  `Hex grid (${params.hexSideKm} km side): ${r.hexGrid.features.length} non-empty cells, densest ${maxHex} firms. Computed in ${r.elapsedMs.toFixed(0)} ms.`,
);
