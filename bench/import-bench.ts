/**
 * npm run bench:node (second part) — the registry import (issue 7) against the CSV parser's bare parse.
 *
 * Seeded registries of 10,000 and 100,000 rows shaped like a county bureau's export: Chinese headers,
 * a credit code, stage and segment in Chinese, county names (some former: 上饶县), zone names, GCJ-02
 * coordinates (a 坐标系 column on a tenth of the rows says 百度 or WGS84), 3 % rows without coordinates,
 * 1 % broken, three extra columns. Files: CSV UTF-8 (with BOM), CSV GBK, XLSX (exceljs).
 * "import" = the whole path of the page's worker and of `npm run import`: decode (detection included),
 * read the table, guess the mapping, validate, convert to WGS84, join zone names, build the report
 * (src/data/import/read.ts + enterprises.ts). "bare parse" = TextDecoder + Papa.parse of the same CSV
 * bytes, in the same run; for XLSX also exceljs's bare workbook load. Median of RUNS (default 5; 3 at
 * 100,000). Writes bench/import-results.json.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { mulberry32 } from '../scripts/lib/sample.ts';
import { COUNTIES } from '../src/data/counties.ts';
import { importEnterprises } from '../src/data/import/enterprises.ts';
import { guessFileMapping, readImportFile } from '../src/data/import/read.ts';
import type { ImportField } from '../src/data/import/vocabulary.ts';
import { SEGMENT_LABELS_ZH } from '../src/data/normalize.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '10000,100000').split(',').map(Number);
const runsFor = (n: number) => Number(process.env.BENCH_RUNS ?? (n >= 100_000 ? 3 : 5));

const HEADERS = [
  '企业名称',
  '统一社会信用代码',
  '产业链环节',
  '细分行业',
  '所属区县',
  '所属园区',
  '经度',
  '纬度',
  '坐标系',
  '注册资本（万元）',
  '成立日期',
  '备注',
];
const STAGE_ZH = ['上游', '中游', '下游', '配套服务'];
const SEGMENTS = Object.values(SEGMENT_LABELS_ZH);
const ZONES = ['上饶经济技术开发区', '广丰经济开发区', '玉山经济开发区', '铅山工业园区', '弋阳工业园区'];

function registry(n: number, seed: number): string[][] {
  const rnd = mulberry32(seed);
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const broken = rnd() < 0.01;
    const unlocated = rnd() < 0.03;
    const county = rnd() < 0.05 ? '上饶县' : COUNTIES[Math.floor(rnd() * COUNTIES.length)]!.nameZh;
    const crs = rnd() < 0.1 ? (rnd() < 0.5 ? '百度' : 'WGS84') : '';
    rows.push([
      broken && rnd() < 0.5 ? '' : `上饶某某铜业有限公司${i}`,
      `91361100MA${String(i).padStart(8, '0')}`,
      STAGE_ZH[Math.floor(rnd() * STAGE_ZH.length)]!,
      rnd() < 0.5 ? SEGMENTS[Math.floor(rnd() * SEGMENTS.length)]! : '',
      county,
      rnd() < 0.6 ? ZONES[Math.floor(rnd() * ZONES.length)]! : '',
      unlocated ? '' : broken ? '东经一百一十七' : (116.3 + rnd() * 2.2).toFixed(6),
      unlocated ? '' : (27.9 + rnd() * 1.7).toFixed(6),
      crs,
      String(Math.round(rnd() * 5000)),
      `20${String(Math.floor(rnd() * 24)).padStart(2, '0')}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
      rnd() < 0.2 ? '含"引号",逗号' : '',
    ]);
  }
  return rows;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
async function time(runs: number, f: () => unknown | Promise<unknown>): Promise<number> {
  await f(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return median(out);
}

async function importOnce(name: string, bytes: Uint8Array): Promise<number> {
  const f = await readImportFile(name, bytes);
  const mapping = guessFileMapping(f.kind, f.table.columns) as ImportField[];
  const r = importEnterprises(f.table, mapping, { file: name, crs: 'gcj02' });
  return r.records.length;
}

interface Row {
  format: 'csv-utf8' | 'csv-gbk' | 'xlsx';
  n: number;
  bytes: number;
  import_ms: number;
  papaparse_ms: number;
  exceljs_load_ms?: number;
  ratio: number;
  accepted: number;
}
const rows: Row[] = [];
const started = performance.now();
for (const n of SIZES) {
  const data = registry(n, 7 + n);
  const csv = Papa.unparse({ fields: HEADERS, data }, { newline: '\r\n' });
  const utf8 = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
  const gbk = new Uint8Array(iconv.encode(csv, 'gbk'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(HEADERS);
  for (const r of data) ws.addRow(r);
  const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
  const runs = runsFor(n);
  const bare = (bytes: Uint8Array, enc: string) => () =>
    Papa.parse(new TextDecoder(enc).decode(bytes), { skipEmptyLines: false });
  for (const [format, bytes, enc] of [
    ['csv-utf8', utf8, 'utf-8'],
    ['csv-gbk', gbk, 'gb18030'],
  ] as const) {
    const papaparse_ms = await time(runs, bare(bytes, enc));
    let accepted = 0;
    const import_ms = await time(runs, async () => {
      accepted = await importOnce('r.csv', bytes);
    });
    rows.push({
      format,
      n,
      bytes: bytes.byteLength,
      import_ms,
      papaparse_ms,
      ratio: import_ms / papaparse_ms,
      accepted,
    });
    console.error(
      `${format} ${n}: import ${import_ms.toFixed(0)} ms, papaparse ${papaparse_ms.toFixed(0)} ms`,
    );
  }
  const papaparse_ms = await time(runs, bare(utf8, 'utf-8'));
  const exceljs_load_ms = await time(runs, async () => {
    await new ExcelJS.Workbook().xlsx.load(xlsx.buffer.slice(0) as ArrayBuffer);
  });
  let accepted = 0;
  const import_ms = await time(runs, async () => {
    accepted = await importOnce('r.xlsx', xlsx);
  });
  rows.push({
    format: 'xlsx',
    n,
    bytes: xlsx.byteLength,
    import_ms,
    papaparse_ms,
    exceljs_load_ms,
    ratio: import_ms / papaparse_ms,
    accepted,
  });
  console.error(
    `xlsx ${n}: import ${import_ms.toFixed(0)} ms, exceljs load ${exceljs_load_ms.toFixed(0)} ms`,
  );
}
writeFileSync(
  join(here, 'import-results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 1)}\n`,
);

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(
  '\nImport (parse + validate + convert), median ms; "bare" = TextDecoder + Papa.parse of the same CSV',
);
console.log('| format | n | file MB | import | bare parse | import ÷ bare | exceljs load alone | accepted |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.format} | ${r.n.toLocaleString('en')} | ${(r.bytes / 1e6).toFixed(1)} | ${fmt(r.import_ms)} | ${fmt(r.papaparse_ms)} | ${r.ratio.toFixed(2)}× | ${r.exceljs_load_ms === undefined ? '—' : fmt(r.exceljs_load_ms)} | ${r.accepted.toLocaleString('en')} |`,
  );
const at = (f: Row['format']) => rows.find((r) => r.format === f && r.n === 100_000);
const budgets: [string, boolean | null][] = [
  ['CSV UTF-8 at 100,000 ≤ 3× the bare parse', at('csv-utf8') ? at('csv-utf8')!.ratio <= 3 : null],
  ['CSV UTF-8 at 100,000 ≤ 3 s', at('csv-utf8') ? at('csv-utf8')!.import_ms <= 3000 : null],
  ['CSV GBK at 100,000 ≤ 3× the bare parse', at('csv-gbk') ? at('csv-gbk')!.ratio <= 3 : null],
  ['CSV GBK at 100,000 ≤ 3 s', at('csv-gbk') ? at('csv-gbk')!.import_ms <= 3000 : null],
  ['XLSX at 100,000 ≤ 15 s', at('xlsx') ? at('xlsx')!.import_ms <= 15_000 : null],
];
console.log('\nImport budgets:');
for (const [label, ok] of budgets) console.log(`  ${ok === null ? 'n/a ' : ok ? 'MET ' : 'MISS'}  ${label}`);
console.log(
  `\nImport bench ${((performance.now() - started) / 1000).toFixed(0)} s; results in bench/import-results.json`,
);
