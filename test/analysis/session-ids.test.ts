import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/analysis/session.ts';
import type { Enterprise, Zone } from '../../src/data/types.ts';

const rec = (id: string, lon: number): Enterprise =>
  ({
    id,
    name: id,
    stage: 'midstream',
    segment: 'casting',
    county: '361104',
    zone: null,
    lon,
    lat: 28.45,
    precision: 'street',
    source: 'test',
    extra: {},
  }) as unknown as Enterprise;

describe('zone containment by record id', () => {
  it('ids like constructor, toString or __proto__ never read as zones (review: the facet listed function text)', () => {
    const zone = {
      id: 'Z1',
      name: 'Z1',
      level: 'county',
      realBoundary: true,
      county: '361104',
      precision: 'exact',
      source: 'test',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [117.9, 28.4],
            [118.0, 28.4],
            [118.0, 28.5],
            [117.9, 28.5],
            [117.9, 28.4],
          ],
        ],
      },
    } as unknown as Zone;
    const records = [
      rec('constructor', 116.5),
      rec('toString', 116.6),
      rec('__proto__', 117.95),
      rec('in', 117.96),
    ];
    const { resolvedZones } = createAnalysisSession().load(records, [zone], null);
    expect(resolvedZones.constructor).toBeUndefined();
    expect(resolvedZones.toString).toBeUndefined();
    expect(Object.hasOwn(resolvedZones, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(resolvedZones, '__proto__')?.value).toBe('Z1');
    expect(resolvedZones.in).toBe('Z1');
    // What a structured clone would give back keeps working once its prototype is dropped (client.ts).
    const cloned = structuredClone(resolvedZones);
    Object.setPrototypeOf(cloned, null);
    expect(cloned.constructor).toBeUndefined();
  });
});
