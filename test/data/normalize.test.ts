import { describe, expect, it } from 'vitest';
import { normalizeRow } from '../../src/data/normalize.ts';
import { base } from './row-fixtures.ts';

describe('normalizeRow (row files)', () => {
  it('reads coordinate columns and converts GCJ-02 per row', () => {
    const r = normalizeRow({ ...base, 经度: '118', 纬度: '28.5', 坐标系: '高德' }, 7);
    expect(r.error).toBeUndefined();
    expect(r.record!.lon).toBeCloseTo(117.99489, 5);
    expect(r.record!.lat).toBeCloseTo(28.50326, 5);
    expect(r.record!.extra).toEqual({}); // the crs column is consumed
  });
  it('rejects half coordinates and unknown coordinate systems', () => {
    expect(normalizeRow({ ...base, longitude: 118 }, 3).error).toMatchObject({ row: 3, field: 'latitude' });
    expect(normalizeRow({ ...base, longitude: 'abc', latitude: 28 }, 4).error).toMatchObject({
      field: 'longitude',
    });
    expect(normalizeRow({ ...base, longitude: 118, latitude: 28, crs: 'mars' }, 5).error).toMatchObject({
      field: 'crs',
    });
  });
  it('uses defaultSource when the row has none', () => {
    expect(
      normalizeRow({ ...base, source: undefined }, 1, { defaultSource: 'file.csv' }).record?.source,
    ).toBe('file.csv');
  });
});
