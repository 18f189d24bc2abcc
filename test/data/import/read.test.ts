import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../src/data/import/decode.ts';
import { readImportFile } from '../../../src/data/import/read.ts';
import { guessField } from '../../../src/data/import/vocabulary.ts';
import { importText } from './helpers.ts';

const CSV =
  '企业名称,经度,纬度,备注\n上饶铜材厂,117.97,28.45,铜杆\n\n广丰线缆,118.19,28.44,"多行\n备注"\n弋阳再生,117.44,28.40,末行\n';

describe('encodings', () => {
  it('detects a BOM, strict UTF-8, else GB18030', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({
      encoding: 'utf-8',
      by: 'bom',
    });
    expect(detectEncoding(new TextEncoder().encode('企业名称'))).toEqual({
      encoding: 'utf-8',
      by: 'utf-8-valid',
    });
    expect(detectEncoding(iconv.encode('企业名称', 'gbk'))).toEqual({ encoding: 'gb18030', by: 'fallback' });
  });
  for (const [label, bytes] of [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')])],
    ['UTF-8', Buffer.from(CSV, 'utf8')],
    ['GBK', iconv.encode(CSV, 'gbk')],
    ['GB18030', iconv.encode(CSV, 'gb18030')],
  ] as const) {
    it(`reads a CSV in ${label} with the spreadsheet's row numbers`, async () => {
      const f = await readImportFile('r.csv', new Uint8Array(bytes));
      expect(f.kind).toBe('enterprises');
      expect(f.table.columns).toEqual(['企业名称', '经度', '纬度', '备注']);
      expect(f.table.rows.map((r) => r[0])).toEqual(['上饶铜材厂', '广丰线缆', '弋阳再生']);
      // Header = row 1; the blank line is row 3; the quoted two-line cell is one spreadsheet row.
      expect(f.table.rowNumbers).toEqual([2, 4, 5]);
      expect(f.table.rows[1]![3]).toBe('多行\n备注');
    });
  }
  it('reads a GB18030-only character (not in GBK)', async () => {
    const r = await importText('企业名称\n䶮铜业\n', {}, 'gb18030');
    expect(r.records[0]!.name).toBe('䶮铜业');
  });
  it('an encoding the user chooses overrides the detection', async () => {
    const gbk = new Uint8Array(iconv.encode('名称\n铜\n', 'gbk'));
    const f = await readImportFile('r.csv', gbk, { encoding: 'utf-8' });
    expect(f.table.columns[0]).not.toBe('名称'); // mojibake, as chosen: the user sees and corrects it
    expect(f.table.encoding).toEqual({ encoding: 'utf-8', by: 'chosen' });
  });
});

describe('XLSX (exceljs)', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('名录');
    a.addRow([]);
    a.addRow(['企业名称', 'lng', 'lat', '成立日期', '注册资本', 'constructor']);
    a.addRow([
      { richText: [{ text: '上饶' }, { text: '铜业' }] },
      117.97,
      28.45,
      new Date(Date.UTC(2019, 4, 1)),
      { formula: '1+1', result: 2 },
      'x',
    ]);
    a.addRow(['玉山电缆', '118.24', '28.68', null, 500, 'y']);
    const b = wb.addWorksheet('第二页');
    b.addRow(['name', 'longitude', 'latitude']);
    b.addRow(['Second sheet firm', 117.9, 28.4]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  it('reads the first sheet by default, cells as plain values, row numbers as Excel shows them', async () => {
    const f = await readImportFile('r.xlsx', await workbook());
    expect(f.table.sheets).toEqual(['名录', '第二页']);
    expect(f.table.sheet).toBe('名录');
    expect(f.table.columns).toEqual(['企业名称', 'lng', 'lat', '成立日期', '注册资本', 'constructor']);
    expect(f.table.rows[0]).toEqual(['上饶铜业', 117.97, 28.45, '2019-05-01', 2, 'x']);
    expect(f.table.rowNumbers).toEqual([3, 4]);
  });
  it('reads another sheet when chosen', async () => {
    const f = await readImportFile('r.xlsx', await workbook(), { sheet: '第二页' });
    expect(f.table.rows).toEqual([['Second sheet firm', 117.9, 28.4]]);
  });
});

describe('GeoJSON', () => {
  it('points are enterprises, polygons are zones', async () => {
    const pt = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'a' },
          geometry: { type: 'Point', coordinates: [117.9, 28.4] },
        },
      ],
    };
    const poly = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'z' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [117, 28],
                [118, 28],
                [118, 29],
                [117, 28],
              ],
            ],
          },
        },
      ],
    };
    expect((await readImportFile('a.geojson', new TextEncoder().encode(JSON.stringify(pt)))).kind).toBe(
      'enterprises',
    );
    expect((await readImportFile('a.geojson', new TextEncoder().encode(JSON.stringify(poly)))).kind).toBe(
      'zones',
    );
  });
  it('a file that is not GeoJSON is an error naming the problem', async () => {
    await expect(
      readImportFile('a.geojson', new TextEncoder().encode('{"type":"Topology"}')),
    ).rejects.toThrow(/FeatureCollection/);
    await expect(readImportFile('a.geojson', new TextEncoder().encode('{'))).rejects.toThrow(
      /not valid JSON/,
    );
  });
});

describe('header recognition', () => {
  it.each([
    ['企业名称', 'name'],
    ['名称', 'name'],
    ['Name', 'name'],
    ['经度', 'longitude'],
    ['lng', 'longitude'],
    ['LON', 'longitude'],
    ['longitude', 'longitude'],
    ['纬度', 'latitude'],
    ['lat', 'latitude'],
    ['Latitude', 'latitude'],
    ['产业链环节', 'stage'],
    ['环节', 'stage'],
    ['stage', 'stage'],
    ['细分行业', 'segment'],
    ['segment', 'segment'],
    ['所属区县', 'county'],
    ['区县', 'county'],
    ['county', 'county'],
    ['所属园区', 'zone'],
    ['园区', 'zone'],
    ['zone', 'zone'],
    ['坐标系', 'crs'],
    ['CRS', 'crs'],
    ['定位精度', 'precision'],
    ['precision', 'precision'],
    ['统一社会信用代码', 'credit_code'],
    ['数据来源', 'source'],
    ['所属区县（全称）', undefined],
    ['constructor', undefined],
    ['__proto__', undefined],
    ['toString', undefined],
  ])('%s → %s', (h, f) => {
    expect(guessField(h)).toBe(f);
  });
  it('a full-width header is recognised (ｎａｍｅ)', () => expect(guessField('ｎａｍｅ')).toBe('name'));
});
