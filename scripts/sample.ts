/**
 * npm run geodata:sample -- [--seed N] [--count N] [--out-dir geodata] [--out enterprises.geojson]
 *
 * Writes the synthetic sample (scripts/lib/sample.ts) as enterprises.sample.geojson and
 * zones.sample.geojson into --out-dir (default geodata/), or the enterprises alone to --out (benchmarks;
 * the zones then go next to it as <name>.zones.geojson). Default seed 20261129, count 1000.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_COUNT, DEFAULT_SEED, sampleFiles } from './lib/sample.ts';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

function int(name: string, fallback: number): number {
  const v = arg(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got '${v}'`);
    process.exit(2);
  }
  return n;
}

const repoRoot = path.resolve(import.meta.dirname, '..');
const seed = int('seed', DEFAULT_SEED);
const count = int('count', DEFAULT_COUNT);
const out = arg('out');
const outDir = path.resolve(arg('out-dir') ?? path.join(repoRoot, 'geodata'));

const { enterprises, zones, enterprisesText: entText, zonesText: zoneText } = sampleFiles({ seed, count });

let entPath: string;
let zonePath: string;
if (out) {
  entPath = path.resolve(out);
  zonePath = `${entPath.replace(/\.(geo)?json$/i, '')}.zones.geojson`;
} else {
  entPath = path.join(outDir, 'enterprises.sample.geojson');
  zonePath = path.join(outDir, 'zones.sample.geojson');
}
mkdirSync(path.dirname(entPath), { recursive: true });
writeFileSync(entPath, entText);
writeFileSync(zonePath, zoneText);
console.log(
  `seed ${seed}, ${enterprises.length} enterprises → ${entPath} (${(entText.length / 1024).toFixed(0)} KB)`,
);
console.log(`${zones.length} zones → ${zonePath}`);
