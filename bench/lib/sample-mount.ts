/**
 * The benchmarks' data: the app's seeded sample generator (scripts/lib/sample.ts) at n enterprises,
 * written as GeoJSON into `dir`, and the mount that serves the built app at `/n<n>/` reading it through
 * its belt.config.json (the deployment's data, as a portal would configure it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample } from '../../scripts/lib/sample.ts';
import { enterprisesToGeoJSON, zonesToGeoJSON } from '../../src/data/serialize.ts';
import type { Enterprise } from '../../src/data/types.ts';
import type { Mount } from '../../test/e2e/server.ts';

export function sampleMount(
  dir: string,
  n: number,
  seed: number,
): { mount: Mount; enterprises: Enterprise[] } {
  const { enterprises, zones } = generateSample({ seed, count: n });
  const e = join(dir, `enterprises-${n}.geojson`);
  const z = join(dir, `zones-${n}.geojson`);
  writeFileSync(e, JSON.stringify(enterprisesToGeoJSON(enterprises)));
  writeFileSync(z, JSON.stringify(zonesToGeoJSON(zones)));
  return {
    enterprises,
    mount: {
      prefix: `/n${n}/`,
      files: { 'bench/enterprises.geojson': e, 'bench/zones.geojson': z },
      configOverride: JSON.stringify({
        data: { enterprises: 'bench/enterprises.geojson', zones: 'bench/zones.geojson' },
      }),
    },
  };
}
