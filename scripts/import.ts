/**
 * npm run import -- <registry.csv|.xlsx|.geojson> [--crs wgs84|gcj02|bd09] [--zones <zones file>]
 *                   [--zones-crs wgs84|gcj02|bd09] [--encoding utf-8|gb18030] [--sheet name]
 *                   [--precision street|exact|township|zone|county] [--out geodata/<folder>]
 *
 * The command-line import for administrators building a deployment (issue 7), with THE parser of the
 * page's import (src/data/import/): the same mapping guess, validation and conversion, the same report,
 * printed. A zone file alone (KML/KMZ/zipped Shapefile/GeoJSON polygons) may be given as the first
 * argument. With --out, writes `enterprises.geojson` and `zones.geojson` there (the export format);
 * belt.config.json's `data` then points at them. Exit 1 when nothing was accepted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CRS_NAMES, type Crs } from '../src/data/crs.ts';
import { ENCODINGS, type Encoding } from '../src/data/import/decode.ts';
import { importEnterprises } from '../src/data/import/enterprises.ts';
import { guessFileMapping, readImportFile } from '../src/data/import/read.ts';
import { type ImportReport, reportSummary } from '../src/data/import/report.ts';
import type { ImportField, ZoneField } from '../src/data/import/vocabulary.ts';
import { importZones } from '../src/data/import/zones.ts';
import { enterprisesToGeoJSON, featureCollectionToText, zonesToGeoJSON } from '../src/data/serialize.ts';
import { PRECISIONS, type Precision, type Zone } from '../src/data/types.ts';

const USAGE =
  'usage: npm run import -- <file> [--crs wgs84|gcj02|bd09] [--zones <file>] [--zones-crs …] ' +
  '[--encoding utf-8|gb18030] [--sheet name] [--precision street|…] [--out folder]';

function fail(msg: string): never {
  console.error(msg);
  console.error(USAGE);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts = new Map<string, string>();
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--help' || a === '-h') {
    console.log(USAGE);
    process.exit(0);
  }
  if (a.startsWith('--')) {
    const v = args[++i];
    if (v === undefined) fail(`${a} needs a value`);
    opts.set(a.slice(2), v);
  } else positional.push(a);
}
const file = positional[0];
if (!file) fail('no file given');
const choice = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
  const v = opts.get(name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) fail(`--${name} must be one of ${allowed.join(', ')}`);
  return v as T;
};
const crs: Crs = choice('crs', CRS_NAMES) ?? 'wgs84';
const zonesCrs: Crs = choice('zones-crs', CRS_NAMES) ?? crs;
const encoding = choice<Encoding>('encoding', ENCODINGS);
const precision = choice<Precision>('precision', PRECISIONS);

function printReport(r: ImportReport): void {
  console.log(reportSummary(r));
  if (r.encoding) console.log(`  encoding: ${r.encoding}`);
  if (r.sheet) console.log(`  sheet: ${r.sheet}`);
  for (const i of r.issues)
    console.log(`  ${i.kind.padEnd(9)} ${i.column ? `[${i.column}] ` : ''}${i.message}`);
}

/** Reads a file as the page does; a file that cannot be read ends the run with a message naming it. */
async function readFile(path: string, o?: Parameters<typeof readImportFile>[2]) {
  try {
    return await readImportFile(basename(path), new Uint8Array(readFileSync(path)), o);
  } catch (e) {
    console.error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

async function readZones(path: string): Promise<Zone[]> {
  const f = await readFile(path);
  if (f.kind !== 'zones') fail(`${path}: not a zone file (no polygons)`);
  const z = importZones(f.table, guessFileMapping('zones', f.table.columns) as ZoneField[], {
    file: basename(path),
    crs: zonesCrs,
  });
  printReport(z.report);
  return z.zones;
}

const zonesPath = opts.get('zones');
let zones: Zone[] = zonesPath ? await readZones(zonesPath) : [];
const f = await readFile(file, {
  ...(encoding ? { encoding } : {}),
  ...(opts.has('sheet') ? { sheet: opts.get('sheet')! } : {}),
});
let accepted: number;
let enterprises = null as ReturnType<typeof importEnterprises>['records'] | null;
if (f.kind === 'zones') {
  zones = await readZones(file);
  accepted = zones.length;
} else {
  const r = importEnterprises(f.table, guessFileMapping('enterprises', f.table.columns) as ImportField[], {
    file: basename(file),
    crs,
    zones,
    ...(precision ? { precision } : {}),
  });
  printReport(r.report);
  zones = r.zones;
  enterprises = r.records;
  accepted = r.records.length;
}
const out = opts.get('out');
if (out) {
  mkdirSync(out, { recursive: true });
  if (enterprises)
    writeFileSync(
      join(out, 'enterprises.geojson'),
      featureCollectionToText(enterprisesToGeoJSON(enterprises) as never),
    );
  writeFileSync(join(out, 'zones.geojson'), featureCollectionToText(zonesToGeoJSON(zones) as never));
  console.log(`wrote ${out}/${enterprises ? 'enterprises.geojson and ' : ''}zones.geojson`);
  console.log(
    `belt.config.json: "data": { "enterprises": "data/<folder under geodata/>/enterprises.geojson", "zones": "data/<folder under geodata/>/zones.geojson" }`,
  );
}
process.exit(accepted > 0 ? 0 : 1);
