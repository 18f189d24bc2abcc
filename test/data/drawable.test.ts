import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnterprisesGeoJSON } from '../../src/data/parse.ts';
import { drawableAsServed } from '../../src/data/parse-job.ts';

const file = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../geodata/enterprises.sample.geojson'), 'utf8'),
) as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } | null }[] };
const check = (json: typeof file) => {
  const r = parseEnterprisesGeoJSON(structuredClone(json));
  return drawableAsServed(json, r.records, r.rejected.length);
};
const edited = (f: (x: typeof file) => void) => {
  const c = structuredClone(file);
  f(c);
  return c;
};

describe('drawableAsServed: the map may load a file by its URL only when it is exactly what it draws', () => {
  it('the committed sample is', () => {
    expect(check(file)).toBe(true);
  });
  it('a stage given as a label is not (the map would not colour it)', () => {
    expect(check(edited((c) => (c.features[3]!.properties.stage = '中游')))).toBe(false);
  });
  it('a rejected row is not (the map would draw it)', () => {
    expect(check(edited((c) => delete c.features[0]!.properties.name))).toBe(false);
  });
  it('a numeric id is not (feature state needs the record id as written)', () => {
    expect(check(edited((c) => (c.features[0]!.properties.id = 12345)))).toBe(false);
  });
  it('coordinates the parser changed are not', () => {
    const located = file.features.findIndex((f) => f.geometry);
    expect(check(edited((c) => c.features[located]!.geometry!.coordinates.push(12)))).toBe(false);
  });
});
