import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { centroid } from '@turf/centroid';
import { expect, it } from 'vitest';
import { COUNTIES } from '../../src/data/counties.ts';
import { COUNTY_CENTROIDS } from '../../src/data/county-centroids.ts';

it('COUNTY_CENTROIDS is Turf centroid of each county of geodata/counties.geojson (regenerate: scripts/county-centroids.ts)', () => {
  const fc = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../geodata/counties.geojson'), 'utf8'),
  ) as GeoJSON.FeatureCollection;
  const want = Object.fromEntries(
    fc.features.map((f) => [String(f.properties?.adcode), centroid(f).geometry.coordinates]),
  );
  expect(COUNTY_CENTROIDS).toEqual(want);
  expect(Object.keys(COUNTY_CENTROIDS).sort()).toEqual(COUNTIES.map((c) => c.adcode).sort());
});
