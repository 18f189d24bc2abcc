import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateEnterprises, validateZones } from '../../scripts/lib/validate.ts';

const geodata = path.resolve(import.meta.dirname, '../../geodata');
const read = (f: string) => JSON.parse(readFileSync(path.join(geodata, f), 'utf8'));

describe('committed sample files', () => {
  it('are valid (errors fail npm test)', () => {
    const z = validateZones(read('zones.sample.geojson'), 'zones.sample.geojson');
    expect(z.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(z.zoneIds.size).toBe(13);
    const issues = validateEnterprises(read('enterprises.sample.geojson'), { zoneIds: z.zoneIds });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

const pt = (c: [number, number] | null) => (c ? { type: 'Point', coordinates: c } : null);
const good = {
  id: 'g',
  name: 'n',
  stage: 'midstream',
  segment: 'casting',
  county: '361125',
  zone: 'z1',
  precision: 'zone',
  source: 's',
};
const feat = (p: Record<string, unknown>, c: [number, number] | null = [117.65, 28.5]) => ({
  type: 'Feature',
  properties: p,
  geometry: pt(c),
});

describe('validateEnterprises catches each kind of bad record', () => {
  const cases: [string, Record<string, unknown>, [number, number] | null, string][] = [
    ['stage not in vocabulary', { stage: '中游', segment: null }, [117.65, 28.5], 'stage'],
    ['stage missing', { stage: null, segment: null }, [117.65, 28.5], 'stage'],
    ['segment of another stage', { segment: 'mining' }, [117.65, 28.5], 'segment'],
    ['county not among the 12', { county: '360681' }, [117.65, 28.5], 'county'],
    ['county given as a name', { county: '横峰县' }, [117.65, 28.5], 'county'],
    ['located without county', { county: null }, [117.65, 28.5], 'county'],
    ['outside Shangrao', {}, [113.3, 23.1], 'geometry'],
    ['swapped coordinates', {}, [28.5, 117.65], 'latitude'],
    ['precision missing', { precision: null }, [117.65, 28.5], 'precision'],
    ['source missing', { source: '' }, [117.65, 28.5], 'source'],
    ['unknown zone', { zone: 'nowhere' }, [117.65, 28.5], 'zone'],
    ['id missing', { id: null }, [117.65, 28.5], 'id'],
  ];
  for (const [label, props, coords, field] of cases) {
    it(label, () => {
      const issues = validateEnterprises(
        { type: 'FeatureCollection', features: [feat(good), feat({ ...good, id: 'b2', ...props }, coords)] },
        { zoneIds: new Set(['z1']) },
      );
      const errors = issues.filter((i) => i.severity === 'error');
      expect(errors.length, JSON.stringify(issues)).toBeGreaterThan(0);
      expect(errors.every((e) => e.row === 2)).toBe(true);
      expect(errors.map((e) => e.field)).toContain(field);
    });
  }
  it('duplicate id', () => {
    const issues = validateEnterprises({ type: 'FeatureCollection', features: [feat(good), feat(good)] });
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', row: 2, id: 'g', field: 'id' })]);
  });
  it('unlocated without county is only a warning', () => {
    const issues = validateEnterprises(
      {
        type: 'FeatureCollection',
        features: [feat({ ...good, county: null, zone: null, precision: 'none' }, null)],
      },
      { zoneIds: new Set() },
    );
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', field: 'county' })]);
  });
});

describe('validateZones', () => {
  const poly = (x: number, y: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.02, y],
        [x, y + 0.02],
        [x, y],
      ],
    ],
  });
  const zg = {
    id: 'z1',
    name: 'z',
    level: 'provincial',
    county: '361126',
    precision: 'county',
    source: 's',
    real_boundary: false,
  };
  it('catches bad zones', () => {
    const { issues } = validateZones({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: zg, geometry: poly(117.4, 28.4) },
        { type: 'Feature', properties: { ...zg, id: 'a', county: '360603' }, geometry: poly(117.4, 28.4) },
        { type: 'Feature', properties: { ...zg, id: 'b' }, geometry: poly(120, 30) },
        {
          type: 'Feature',
          properties: { ...zg, id: 'c', real_boundary: 'yes' },
          geometry: poly(117.4, 28.4),
        },
        { type: 'Feature', properties: { ...zg, id: 'd', level: 'cosmic' }, geometry: poly(117.4, 28.4) },
      ],
    });
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [2, 'county'],
      [5, 'level'],
      [3, 'geometry'],
      [4, 'real_boundary'],
    ]);
  });
});
