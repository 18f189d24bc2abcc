import { describe, expect, it } from 'vitest';
import { pinyinInitials } from '../../src/data/pinyin.ts';
import { buildSearchIndex, search } from '../../src/data/search.ts';
import type { Enterprise, Zone } from '../../src/data/types.ts';

const ent = (id: string, name: string, nameEn: string | null): Enterprise => ({
  id,
  name,
  nameEn,
  stage: 'midstream',
  segment: 'processing',
  county: '361104',
  zone: null,
  lon: 117.9,
  lat: 28.4,
  precision: 'township',
  source: 'test',
  extra: {},
});
const zone: Zone = {
  id: 'srjk',
  name: '上饶经济技术开发区',
  nameEn: 'Shangrao Economic and Technological Development Zone',
  level: 'national',
  county: '361104',
  geometry: { type: 'Point', coordinates: [117.9, 28.4] },
  precision: 'county',
  source: 'test',
  realBoundary: false,
};

describe('pinyin initials', () => {
  it('gives the first letters of each character, keeping letters and digits', () => {
    expect(pinyinInitials('铜材加工')).toBe('tcjg');
    expect(pinyinInitials('上饶经济技术开发区')).toBe('srjjjskfq');
    expect(pinyinInitials('示例·企业 0123')).toBe('slqy0123');
  });
});

describe('search', () => {
  const idx = buildSearchIndex(
    [
      ent('E1', '江西铜材加工有限公司', 'Jiangxi Copper Processing Co.'),
      ent('E2', '上饶电缆厂', 'Shangrao Cable Works'),
      ent('E3', '铅山铜业', null),
    ],
    [zone],
    pinyinInitials,
  );
  it('finds by Chinese substring', () => {
    expect(search(idx, '铜').map((h) => h.id)).toEqual(['E1', 'E3']); // equal rank: pinyin order
  });
  it('finds by English, case-insensitively, prefix before substring', () => {
    expect(search(idx, 'shangrao').map((h) => h.id)).toEqual(['srjk', 'E2']);
    expect(search(idx, 'CABLE').map((h) => h.id)).toEqual(['E2']);
  });
  it('finds by pinyin initials', () => {
    expect(search(idx, 'jxtc').map((h) => h.id)).toEqual(['E1']);
    expect(search(idx, 'srdl').map((h) => h.id)).toEqual(['E2']);
    expect(search(idx, 'ysty').map((h) => h.id)).toEqual(['E3']); // 铅山 reads Yánshān
  });
  it('an empty query finds nothing; the limit holds', () => {
    expect(search(idx, '  ')).toEqual([]);
    expect(search(idx, 'j', 1)).toHaveLength(1);
  });
});

describe('search at scale', () => {
  const many = Array.from({ length: 3000 }, (_, i) =>
    ent(`S${i}`, `示例企业 ${String(i).padStart(4, '0')}`, null),
  );
  it('keeps the best `limit` hits in the same order a full sort gives', async () => {
    const { buildSearchIndexInSlices } = await import('../../src/data/search.ts');
    const idx = await buildSearchIndexInSlices(many, [zone], pinyinInitials, 500);
    expect(idx).toHaveLength(3001);
    const hits = search(idx, '示例企业 00', 5);
    expect(hits.map((h) => h.id)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
    const all = search(idx, '示例', 10_000);
    expect(all).toHaveLength(3000);
    const sorted = [...all].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh'));
    expect(all.map((h) => h.id)).toEqual(sorted.map((h) => h.id));
  });
});
