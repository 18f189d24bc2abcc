import { describe, expect, it } from 'vitest';
import { encodeRecords } from '../../src/analysis/columns.ts';
import { createAnalysisSession } from '../../src/analysis/session.ts';
import type { Enterprise, Zone } from '../../src/data/types.ts';
import { enterpriseFeatures } from '../../src/map/frame.ts';
import { columnFeatures, markedPoints, pointsMarker } from '../../src/map/points-source.ts';

const rec = (over: Partial<Enterprise>): Enterprise =>
  ({
    id: 'x',
    name: 'x',
    stage: 'midstream',
    segment: 'casting',
    county: '361104',
    zone: null,
    lon: 117.95,
    lat: 28.45,
    precision: 'street',
    source: 'test',
    extra: {},
    ...over,
  }) as Enterprise;

const square = (id: string, lon: number): Zone =>
  ({
    id,
    name: id,
    level: 'county',
    realBoundary: true,
    county: '361104',
    precision: 'exact',
    source: 'test',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon, 28.4],
          [lon + 0.1, 28.4],
          [lon + 0.1, 28.5],
          [lon, 28.5],
          [lon, 28.4],
        ],
      ],
    },
  }) as unknown as Zone;

/** What MapLibre's worker receives of a feature collection (undefined properties do not cross). */
const crossed = (fc: GeoJSON.FeatureCollection) => JSON.parse(JSON.stringify(fc));

/** The points as the page draws them through MapLibre's worker: columns plus the analysis' zones. */
function throughColumns(records: Enterprise[], zones: Zone[]) {
  const session = createAnalysisSession();
  const loaded = session.load(records, zones, null);
  const { transfer: _, ...columns } = encodeRecords(records);
  return {
    loaded,
    features: columnFeatures({ ...columns, zones: loaded.zoneColumn.values, zone: loaded.zoneColumn.codes }),
  };
}

describe('points as columns (MapLibre worker path)', () => {
  const zones = [square('Z1', 117.9), square('Z2', 118.2)];
  const records = [
    rec({ id: 'a' }), // inside Z1 by containment
    rec({ id: 'b', zone: 'Z2' }), // own zone wins over containment
    rec({ id: '__proto__', lon: 118.25 }), // inside Z2; a hostile id
    rec({ id: 'constructor', lon: 116.5, segment: null, county: null }), // no zone, no segment, no county
    rec({ id: 'd', lon: null, lat: null }), // unlocated: not drawn
    rec({ id: '企业<b>e</b>', precision: undefined, stage: 'support' }),
    rec({ id: 'f', zone: 'not-a-zone-id', lon: 116.6 }), // a zone id of its own, kept as written
    rec({ id: '', lon: 116.7 }), // an empty id
    rec({ id: 'g', lat: null }), // half a coordinate: unlocated
  ];

  it('gives exactly the features enterpriseFeatures gives, zones from containment included', () => {
    const { loaded, features } = throughColumns(records, zones);
    expect(Object.entries(loaded.resolvedZones)).toEqual([
      ['a', 'Z1'],
      ['__proto__', 'Z2'],
      ['企业<b>e</b>', 'Z1'],
    ]);
    const expected = enterpriseFeatures({ records, resolvedZones: loaded.resolvedZones });
    expect(crossed(features)).toEqual(crossed(expected));
    expect(features.features.map((f) => f.properties?.zone)).toEqual([
      'Z1',
      'Z2',
      'Z2',
      'none',
      'Z1',
      'not-a-zone-id',
      'none',
    ]);
    expect(features.features[4]?.properties).not.toHaveProperty('precision');
  });

  it('keeps the record order and every coordinate bit for bit', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      rec({
        id: `r${i}`,
        lon: 116.22 + (i * Math.PI) / 1000,
        lat: 27.8 + (i * Math.E) / 1000,
        stage: (['upstream', 'midstream', 'downstream'] as const)[i % 3],
      }),
    );
    const { loaded, features } = throughColumns(many, zones);
    expect(crossed(features)).toEqual(
      crossed(enterpriseFeatures({ records: many, resolvedZones: loaded.resolvedZones })),
    );
  });

  it('an empty dataset is an empty collection', () => {
    expect(throughColumns([], zones).features).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('the marker names its points and nothing else reads as one', () => {
    expect(markedPoints(pointsMarker(7))).toBe(7);
    expect(pointsMarker(7)).toMatchObject({ type: 'FeatureCollection', features: [] });
    for (const other of [
      null,
      undefined,
      7,
      'belt',
      { type: 'FeatureCollection', features: [] },
      { beltPoints: '7' },
      { beltPoints: 1.5 },
    ])
      expect(markedPoints(other)).toBeNull();
  });
});
