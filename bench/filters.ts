/**
 * npx tsx bench/filters.ts — issue 8: the cost of the filters at 100,000 records, one Node process:
 * building the facet codes (once per dataset), one filter pass (a facet change), one count pass (every
 * change), the list's name ranks (once per dataset and language) and one re-sort. Median of RUNS.
 */
import { generateSample } from '../scripts/lib/sample.ts';
import { facetCodes, facetCounts, filterPass } from '../src/data/facet-counts.ts';
import { NO_FILTERS } from '../src/data/filters.ts';
import { nameRanks } from '../src/data/name-rank.ts';
import { STAGES } from '../src/data/types.ts';
import { sortRecords } from '../src/ui/list-sort.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const N = 100_000;

function median(f: () => unknown): number {
  f();
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = performance.now();
    f();
    t.push(performance.now() - a);
  }
  t.sort((x, y) => x - y);
  return Math.round(t[Math.floor(RUNS / 2)]! * 100) / 100;
}

const { enterprises, zones } = generateSample({ seed: 20261201, count: N });
const zoneIds = zones.map((z) => z.id);
const codes = facetCodes(enterprises, zoneIds);
const filters = {
  ...NO_FILTERS,
  segments: ['smelting', 'casting', 'wire-cable'] as never,
  zones: ['none', zoneIds[0]!],
};
const pass = filterPass(codes, filters);
const names = enterprises.map((e) => e.name);
const ids = enterprises.map((e) => e.id);
const rank = nameRanks(names, ids, 'zh-CN');
const all = Uint32Array.from(enterprises.keys());
const rows = {
  n: enterprises.length,
  facetCodes_ms: median(() => facetCodes(enterprises, zoneIds)),
  filterPass_ms: median(() => filterPass(codes, filters)),
  facetCounts_ms: median(() => facetCounts(codes, pass, STAGES)),
  nameRanks_zh_ms: median(() => nameRanks(names, ids, 'zh-CN')),
  sortByCounty_ms: median(() => sortRecords(enterprises, all, { key: 'county', desc: false }, rank, zoneIds)),
  sortByName_ms: median(() => sortRecords(enterprises, all, { key: 'name', desc: false }, rank, zoneIds)),
};
console.log(JSON.stringify(rows, null, 2));
