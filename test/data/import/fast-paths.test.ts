/**
 * The import's fast paths (issue 7, 100,000 rows within 3× the bare parse) give exactly what the slow
 * paths give: the plain-decimal check, the NFKC-stable check of names, the ASCII upper-casing of credit
 * codes, the batched coordinate conversion, and rows processed in blocks of 1,000.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { toWGS84, toWGS84InPlace } from '../../../src/data/crs.ts';
import { isPlainDecimal, parseCoordinate } from '../../../src/data/import/coordinates.ts';
import { decodeText, detectAndDecode, detectEncoding } from '../../../src/data/import/decode.ts';
import { upperCase } from '../../../src/data/import/enterprises.ts';
import { type ImportMessage, runImportJob, sameBytes } from '../../../src/data/import/job.ts';
import { readCsvTable } from '../../../src/data/import/table.ts';
import { trimText } from '../../../src/data/import/trim.ts';
import { isNfkcStable, zoneNameKey } from '../../../src/data/import/vocabulary.ts';
import { importText } from './helpers.ts';

const PLAIN = /^\s*[-+]?\d+(\.\d+)?\s*$/;
const TEXTS = [
  '',
  '117',
  '117.5',
  '-0.5',
  '+28.25',
  '117.',
  '.5',
  '+',
  '-',
  '1e2',
  '0x10',
  '117.5.1',
  ' 117.5',
  '117.5 ',
  '１１７.５',
  '117,5',
  'Infinity',
  'NaN',
  '00117.000',
  '--1',
  '117.5E',
  '١٢٣',
];

describe('isPlainDecimal', () => {
  it('is true only where PLAIN matches, and the coordinate read is unchanged', () => {
    for (const s of TEXTS) {
      if (isPlainDecimal(s)) expect(PLAIN.test(s), s).toBe(true);
      expect(isPlainDecimal(s), s).toBe(/^[-+]?\d+(\.\d+)?$/.test(s));
    }
    expect(parseCoordinate(' 117.5 ', 'lon')).toBe(117.5);
    expect(parseCoordinate('１１７.５', 'lon')).toBe(117.5);
    expect(parseCoordinate('117.', 'lon')).toBe(117);
    expect(parseCoordinate('0x10', 'lon')).toBeUndefined();
  });
});

describe('zoneNameKey', () => {
  it('every character the fast path trusts is its own NFKC form', () => {
    const bad: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const s = String.fromCharCode(c);
      if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogates
      if (isNfkcStable(s) && s.normalize('NFKC') !== s) bad.push(c);
    }
    expect(bad).toEqual([]);
    expect(isNfkcStable('上饶某某铜业有限公司1')).toBe(true);
  });

  it('equals NFKC + trim on hostile names', () => {
    for (const s of [
      '  上饶铜业  ',
      'ＡＢＣ公司',
      'e\u0301',
      '上饶\u3000铜业',
      '\uF900',
      '⼀',
      '㈱上饶',
      '__proto__',
      '<b>x</b>',
      '=HYPERLINK("x")',
      '\t tab',
      'ﬁ',
    ])
      expect(zoneNameKey(s), s).toBe(s.normalize('NFKC').trim());
  });
});

describe('trimText', () => {
  it('equals trim, whatever the edges', () => {
    for (const s of [
      '',
      ' ',
      'a',
      '上饶',
      ' 上饶',
      '上饶 ',
      '\u3000上饶\u3000',
      '\uFEFF上饶',
      '\u00A0x',
      'x\t',
      '\r\n',
      '\u2028a',
      'a\u205F',
      '一',
      '\u9fff',
      '\u4dff',
      'ab\u200Bc',
    ])
      expect(trimText(s), JSON.stringify(s)).toBe(s.trim());
  });

  it('a CSV row of nothing but full-width spaces is still an empty row', () => {
    const t = readCsvTable(new TextEncoder().encode('企业名称,经度\n\u3000,\u00A0\n甲,117'));
    expect(t.rows).toEqual([['甲', '117']]);
    expect(t.rowNumbers).toEqual([3]);
  });
});

describe('detectAndDecode', () => {
  it('gives what detectEncoding then decodeText give, with and without BOM, UTF-8, GBK, UTF-16', () => {
    const text = '企业名称,经度\r\n上饶铜业,117.9\r\n';
    const files = [
      new TextEncoder().encode(text),
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      new Uint8Array(iconv.encode(text, 'gbk')),
      new Uint8Array(iconv.encode(text, 'utf16le', { addBOM: true })),
      new Uint8Array([0x41, 0x42, 0xff, 0x43]),
      new Uint8Array(),
    ];
    for (const bytes of files) {
      const d = detectEncoding(bytes);
      expect(detectAndDecode(bytes)).toEqual({ encoding: d, text: decodeText(bytes, d.encoding) });
    }
    expect(detectAndDecode(files[2]!).text).toBe(text);
  });
});

describe('upperCase', () => {
  it('equals toUpperCase', () => {
    for (const s of ['91361100MA35', '91361100ma35', 'ß', 'ﬁ', 'Ａｂ', 'abc', '', '123-X', 'ǆ'])
      expect(upperCase(s), s).toBe(s.toUpperCase());
  });
});

describe('toWGS84InPlace', () => {
  it('gives, pair by pair, what toWGS84 gives (in China and outside)', () => {
    const points: [number, number][] = [
      [117.97, 28.45],
      [116.3, 27.9],
      [118.5, 29.6],
      [2.35, 48.85],
      [-0.5, 0],
    ];
    for (const crs of ['gcj02', 'bd09', 'wgs84'] as const) {
      const batch = points.map((p) => [...p] as [number, number]);
      toWGS84InPlace(batch, crs);
      expect(batch).toEqual(points.map(([x, y]) => toWGS84(x, y, crs)));
    }
  });
});

describe('rows in blocks of 1,000', () => {
  const H = '企业名称,经度,纬度,坐标系,统一社会信用代码,__proto__,constructor';
  const line = (i: number) => {
    if (i % 997 === 0) return `,117.9,28.4,,,p${i},c${i}`; // rejected: no name
    if (i % 991 === 0) return `坏${i},abc,28.4,,,,`; // rejected: unreadable
    if (i % 13 === 0) return `无坐标${i},,,百度,,,`; // unlocated, crs kept as in source
    const crs = ['', '百度', 'WGS84', '高德'][i % 4];
    return `"'=企业${i % 1500}",${(116.3 + (i % 100) / 50).toFixed(6)},${(27.9 + (i % 70) / 50).toFixed(6)},${crs},91361100ma${i % 1700},p${i},c${i}`;
  };
  const rows = Array.from({ length: 2600 }, (_, i) => line(i));
  const proto = (e: { extra: Record<string, unknown> }) =>
    Object.getOwnPropertyDescriptor(e.extra, '__proto__')?.value;

  it('keep row order in the report, post progress per block and convert each row as one call would', async () => {
    const progress: [number, number][] = [];
    const r = await importText([H, ...rows].join('\n'), {
      crs: 'gcj02',
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(progress).toEqual([
      [0, 2600],
      [1000, 2600],
      [2000, 2600],
      [2600, 2600],
    ]);
    const order = r.report.issues.map((i) => i.row);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Rejections around the block boundaries are reported where they are.
    expect(r.report.issues.filter((i) => i.kind === 'rejected').map((i) => [i.row, i.code])).toEqual([
      [2, 'name-missing'],
      [993, 'coord-unreadable'],
      [999, 'name-missing'],
      [1984, 'coord-unreadable'],
      [1996, 'name-missing'],
    ]);
    for (const e of r.records) {
      const i = Number(String(proto(e)).slice(1));
      const [lon, lat] = rows[i]!.split(',').slice(1, 3).map(Number) as [number, number];
      const crs = ['gcj02', 'bd09', 'wgs84', 'gcj02'][i % 4] as 'gcj02';
      if (i % 13 === 0) {
        expect(e.lon).toBeNull();
        expect(e.extra.crs_as_in_source).toBe('百度');
      } else expect([e.lon, e.lat]).toEqual(toWGS84(lon, lat, crs));
      expect(Object.keys(e.extra).slice(0, 3)).toEqual(['统一社会信用代码', '__proto__', 'constructor']);
    }
    // The formula-neutralised name is restored; duplicates are found across blocks.
    expect(r.records.find((e) => proto(e) === 'p1')?.name).toBe('=企业1');
    const dup = r.report.issues.find((i) => i.code === 'duplicate-name' && i.row === 1503);
    expect(dup?.params).toEqual({ value: '=企业1', first: 3 });
    const code = r.report.issues.find((i) => i.code === 'duplicate-credit-code' && i.row === 1703);
    expect(code?.params).toEqual({ value: '91361100MA1', first: 3 });
  });
});

describe('the table kept from inspect for the run', () => {
  const file = (csv: string) => new TextEncoder().encode(csv).buffer as ArrayBuffer;
  const run = async (bytes: ArrayBuffer) => {
    const out: ImportMessage[] = [];
    await runImportJob(
      {
        type: 'import-run',
        name: 'r.csv',
        bytes,
        kind: 'enterprises',
        mapping: ['name', 'longitude', 'latitude'],
        crs: 'wgs84',
        zones: [],
      },
      (m) => out.push(m),
    );
    return out.flatMap((m) => (m.type === 'enterprises' ? m.records.map((e) => [e.name, e.lon]) : []));
  };

  it('is not used for another file of the same name and size', async () => {
    const a = file('企业名称,经度,纬度\n甲,117.1,28.4\n');
    const b = file('企业名称,经度,纬度\n乙,117.2,28.4\n');
    expect(a.byteLength).toBe(b.byteLength);
    await runImportJob({ type: 'import-inspect', name: 'r.csv', bytes: a }, () => {});
    expect(await run(b)).toEqual([['乙', 117.2]]);
    await runImportJob({ type: 'import-inspect', name: 'r.csv', bytes: a }, () => {});
    expect(await run(a.slice(0))).toEqual([['甲', 117.1]]);
  });

  it('sameBytes compares every byte, the tail after the last whole word included', () => {
    const x = new Uint8Array([1, 2, 3, 4, 5, 6, 7]);
    for (let i = 0; i < x.length; i++) {
      const y = x.slice();
      y[i] = 9;
      expect(sameBytes(x.buffer, y.buffer), `byte ${i}`).toBe(false);
    }
    expect(sameBytes(x.buffer, x.slice().buffer)).toBe(true);
    expect(sameBytes(x.buffer, x.slice(0, 6).buffer)).toBe(false);
  });
});
