import { describe, expect, it } from 'vitest';
import { parseEnterprisesGeoJSON, parseZonesGeoJSON } from '../../src/data/parse.ts';
import { base, fc, feature } from './row-fixtures.ts';

describe('parseEnterprisesGeoJSON', () => {
  it('reads a good record with defaults and keeps extras in order', () => {
    const r = parseEnterprisesGeoJSON(
      fc(feature({ ...base, zzz: 1, employees: 12, aaa: 'x', flag: true, none: null })),
    );
    expect(r.rejected).toEqual([]);
    expect(r.records).toHaveLength(1);
    const e = r.records[0]!;
    expect(e).toMatchObject({
      id: 'a1',
      stage: 'midstream',
      segment: 'processing',
      county: '361104',
      zone: null,
    });
    expect(e.precision).toBe('exact');
    expect(e.lon).toBe(117.9);
    expect(Object.keys(e.extra)).toEqual(['zzz', 'employees', 'aaa', 'flag', 'none']);
    expect(e.extra).toEqual({ zzz: 1, employees: 12, aaa: 'x', flag: true, none: null });
  });

  it('unlocated: geometry null gives precision none', () => {
    const e = parseEnterprisesGeoJSON(fc(feature(base, null))).records[0]!;
    expect(e.lon).toBeNull();
    expect(e.lat).toBeNull();
    expect(e.precision).toBe('none');
  });

  it('derives the stage from the segment, and keeps unknown stages as unclassified', () => {
    const r = parseEnterprisesGeoJSON(
      fc(
        feature({ ...base, id: 'b', stage: undefined, segment: 'wire-cable' }),
        feature({ ...base, id: 'c', stage: undefined, segment: undefined }),
        feature({ ...base, id: 'd', stage: '神秘', segment: undefined }),
        feature({ ...base, id: 'e', stage: '上游', segment: '废杂铜回收拆解' }),
      ),
    );
    expect(r.rejected).toEqual([]);
    expect(r.records.map((e) => e.stage)).toEqual(['downstream', 'unclassified', 'unclassified', 'upstream']);
    expect(r.records[3]!.segment).toBe('scrap');
    expect(r.records[2]!.extra.stage_as_in_source).toBe('神秘');
    expect(r.warnings.some((w) => w.row === 3 && w.field === 'stage')).toBe(true);
  });

  it('rejects bad rows naming the row and field', () => {
    const r = parseEnterprisesGeoJSON(
      fc(
        feature({ ...base, id: undefined }), // 1: no id
        feature({ ...base, id: 'x2', segment: 'mining' }), // 2: segment of another stage
        feature({ ...base, id: 'x3' }, [200, 28]), // 3: longitude out of range
        feature({ ...base, id: 'x4' }, [118, 95]), // 4: latitude out of range
        feature({ ...base, id: 'x5', county: '360681' }), // 5: not Shangrao
        feature({ ...base, id: 'x6', precision: 'roughly' }), // 6: precision
        feature({ ...base, id: 'x7', source: '' }), // 7: source
        feature({ ...base, id: 'a1' }), // 8: ok
        feature({ ...base, id: 'a1' }), // 9: duplicate
        feature({ ...base, id: 'x10', segment: 'copperish' }), // 10: unknown segment
        feature({ ...base, id: 'x11', name: ' ' }), // 11: no name
        {
          type: 'Feature',
          properties: { ...base, id: 'x12' },
          geometry: { type: 'LineString', coordinates: [] },
        },
        feature({ ...base, id: 'x13', precision: 'none' }), // 13: none but located
        feature({ ...base, id: 'x14', stage: 'unclassified' }), // 14: segment with unclassified
      ),
    );
    expect(r.records.map((e) => e.id)).toEqual(['a1']);
    const byRow = Object.fromEntries(r.rejected.map((x) => [x.row, x]));
    const expectations: [number, string][] = [
      [1, 'id'],
      [2, 'segment'],
      [3, 'longitude'],
      [4, 'latitude'],
      [5, 'county'],
      [6, 'precision'],
      [7, 'source'],
      [9, 'id'],
      [10, 'segment'],
      [11, 'name'],
      [12, 'geometry'],
      [13, 'precision'],
      [14, 'segment'],
    ];
    for (const [row, field] of expectations) {
      expect(byRow[row], `row ${row}`).toBeDefined();
      expect(byRow[row]!.field).toBe(field);
      expect(byRow[row]!.message).toContain(`row ${row}`);
    }
    expect(byRow[9]!.message).toContain("duplicate id 'a1'");
    expect(byRow[2]!.message).toMatch(/segment 'mining' belongs to stage 'upstream'/);
  });

  it('maps the former 上饶县 code and county names', () => {
    const r = parseEnterprisesGeoJSON(
      fc(feature({ ...base, county: '361121' }), feature({ ...base, id: 'b', county: '铅山县' })),
    );
    expect(r.records.map((e) => e.county)).toEqual(['361104', '361124']);
    expect(r.warnings.some((w) => w.field === 'county')).toBe(true);
  });

  it('reports a non-collection as row 0', () => {
    expect(parseEnterprisesGeoJSON({ foo: 1 }).rejected[0]).toMatchObject({ row: 0 });
    expect(parseEnterprisesGeoJSON('{not json').rejected[0]).toMatchObject({ row: 0 });
  });
});

describe('parseZonesGeoJSON', () => {
  const poly = {
    type: 'Polygon',
    coordinates: [
      [
        [117, 28],
        [117.1, 28],
        [117.1, 28.1],
        [117, 28],
      ],
    ],
  };
  const z = (properties: Record<string, unknown>, geometry: unknown = poly) => ({
    type: 'Feature',
    properties,
    geometry,
  });
  const zb = {
    id: 'z1',
    name: '园区',
    level: 'provincial',
    county: '361126',
    precision: 'county',
    source: 's',
  };
  it('reads zones and real_boundary', () => {
    const r = parseZonesGeoJSON(fc(z({ ...zb, real_boundary: true }), z({ ...zb, id: 'z2' })));
    expect(r.rejected).toEqual([]);
    expect(r.records.map((x) => x.realBoundary)).toEqual([true, false]);
  });
  it('rejects bad zones naming the field', () => {
    const r = parseZonesGeoJSON(
      fc(
        z({ ...zb, level: 'galactic' }),
        z({ ...zb, id: 'b', county: '110101' }),
        z({ ...zb, id: 'c' }, null),
        z({ ...zb, id: 'd', real_boundary: true }, { type: 'Point', coordinates: [117, 28] }),
        z({ ...zb, id: 'e', source: null }),
      ),
    );
    expect(r.rejected.map((x) => [x.row, x.field])).toEqual([
      [1, 'level'],
      [2, 'county'],
      [3, 'geometry'],
      [4, 'real_boundary'],
      [5, 'source'],
    ]);
  });
});
