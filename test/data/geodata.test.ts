import { readFileSync } from 'node:fs';
import path from 'node:path';
import { area } from '@turf/area';
import { describe, expect, it } from 'vitest';
import { generatorGeodata, shangraoBbox } from '../../scripts/lib/geodata.ts';
import { ATTRIBUTION } from '../../src/data/attribution.ts';
import { COUNTIES, COUNTY_ADCODES } from '../../src/data/counties.ts';

const geodata = path.resolve(import.meta.dirname, '../../geodata');
const read = (f: string) =>
  JSON.parse(readFileSync(path.join(geodata, f), 'utf8')) as GeoJSON.FeatureCollection;

describe('geodata files', () => {
  it('counties: the 12 units with the right adcodes and names', () => {
    const fc = read('counties.geojson');
    expect(fc.features.map((f) => f.properties?.adcode).sort()).toEqual([...COUNTY_ADCODES].sort());
    for (const f of fc.features) {
      const c = COUNTIES.find((x) => x.adcode === f.properties?.adcode)!;
      expect(f.properties).toMatchObject({ name_zh: c.nameZh, name_en: c.nameEn });
      expect(typeof f.properties?.label_lon).toBe('number');
      expect(f.properties?.area_km2).toBeGreaterThan(250);
    }
  });

  it('prefecture area is plausible (22,791 km² ± 10 %)', () => {
    const fc = read('shangrao-prefecture.geojson');
    expect(fc.features).toHaveLength(1);
    const km2 = area(fc) / 1e6;
    expect(km2).toBeGreaterThan(22791 * 0.9);
    expect(km2).toBeLessThan(22791 * 1.1);
    const sum = read('counties.geojson').features.reduce((s, f) => s + (f.properties?.area_km2 as number), 0);
    expect(Math.abs(sum - km2) / km2).toBeLessThan(0.01);
  });

  it('neighbours exclude Shangrao; water has Poyang Lake; townships are Shangrao only', () => {
    const n = read('neighbours.geojson');
    expect(n.features.length).toBe(9);
    expect(n.features.some((f) => f.properties?.adcode === '361100')).toBe(false);
    const w = read('water.geojson');
    expect(w.features.some((f) => f.properties?.kind === 'lake' && f.properties?.name_zh === '鄱阳湖')).toBe(
      true,
    );
    expect(
      w.features.every((f) => ['lake', 'river'].includes(f.properties?.kind) && f.properties?.source),
    ).toBe(true);
    const t = read('townships.geojson');
    expect(t.features.every((f) => String(f.properties?.county).startsWith('3611'))).toBe(true);
    expect(t.features.filter((f) => f.properties?.kind !== 'township')).toHaveLength(12);
  });

  it("the generator's view: anchors in every county, a seat or label point and a polygon for each", () => {
    const g = generatorGeodata();
    for (const c of COUNTY_ADCODES) {
      expect(g.anchors.filter((a) => a.county === c).length, c).toBeGreaterThanOrEqual(3);
      expect(g.countySeats.filter((s) => s.county === c)).toHaveLength(1);
      expect(g.countyLabelPoints[c]).toHaveLength(2);
      expect(g.countyShapes[c]?.length).toBeGreaterThan(0);
    }
    expect(g.anchors.filter((a) => a.kind === 'place').map((a) => a.county)).toEqual([
      '361102',
      '361102',
      '361102',
    ]);
    expect(shangraoBbox()).toEqual([116.22421, 27.80423, 118.47519, 29.70092]);
  });

  it('the attribution names every open source', () => {
    for (const s of ['OpenStreetMap', 'GSHHG', 'Natural Earth', 'GeoNames']) {
      expect(ATTRIBUTION.en).toContain(s);
      expect(ATTRIBUTION.zh).toContain(s);
    }
  });
});
