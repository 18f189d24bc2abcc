import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COUNT,
  DEFAULT_SEED,
  generateSample,
  isSampleRecord,
  sampleFiles,
} from '../../scripts/lib/sample.ts';
import { COUNTY_ADCODES } from '../../src/data/counties.ts';
import { parseEnterprisesGeoJSON, parseZonesGeoJSON } from '../../src/data/parse.ts';
import { enterprisesToGeoJSON, zonesToGeoJSON } from '../../src/data/serialize.ts';
import { SEGMENTS, type Stage } from '../../src/data/types.ts';

const def = generateSample({ seed: DEFAULT_SEED, count: DEFAULT_COUNT });

describe('generateSample', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateSample({ seed: DEFAULT_SEED, count: DEFAULT_COUNT })).toEqual(def);
    const other = generateSample({ seed: 7, count: DEFAULT_COUNT });
    expect(other.enterprises.map((e) => [e.lon, e.lat])).not.toEqual(
      def.enterprises.map((e) => [e.lon, e.lat]),
    );
  });

  it('makes exactly count enterprises, >= 800, over all 12 counties and all 13 segments', () => {
    expect(def.enterprises).toHaveLength(DEFAULT_COUNT);
    expect(def.enterprises.length).toBeGreaterThanOrEqual(800);
    const counties = new Set(def.enterprises.map((e) => e.county).filter(Boolean));
    expect([...counties].sort()).toEqual([...COUNTY_ADCODES].sort());
    const segs = new Set(def.enterprises.map((e) => e.segment).filter(Boolean));
    expect([...segs].sort()).toEqual([...SEGMENTS].sort());
  });

  it('has the survey-shaped stage proportions', () => {
    const n = def.enterprises.length;
    const share = (s: Stage) => def.enterprises.filter((e) => e.stage === s).length / n;
    expect(share('midstream')).toBeGreaterThanOrEqual(0.55);
    expect(share('midstream')).toBeLessThanOrEqual(0.6);
    expect(share('downstream')).toBeGreaterThanOrEqual(0.12);
    expect(share('downstream')).toBeLessThanOrEqual(0.15);
    expect(share('support')).toBeGreaterThanOrEqual(0.07);
    expect(share('support')).toBeLessThanOrEqual(0.09);
    expect(share('upstream')).toBeGreaterThanOrEqual(0.17);
    expect(share('upstream')).toBeLessThanOrEqual(0.22);
    const uncl = def.enterprises.filter((e) => e.stage === 'unclassified').length;
    expect(uncl).toBeGreaterThan(0);
    expect(uncl / n).toBeLessThanOrEqual(0.02);
  });

  it('labels every synthetic record as a sample and keeps reported firms unlocated', () => {
    for (const e of def.enterprises) {
      if (isSampleRecord(e)) {
        expect(e.name.startsWith('示例·')).toBe(true);
        expect(e.nameEn?.startsWith('Sample ')).toBe(true);
        expect(e.source).toBe(`synthetic sample (seeded generator, seed ${DEFAULT_SEED})`);
      } else {
        expect(e.lon).toBeNull();
        expect(e.precision).toBe('none');
        expect(e.source).toMatch(/survey/);
      }
    }
    for (const z of def.zones) {
      expect(z.realBoundary).toBe(false);
      expect(z.name).toMatch(/位置示意/);
    }
  });

  it('survives a GeoJSON round trip unchanged', () => {
    const e = parseEnterprisesGeoJSON(JSON.parse(JSON.stringify(enterprisesToGeoJSON(def.enterprises))));
    expect(e.rejected).toEqual([]);
    expect(e.records).toEqual(def.enterprises);
    const z = parseZonesGeoJSON(JSON.parse(JSON.stringify(zonesToGeoJSON(def.zones))));
    expect(z.rejected).toEqual([]);
    expect(z.records).toEqual(def.zones);
  });
});

describe('committed sample files', () => {
  it('are byte for byte the default-seed output (rerun npm run geodata:sample after changing the generator)', () => {
    const dir = path.resolve(import.meta.dirname, '../../geodata');
    const files = sampleFiles({ seed: DEFAULT_SEED, count: DEFAULT_COUNT });
    expect(readFileSync(path.join(dir, 'enterprises.sample.geojson'), 'utf8')).toBe(files.enterprisesText);
    expect(readFileSync(path.join(dir, 'zones.sample.geojson'), 'utf8')).toBe(files.zonesText);
    expect(files.enterprises).toEqual(def.enterprises);
  });
});
