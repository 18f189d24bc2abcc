import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { CHAIN_SEGMENTS } from '../../src/analysis/chain-segments.ts';
import { GAP_CANDIDATES, type GapRow, gapList } from '../../src/analysis/gap-list.ts';
import { pointIndex } from '../../src/analysis/nearest-to-point.ts';
import { resolveZones } from '../../src/analysis/resolve-zones.ts';
import type { AnalysisRecord } from '../../src/analysis/types.ts';
import { PRECISIONS, SEGMENT_STAGE, SEGMENTS, type Segment, type Zone } from '../../src/data/types.ts';
import { bruteGaps } from './brute-gaps.ts';
import { mulberry32, uniform } from './random.ts';

const square = (id: string, county: string, lon: number, lat: number, d: number): Zone => ({
  id,
  name: `<b>${id}</b>`,
  nameEn: null,
  level: 'provincial',
  county,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  },
  precision: 'exact',
  source: 'test',
  realBoundary: true,
});

function randomCase(seed: number, n: number) {
  const rnd = mulberry32(seed);
  const zones: Zone[] = [
    square('z-a', '361102', 117.9, 28.4, 0.1),
    square('z-b', '361104', 117.5, 28.6, 0.2),
    {
      ...square('z-pt', '361123', 118.1, 28.7, 0),
      geometry: { type: 'Point', coordinates: [118.1, 28.7] },
      realBoundary: false,
      precision: 'zone',
    },
    { ...square('z-none', '361181', 0, 0, 0), precision: 'none', realBoundary: false },
    square('__proto__', '361102', 118.0, 28.3, 0.05),
  ];
  const counties = ['361102', '361104', '361123', '361181'];
  const segs = SEGMENTS as Segment[];
  const pts = uniform(rnd, n, { west: 117.4, south: 28.2, east: 118.2, north: 28.9 });
  const records: AnalysisRecord[] = pts.map((p, i) => {
    const segment = rnd() < 0.05 ? null : segs[Math.floor(rnd() * segs.length)]!;
    const u = rnd();
    return {
      id: `e${i}`,
      stage: segment ? SEGMENT_STAGE[segment] : 'unclassified',
      segment,
      county: u < 0.03 ? null : counties[Math.floor(rnd() * counties.length)]!,
      zone:
        u < 0.2
          ? (['z-a', 'z-none', 'z-pt', 'z-elsewhere', '__proto__'] as const)[Math.floor(rnd() * 5)]!
          : null,
      lon: rnd() < 0.05 ? null : p[0],
      lat: p[1],
      precision: PRECISIONS[Math.floor(rnd() * PRECISIONS.length)]!,
    };
  });
  for (const r of records) if (r.lon === null) r.lat = null;
  return { records, zones };
}

describe('gapList = the definition computed the slow way', () => {
  const seen: GapRow[] = [];
  for (const [seed, n] of [
    [1, 40],
    [2, 200],
    [3, 800],
  ] as const) {
    it(`seed ${seed}, ${n} firms (point, polygon and location-less zones, unknown zone ids, __proto__)`, () => {
      const { records, zones } = randomCase(seed, n);
      const { zoneOf } = resolveZones(records, zones);
      const got = gapList(records, zoneOf, zones);
      const want = bruteGaps(records, zoneOf, zones);
      expect(got.map((r) => ({ ...r, candidates: r.candidates.map((c) => c.id) }))).toEqual(
        want.map((r) => ({ ...r, candidates: r.candidates.map((c) => c.id) })),
      );
      for (const [k, r] of got.entries())
        for (const [j, c] of r.candidates.entries()) expect(c.km).toBeCloseTo(want[k]!.candidates[j]!.km, 9);
      expect(got.length).toBeGreaterThan(0);
      seen.push(...got);
    });
  }

  it('the random cases reach every status, both kinds and full candidate lists', () => {
    for (const st of ['missing', 'thin', 'present'])
      expect(
        seen.some((r) => r.status === st),
        st,
      ).toBe(true);
    expect(seen.some((r) => r.kind === 'county')).toBe(true);
    expect(seen.some((r) => r.candidates.length === GAP_CANDIDATES)).toBe(true);
    expect(seen.some((r) => r.zone === 'z-none' && r.candidates.length === 0)).toBe(true);
  });

  it('a zone with every segment has no row; an empty list of records gives no rows', () => {
    const z = square('full', '361102', 117.9, 28.4, 0.1);
    const records: AnalysisRecord[] = CHAIN_SEGMENTS.map((g, i) => ({
      id: `f${i}`,
      stage: SEGMENT_STAGE[g],
      segment: g,
      county: '361102',
      zone: 'full',
      lon: 117.95,
      lat: 28.45,
    }));
    expect(gapList(records, resolveZones(records, [z]).zoneOf, [z])).toEqual([]);
    expect(gapList([], [], [z])).toEqual([]);
  });

  it('hand-worked: a park with smelting only lacks nine segments, downstream first, nearest candidate first', () => {
    const z = square('p', '361102', 117.9, 28.4, 0.1);
    const rec = (id: string, segment: Segment, lon: number, zone: string | null = null): AnalysisRecord => ({
      id,
      stage: SEGMENT_STAGE[segment],
      segment,
      county: zone ? '361102' : '361104',
      zone,
      lon,
      lat: 28.45,
    });
    const records = [
      rec('s1', 'smelting', 117.95, 'p'),
      rec('s2', 'smelting', 117.96, 'p'),
      rec('far', 'wire-cable', 118.5),
      rec('near', 'wire-cable', 118.1),
    ];
    const rows = gapList(records, resolveZones(records, [z]).zoneOf, [z]).filter((r) => r.zone === 'p');
    expect(rows.map((r) => `${r.status}:${r.segment}`)).toEqual([
      'missing:wire-cable',
      'missing:electrical',
      'missing:hardware',
      'missing:new-energy',
      'missing:mining',
      'missing:scrap',
      'missing:raw-trade',
      'present:casting',
      'present:processing',
    ]);
    expect(rows[0]!.candidates.map((c) => c.id)).toEqual(['near', 'far']);
    expect(rows[0]!.cityFirmsOfSegment).toBe(2);
    expect(rows[7]!.zoneFirmsOfStage).toBe(2);
  });
});

describe('pointIndex: k nearest = sorting every point', () => {
  it('uniform and duplicate points, places inside and outside the set', () => {
    const rnd = mulberry32(9);
    const pts = uniform(rnd, 2000);
    for (let i = 0; i < 200; i++) pts.push(pts[i]!);
    const coords = Float64Array.from(pts.flat());
    const idx = pointIndex(coords);
    for (const at of [...uniform(rnd, 30), [0, 0] as [number, number], [117, 80] as [number, number]]) {
      const want = pts
        .map((p, i) => ({ index: i, km: distance(at, p) }))
        .sort((a, b) => a.km - b.km || a.index - b.index)
        .slice(0, 7);
      expect(idx.nearest(at[0], at[1], 7)).toEqual(want);
    }
    expect(pointIndex(new Float64Array(0)).nearest(117, 28, 5)).toEqual([]);
  });
});
