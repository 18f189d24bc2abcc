import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormulaText } from '../../../src/data/formula.ts';
import { type ImportMessage, runImportJob } from '../../../src/data/import/job.ts';
import { reportToCSV } from '../../../src/data/import/report.ts';
import { ImportCancelled, runImport } from '../../../src/data/load.ts';
import { clearDataset, loadDataset, saveDataset } from '../../../src/data/persist.ts';
import { enterprisesToCSV, enterprisesToGeoJSON } from '../../../src/data/serialize.ts';
import { importText } from './helpers.ts';

const HOSTILE = [
  '企业名称,经度,纬度,产业链环节,constructor,__proto__,toString,hasOwnProperty,=cmd|calc,<script>',
  '"=HYPERLINK(""http://evil.example"",""点我"")",117.97,28.45,中游,c,p,t,h,f,s',
  '"<img src=x onerror=alert(1)>",117.98,28.46,下游,c2,p2,t2,h2,@SUM(A1),"-2+3"',
  "'=已是文本,117.99,28.47,上游,-12.5,+86 793,\ttab,\rcr,x,y",
  '无坐标,,,配套,,,,,,',
].join('\r\n');

describe('columns with any name, values as they came', () => {
  it('constructor, __proto__ and friends are kept on the record, in details order, and in both exports', async () => {
    const r = await importText(HOSTILE);
    const e = r.records[0]!;
    expect(Object.getPrototypeOf(Object.getPrototypeOf(e.extra))).toBeNull(); // no Object.prototype
    expect('toString' in e.extra && typeof e.extra.toString).toBe('string');
    expect(Object.keys(e.extra)).toEqual([
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      '=cmd|calc',
      '<script>',
    ]);
    expect(Object.entries(e.extra)).toContainEqual(['__proto__', 'p']);
    const gj = JSON.parse(JSON.stringify(enterprisesToGeoJSON(r.records)));
    expect(Object.keys(gj.features[0].properties)).toEqual(
      expect.arrayContaining(['constructor', '__proto__', 'toString']),
    );
    expect(Object.getOwnPropertyDescriptor(gj.features[0].properties, '__proto__')?.value).toBe('p');
    const header = enterprisesToCSV(r.records).split('\r\n')[0]!;
    expect(header).toContain("constructor,__proto__,toString,hasOwnProperty,'=cmd|calc,<script>");
  });
});

describe('formula neutralisation (OWASP)', () => {
  it.each(['=1+1', '+86 793', '-x', '@SUM(A1)', '\tx', '\rx', "'=x", "''+y"])(
    '%j is neutralised and restored',
    (s) => {
      const n = neutraliseFormula(s);
      expect(n.startsWith("'")).toBe(true);
      expect(restoreFormulaText(n)).toBe(s);
    },
  );
  it.each(['-12.5', '+3', 'plain', "'plain", '中文'])('%j is left alone', (s) => {
    expect(neutraliseFormula(s)).toBe(s);
    expect(restoreFormulaText(s)).toBe(s);
  });
  it('the CSV export neutralises every formula-like cell; nothing in it starts a formula', async () => {
    const csv = enterprisesToCSV((await importText(HOSTILE)).records);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    for (const line of csv.replace(/^\uFEFF/, '').split('\r\n')) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]|^-[^\d]/);
    }
  });
  it('the report CSV is neutralised too', async () => {
    const r = await importText('name,lon,lat\n"=1+2",abc,28\n');
    expect(reportToCSV(r.report)).toContain("'=1+2");
  });
});

describe('round trip: the export imports back to the same records, in the same place', () => {
  it('CSV (UTF-8 with BOM), from a GCJ-02 registry', async () => {
    const first = await importText(HOSTILE, { crs: 'gcj02' });
    const csv = enterprisesToCSV(first.records);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const again = await importText(csv); // WGS84 now: the export says so (no crs column)
    expect(again.report.rejected).toBe(0);
    expect(again.records).toEqual(first.records);
    expect(enterprisesToCSV(again.records)).toBe(csv);
  });
  it('GeoJSON', async () => {
    const { readImportFile, guessFileMapping } = await import('../../../src/data/import/read.ts');
    const { importEnterprises } = await import('../../../src/data/import/enterprises.ts');
    const first = await importText(HOSTILE, { crs: 'bd09' });
    const text = JSON.stringify(enterprisesToGeoJSON(first.records));
    const f = await readImportFile('x.geojson', new TextEncoder().encode(text));
    const again = importEnterprises(f.table, guessFileMapping(f.kind, f.table.columns) as never, {
      file: 'x',
    });
    expect(again.records).toEqual(first.records);
  });
});

describe('the import job (worker protocol) and persistence', () => {
  const bytes = () => new TextEncoder().encode(HOSTILE).buffer as ArrayBuffer;
  it('inspect answers the guess and the first rows; run posts chunks, then the report', async () => {
    const msgs: ImportMessage[] = [];
    await runImportJob({ type: 'import-inspect', name: 'r.csv', bytes: bytes() }, (m) => msgs.push(m));
    const ins = msgs.find((m) => m.type === 'inspected')!;
    expect(ins).toMatchObject({ kind: 'enterprises', rows: 4, previewRows: [2, 3, 4, 5] });
    expect(ins.type === 'inspected' && ins.mapping.slice(0, 4)).toEqual([
      'name',
      'longitude',
      'latitude',
      'stage',
    ]);
    const out: ImportMessage[] = [];
    await runImportJob(
      {
        type: 'import-run',
        name: 'r.csv',
        bytes: bytes(),
        kind: 'enterprises',
        mapping: ins.type === 'inspected' ? ins.mapping : [],
        crs: 'wgs84',
        zones: [],
        chunkSize: 3,
      },
      (m) => out.push(m),
    );
    expect(
      out.filter((m) => m.type === 'enterprises').map((m) => m.type === 'enterprises' && m.records.length),
    ).toEqual([3, 1]);
    expect(out.at(-1)).toMatchObject({
      type: 'import-done',
      enterprises: 4,
      report: { accepted: 4, unlocated: 1 },
    });
  });
  it('a cancelled import rejects and changes nothing', async () => {
    const ac = new AbortController();
    const p = runImport(
      { name: 'r.csv', bytes: bytes(), kind: 'enterprises', mapping: ['name'], crs: 'wgs84', zones: [] },
      { worker: null, signal: ac.signal, chunkSize: 1 },
    );
    ac.abort();
    await expect(p).rejects.toBeInstanceOf(ImportCancelled);
  });
  it('an import kept in IndexedDB comes back whole (odd column names included), until cleared', async () => {
    const r = await importText(HOSTILE);
    await saveDataset({
      name: 'r.csv',
      since: '2026-12-01T10:00:00.000Z',
      enterprises: r.records,
      zones: r.zones,
      sample: false,
    });
    const back = await loadDataset();
    expect(back?.name).toBe('r.csv');
    expect(back?.enterprises.map((e) => ({ ...e, extra: { ...e.extra } }))).toEqual(
      r.records.map((e) => ({ ...e, extra: { ...e.extra } })),
    );
    expect(Object.getOwnPropertyDescriptor(back!.enterprises[0]!.extra, '__proto__')?.value).toBe('p');
    await clearDataset();
    expect(await loadDataset()).toBeUndefined();
  });
});
