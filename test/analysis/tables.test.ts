import { describe, expect, it } from 'vitest';
import { chainCompleteness } from '../../src/analysis/chain-completeness.ts';
import { locationQuotients } from '../../src/analysis/location-quotients.ts';
import { resolveZones } from '../../src/analysis/resolve-zones.ts';
import type { AnalysisRecord } from '../../src/analysis/types.ts';
import type { Stage, Zone } from '../../src/data/types.ts';

const rec = (
  id: string,
  stage: Stage,
  county: string | null,
  extra: Partial<AnalysisRecord> = {},
): AnalysisRecord => ({
  id,
  stage,
  segment: null,
  county,
  zone: null,
  lon: null,
  lat: null,
  ...extra,
});

describe('locationQuotients (hand-worked)', () => {
  // County A: 3 up, 1 mid; county B: 1 up, 3 mid, 2 down. Support / unclassified / no county ignored.
  const records = [
    ...['u1', 'u2', 'u3'].map((id) => rec(id, 'upstream', 'A')),
    rec('m1', 'midstream', 'A'),
    rec('u4', 'upstream', 'B'),
    ...['m2', 'm3', 'm4'].map((id) => rec(id, 'midstream', 'B')),
    ...['d1', 'd2'].map((id) => rec(id, 'downstream', 'B')),
    rec('s1', 'support', 'A'),
    rec('x1', 'unclassified', 'A'),
    rec('u5', 'upstream', null),
  ];
  const lq = locationQuotients(records);
  const get = (c: string, s: string) => lq.find((q) => q.county === c && q.stage === s)!;
  it('LQ = (n_cs/n_c)/(n_s/n) with n = 10 chain records that have a county', () => {
    // A upstream: (3/4) / (4/10) = 1.875; A midstream: (1/4)/(4/10) = 0.625; A downstream: 0.
    expect(get('A', 'upstream')).toEqual({
      county: 'A',
      stage: 'upstream',
      count: 3,
      countyTotal: 4,
      value: 1.875,
      specialised: true,
    });
    expect(get('A', 'midstream').value).toBeCloseTo(0.625, 12);
    expect(get('A', 'downstream')).toMatchObject({ count: 0, value: 0, specialised: false });
    // B downstream: (2/6)/(2/10) = 1.666…; B midstream (3/6)/(4/10) = 1.25: not > 1.25.
    expect(get('B', 'downstream').value).toBeCloseTo(5 / 3, 12);
    expect(get('B', 'downstream').specialised).toBe(true);
    expect(get('B', 'midstream').value).toBeCloseTo(1.25, 12);
    expect(get('B', 'midstream').specialised).toBe(false);
    expect(lq.length).toBe(6);
  });
  it('stage absent everywhere ⇒ null, never NaN; no records ⇒ empty', () => {
    const only = locationQuotients([rec('a', 'upstream', 'A'), rec('b', 'upstream', 'B')]);
    expect(only.find((q) => q.stage === 'midstream')!.value).toBeNull();
    expect(only.find((q) => q.stage === 'upstream')!.value).toBe(1);
    expect(locationQuotients([])).toEqual([]);
  });
});

describe('chainCompleteness (hand-worked)', () => {
  it('counts, gaps and thin stages (count < 2 or share < 10 %)', () => {
    const keys = [
      'z1',
      'z1',
      'z1',
      'z1',
      'z1',
      'z1',
      'z1',
      'z1',
      'z1',
      'z1',
      'z1',
      'z1',
      'z2',
      'z2',
      'z2',
      null,
    ];
    const stages: Stage[] = [
      ...new Array<Stage>(11).fill('midstream'),
      'downstream',
      'upstream',
      'upstream',
      'support',
      'upstream',
    ];
    const out = chainCompleteness('zone', keys, stages, ['z0', 'z1']);
    expect(out.map((c) => c.id)).toEqual(['z0', 'z1', 'z2']);
    expect(out[0]).toEqual({
      id: 'z0',
      kind: 'zone',
      counts: { upstream: 0, midstream: 0, downstream: 0 },
      total: 0,
      gaps: ['upstream', 'midstream', 'downstream'],
      thin: [],
    });
    // z1: 0 up (gap), 11 mid, 1 down (thin: fewer than 2 and 1/12 < 10 %).
    expect(out[1]).toMatchObject({
      counts: { upstream: 0, midstream: 11, downstream: 1 },
      gaps: ['upstream'],
      thin: ['downstream'],
    });
    // z2: support ignored; 2 upstream is neither thin nor a gap.
    expect(out[2]).toMatchObject({ total: 2, gaps: ['midstream', 'downstream'], thin: [] });
  });
  it('share rule alone: 2 of 25 (8 %) is thin', () => {
    const stages: Stage[] = [
      ...new Array<Stage>(23).fill('upstream'),
      'midstream',
      'midstream',
      'downstream',
      'downstream',
      'downstream',
    ];
    const out = chainCompleteness('county', new Array(stages.length).fill('361102'), stages);
    expect(out[0]!.thin).toEqual(['midstream']);
  });
});

describe('resolveZones', () => {
  const square: Zone = {
    id: 'zA',
    name: 'A',
    nameEn: null,
    level: 'provincial',
    county: '361102',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [117, 28],
          [117.1, 28],
          [117.1, 28.1],
          [117, 28.1],
          [117, 28],
        ],
      ],
    },
    precision: 'exact',
    source: 't',
    realBoundary: true,
  };
  const notReal: Zone = { ...square, id: 'zB', realBoundary: false };
  it('own zone id wins; containment only for records without one, only by real boundaries', () => {
    const records = [
      rec('inside', 'midstream', null, { lon: 117.05, lat: 28.05 }),
      rec('own', 'midstream', null, { lon: 117.05, lat: 28.05, zone: 'zX' }),
      rec('outside', 'midstream', null, { lon: 117.2, lat: 28.05 }),
      rec('unlocated', 'midstream', null),
    ];
    const r = resolveZones(records, [notReal, square]);
    expect(r.zoneOf).toEqual(['zA', 'zX', null, null]);
    expect(Array.from(r.byContainment)).toEqual([1, 0, 0, 0]);
    expect(resolveZones(records, [notReal]).zoneOf).toEqual([null, 'zX', null, null]);
  });
  it('only exact and street-level points join a zone by containment', () => {
    const at = { lon: 117.05, lat: 28.05 };
    const records = (['exact', 'street', 'township', 'zone', 'county'] as const).map((precision) => ({
      ...rec(precision, 'midstream', null, at),
      precision,
    }));
    expect(resolveZones(records, [square]).zoneOf).toEqual(['zA', 'zA', null, null, null]);
  });
});
