/**
 * npm run geodata:check [-- file.geojson ...]
 *
 * Validates record files with scripts/lib/validate.ts: by default geodata/enterprises.sample.geojson and
 * geodata/zones.sample.geojson; otherwise the files given (a file whose features all carry `level` is
 * read as zones; enterprise zone ids are checked against the zone files given, or against
 * geodata/zones.sample.geojson when none is). Prints one line per issue and exits 1 on any error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue, type Issue, validateEnterprises, validateZones } from './lib/validate.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = args.length
  ? args.map((a) => path.resolve(a))
  : ['enterprises.sample.geojson', 'zones.sample.geojson'].map((f) => path.join(repoRoot, 'geodata', f));

const issues: Issue[] = [];
const loaded = files.map((file) => {
  const rel = path.relative(process.cwd(), file) || file;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      features?: { properties?: Record<string, unknown> }[];
    };
    const feats = Array.isArray(json.features) ? json.features : [];
    const isZones = feats.length > 0 && feats.every((f) => f?.properties && 'level' in f.properties);
    return { rel, json, isZones };
  } catch (e) {
    issues.push({ severity: 'error', file: rel, row: 0, message: `cannot read: ${(e as Error).message}` });
    return null;
  }
});

let zoneFiles = loaded.filter((l) => l?.isZones);
if (zoneFiles.length === 0) {
  const def = path.join(repoRoot, 'geodata', 'zones.sample.geojson');
  console.log(`(no zone file given: zone ids checked against ${path.relative(process.cwd(), def)})`);
  zoneFiles = [
    { rel: path.relative(process.cwd(), def), json: JSON.parse(readFileSync(def, 'utf8')), isZones: true },
  ];
}
const zoneIds = new Set<string>();
for (const z of zoneFiles) {
  const r = validateZones(z!.json, z!.rel);
  if (loaded.includes(z)) issues.push(...r.issues);
  for (const id of r.zoneIds) zoneIds.add(id);
}
let checked = 0;
for (const l of loaded) {
  if (!l) continue;
  checked += l.json.features?.length ?? 0;
  if (!l.isZones) issues.push(...validateEnterprises(l.json, { zoneIds, file: l.rel }));
}

for (const i of issues) console.log(formatIssue(i));
const errors = issues.filter((i) => i.severity === 'error').length;
const warnings = issues.length - errors;
console.log(`\n${files.length} file(s), ${checked} features: ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 ? 1 : 0);
