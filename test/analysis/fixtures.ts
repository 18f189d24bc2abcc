/** Reads the Turf-style fixtures test/fixtures/<name>/{in.geojson,out.json} (read-only). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export interface Fixture<T> {
  name: string;
  input: GeoJSON.FeatureCollection<GeoJSON.Point> & { properties: Record<string, unknown> };
  output: T;
}

export function loadFixtures<T>(prefix: string): Fixture<T>[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.startsWith(prefix))
    .sort()
    .map((name) => ({
      name,
      input: JSON.parse(readFileSync(join(FIXTURES_DIR, name, 'in.geojson'), 'utf8')),
      output: JSON.parse(readFileSync(join(FIXTURES_DIR, name, 'out.json'), 'utf8')),
    }));
}

export function fcCoords(fc: GeoJSON.FeatureCollection<GeoJSON.Point>): Float64Array {
  const c = new Float64Array(fc.features.length * 2);
  fc.features.forEach((f, i) => {
    c[2 * i] = f.geometry.coordinates[0]!;
    c[2 * i + 1] = f.geometry.coordinates[1]!;
  });
  return c;
}
