import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { GapRow } from '../../src/analysis/gap-list.ts';
import { neutraliseFormula } from '../../src/data/formula.ts';
import { tIn } from '../../src/i18n/index.ts';
import { gapCsv, gapXlsx } from '../../src/ui/gap-export.ts';
import { GAP_COLUMNS, gapTable } from '../../src/ui/gap-table.ts';

const rows: GapRow[] = [
  {
    zone: 'z1',
    kind: 'zone',
    county: '361104',
    stage: 'downstream',
    segment: 'wire-cable',
    status: 'missing',
    zoneFirmsOfStage: 0,
    cityFirmsOfSegment: 12,
    candidates: [
      { id: 'E1', km: 1.2345 },
      { id: '@E2', km: 10 },
    ],
  },
  {
    zone: 'county:361104',
    kind: 'county',
    county: '361104',
    stage: 'upstream',
    segment: 'mining',
    status: 'thin',
    zoneFirmsOfStage: 1,
    cityFirmsOfSegment: 0,
    candidates: [],
  },
];
const names = {
  t: (k: Parameters<typeof tIn>[1]) => tIn('zh', k),
  place: (id: string) => (id === 'z1' ? '=cmd|"/c calc"!A1' : '县：广信区'),
  county: () => '广信区',
  enterprise: (id: string) => (id === 'E1' ? '+企业,一"' : '-2+3'),
};

describe('neutraliseFormula (OWASP CSV injection), the same as the enterprise export', () => {
  it('quotes a leading = + - @ tab or CR (and a quote before one), not plain numbers, nothing else', () => {
    for (const s of ['=1+1', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', "'=x"])
      expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['示例园区', 'a=b', '', ' =x', '-1', '+2.5']) expect(neutraliseFormula(s)).toBe(s);
  });
});

describe('the investment-promotion list as files', () => {
  const table = gapTable(rows, names);

  it('CSV: BOM, readable headers, machine names, values as read; formulas neutralised; candidates joined with ;', () => {
    const csv = gapCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]![0]).toBe('园区/县编号');
    expect(parsed[0]).toContain('可对接企业（由近及远）');
    expect(parsed[1]).toEqual([...GAP_COLUMNS]);
    expect(parsed).toHaveLength(4);
    expect(parsed[2]).toEqual(
      [
        'z1',
        '\'=cmd|"/c calc"!A1',
        '广信区',
        '下游·应用',
        '电线电缆/漆包线',
        '缺失',
        '0',
        '12',
        'E1;@E2',
        '\'+企业,一";-2+3',
        '1.23;10.00',
      ]
        .map((v, i) => (i === 10 || i === 8 ? v : v))
        .map((v) => (v.startsWith('+') ? `'${v}` : v)),
    );
    expect(parsed[3]!.slice(0, 6)).toEqual([
      'county:361104',
      '县：广信区',
      '广信区',
      '上游·原料',
      '铜矿采选',
      '薄弱',
    ]);
    expect(parsed[3]![8]).toBe('');
  });

  it('XLSX: the same two header rows and cells; numbers stay numbers', async () => {
    const bytes = await gapXlsx(table, tIn('zh', 'gaps.sheet'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.getWorksheet('招商清单')!;
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(1).getCell(1).value).toBe('园区/县编号');
    expect(ws.getRow(2).values).toEqual([undefined, ...GAP_COLUMNS]);
    expect(ws.getRow(3).getCell(2).value).toBe('\'=cmd|"/c calc"!A1');
    expect(ws.getRow(3).getCell(2).formula).toBeUndefined();
    expect(ws.getRow(3).getCell(8).value).toBe(12);
    expect(ws.getRow(4).getCell(1).value).toBe('county:361104');
  });
});
