import { describe, expect, it } from 'vitest';
import { parseCrsName, toWGS84 } from '../../src/data/crs.ts';

const KM_PER_DEG = 111.32;

describe('crs', () => {
  it('GCJ-02 → WGS84 near Shangrao moves ≈ 500 m west and 360 m north', () => {
    const [lon, lat] = toWGS84(118, 28.5, 'gcj02');
    const eastKm = (lon - 118) * KM_PER_DEG * Math.cos((28.5 * Math.PI) / 180);
    const northKm = (lat - 28.5) * KM_PER_DEG;
    expect(eastKm).toBeGreaterThan(-0.55);
    expect(eastKm).toBeLessThan(-0.45);
    expect(northKm).toBeGreaterThan(0.33);
    expect(northKm).toBeLessThan(0.39);
  });
  it('BD-09 → WGS84 differs from GCJ-02 → WGS84, and WGS84 is the identity', () => {
    const bd = toWGS84(118, 28.5, 'bd09');
    expect(bd[0]).toBeLessThan(118 - 0.01);
    expect(toWGS84(118, 28.5, 'wgs84')).toEqual([118, 28.5]);
  });
  it('parses CRS names', () => {
    const cases: [string, string | undefined][] = [
      ['WGS84', 'wgs84'],
      ['wgs 84', 'wgs84'],
      ['CGCS2000', 'wgs84'],
      ['GCJ-02', 'gcj02'],
      ['gcj02', 'gcj02'],
      ['高德', 'gcj02'],
      ['腾讯', 'gcj02'],
      ['BD-09', 'bd09'],
      [' bd09 ', 'bd09'],
      ['百度', 'bd09'],
      ['百度坐标', 'bd09'],
      ['mars', undefined],
    ];
    for (const [s, want] of cases) expect(parseCrsName(s), s).toBe(want);
  });
});
