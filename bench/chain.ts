/**
 * npm run bench:node (second part) — the chain diagram's segment co-location quotients and the
 * investment-promotion list, on the sample generator's clustered firms and zones at 10,000 and 100,000
 * firms, each against a baseline measured in the same run:
 * - segment CLQ: the definition the slow way (test/analysis/brute-clq.ts, O(n²) Turf distances) at 2,000
 *   firms, ours at the same size for the ratio;
 * - the list: its definition the slow way (test/analysis/brute-gaps.ts: every place × segment × firm,
 *   Turf distances and centroids) at 10,000 firms.
 * Medians of RUNS runs after one warm-up (the baselines: one run). Writes bench/chain-results.json.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../scripts/lib/sample.ts';
import { CHAIN_SEGMENTS, chainSegmentCode } from '../src/analysis/chain-segments.ts';
import { gapList } from '../src/analysis/gap-list.ts';
import { isSpatial } from '../src/analysis/is-spatial.ts';
import { resolveZones } from '../src/analysis/resolve-zones.ts';
import { segmentColocation } from '../src/analysis/segment-colocation.ts';
import { toAnalysisRecord } from '../src/analysis/to-analysis-record.ts';
import type { AnalysisRecord } from '../src/analysis/types.ts';
import type { Zone } from '../src/data/types.ts';
import { bruteClq } from '../test/analysis/brute-clq.ts';
import { bruteGaps } from '../test/analysis/brute-gaps.ts';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function time(fn: () => unknown, runs: number, warmup = true): number {
  if (warmup) fn();
  const xs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return Math.round(median(xs) * 100) / 100;
}

function data(n: number): { records: AnalysisRecord[]; zones: Zone[]; zoneOf: (string | null)[] } {
  const { enterprises, zones } = generateSample({ seed: 42, count: n });
  const records = enterprises.map(toAnalysisRecord);
  return { records, zones, zoneOf: resolveZones(records, zones).zoneOf };
}

interface Row {
  task: 'segment-clq' | 'gap-list';
  impl: 'ours' | 'brute-force';
  n: number;
  located: number;
  median_ms: number;
  runs: number;
}
const rows: Row[] = [];
const push = (r: Row) => {
  rows.push(r);
  console.error(`  ${r.task} ${r.impl} n=${r.n} (located chain firms ${r.located}): ${r.median_ms} ms`);
};
const locatedChain = (records: readonly AnalysisRecord[]) =>
  records.filter((r) => chainSegmentCode(r.segment) >= 0 && isSpatial(r));

for (const n of [2000, 10_000, 100_000]) {
  const { records, zones, zoneOf } = data(n);
  const loc = locatedChain(records);
  push({
    task: 'segment-clq',
    impl: 'ours',
    n,
    located: loc.length,
    median_ms: time(() => segmentColocation(records), RUNS),
    runs: RUNS,
  });
  if (n === 2000) {
    const pts = loc.map((r) => [r.lon!, r.lat!] as [number, number]);
    const cats = loc.map((r) => chainSegmentCode(r.segment));
    push({
      task: 'segment-clq',
      impl: 'brute-force',
      n,
      located: loc.length,
      median_ms: time(() => bruteClq(pts, cats, CHAIN_SEGMENTS.length), 1, false),
      runs: 1,
    });
  }
  if (n === 2000) continue;
  push({
    task: 'gap-list',
    impl: 'ours',
    n,
    located: loc.length,
    median_ms: time(() => gapList(records, zoneOf, zones), RUNS),
    runs: RUNS,
  });
  if (n === 10_000)
    push({
      task: 'gap-list',
      impl: 'brute-force',
      n,
      located: loc.length,
      median_ms: time(() => bruteGaps(records, zoneOf, zones), 1, false),
      runs: 1,
    });
}

writeFileSync(join(here, 'chain-results.json'), `${JSON.stringify(rows, null, 1)}\n`);
const get = (task: Row['task'], impl: Row['impl'], n: number) =>
  rows.find((r) => r.task === task && r.impl === impl && r.n === n)?.median_ms ?? null;
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null ? '—' : `${(b / a).toFixed(0)}×`;
console.log(`\nChain diagram and promotion list, medians of ${RUNS} runs (ms), Node ${process.version}`);
console.log(
  `  segment CLQ   2,000: ours ${get('segment-clq', 'ours', 2000)}, brute force ${get('segment-clq', 'brute-force', 2000)} (${ratio(get('segment-clq', 'ours', 2000), get('segment-clq', 'brute-force', 2000))})`,
);
console.log(
  `  segment CLQ  10,000: ours ${get('segment-clq', 'ours', 10_000)}; 100,000: ours ${get('segment-clq', 'ours', 100_000)}`,
);
console.log(
  `  gap list     10,000: ours ${get('gap-list', 'ours', 10_000)}, brute force ${get('gap-list', 'brute-force', 10_000)} (${ratio(get('gap-list', 'ours', 10_000), get('gap-list', 'brute-force', 10_000))}); 100,000: ours ${get('gap-list', 'ours', 100_000)}`,
);
