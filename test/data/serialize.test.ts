import { describe, expect, it } from 'vitest';
import { parseEnterprisesCSV, parseEnterprisesGeoJSON } from '../../src/data/parse.ts';
import { enterprisesToCSV, enterprisesToGeoJSON } from '../../src/data/serialize.ts';
import type { Enterprise } from '../../src/data/types.ts';

const records: Enterprise[] = [
  {
    id: 'r1',
    name: '甲, "引号" 铜业',
    nameEn: 'Jia Copper',
    stage: 'midstream',
    segment: 'casting',
    county: '361125',
    zone: 'z1',
    lon: 117.6,
    lat: 28.42,
    precision: 'zone',
    source: 'registry 2025',
    extra: { employees: 120, founded: 2008, note: '多行\n文本', active: true },
  },
  {
    id: 'r2',
    name: '乙企业',
    nameEn: null,
    stage: 'unclassified',
    segment: null,
    county: null,
    zone: null,
    lon: null,
    lat: null,
    precision: 'none',
    source: 'report',
    extra: { employees: null, founded: 1999, note: 'x', active: false },
  },
];

describe('serialisation', () => {
  it('GeoJSON export follows the contract and round-trips', () => {
    const g = enterprisesToGeoJSON(records, { r2: 'z9' });
    expect(Object.keys(g.features[0]!.properties!)).toEqual([
      'id',
      'name',
      'stage',
      'segment',
      'county',
      'zone',
      'precision',
      'source',
      'name_en',
      'employees',
      'founded',
      'note',
      'active',
    ]);
    expect(g.features[1]!.geometry).toBeNull();
    expect(g.features[1]!.properties!.zone).toBe('z9');
    expect('name_en' in g.features[1]!.properties!).toBe(false);
    const back = parseEnterprisesGeoJSON(JSON.parse(JSON.stringify(enterprisesToGeoJSON(records))));
    expect(back.rejected).toEqual([]);
    expect(back.records).toEqual(records);
  });

  it('CSV export has a BOM, the fixed columns, and round-trips', () => {
    const csv = enterprisesToCSV(records);
    expect(
      csv.startsWith('\uFEFFid,name,stage,segment,county,zone,precision,source,longitude,latitude,name_en,'),
    ).toBe(true);
    const back = parseEnterprisesCSV(csv);
    expect(back.rejected).toEqual([]);
    expect(back.records).toEqual(records);
  });
});
