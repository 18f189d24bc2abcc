import { describe, expect, it } from 'vitest';
import type { StageFigures } from '../../src/analysis/types.ts';
import { copyClusters, decodeClusters, encodeClusters } from '../../src/map/cluster-columns.ts';
import { clusterCentreFeatures, hullFeatures, type MapCluster, mapClusters } from '../../src/map/frame.ts';

const ring = (lon: number, lat: number, d: number): GeoJSON.Position[] => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat],
];

function cluster(stage: string, id: number, members: string[], over: object = {}) {
  return {
    id,
    stage,
    memberIds: members,
    core: members.length,
    edge: 0,
    approximate: 0,
    hull: { type: 'Polygon', coordinates: [ring(117 + id / 10, 28 + id / 7, 0.01 * (id + 1))] },
    areaKm2: 1,
    density: 1,
    dominantSegment: null,
    county: null,
    zone: null,
    center: [117 + id / 10 + Math.PI / 1000, 28 + id / 7] as [number, number],
    ...over,
  };
}

const figs = {
  upstream: {
    clusters: [
      cluster('upstream', 0, ['__proto__', 'b', 'c']),
      cluster('upstream', 1, ['<img src=x onerror=alert(1)>', 'y', 'z'], { hull: null, approximate: 3 }),
    ],
  },
  midstream: {
    clusters: [
      cluster('midstream', 0, ['企业甲', '企业乙', '企业丙', 'd']),
      // A polygon with a hole: every ring crosses.
      cluster('midstream', 1, ['', 'constructor', 'q'], {
        hull: { type: 'Polygon', coordinates: [ring(118, 29, 0.5), ring(118.1, 29.1, 0.1)] },
      }),
    ],
  },
  downstream: { clusters: [] },
} as unknown as Record<'upstream' | 'midstream' | 'downstream', StageFigures>;

describe('clusters as columns (MapLibre worker path)', () => {
  const all = mapClusters(figs);

  it('decode(encode(clusters)) is the clusters, keys, anchors, rings and coordinates bit for bit', () => {
    expect(all.map((c) => c.key)).toEqual(['upstream/0', 'upstream/1', 'midstream/0', 'midstream/1']);
    expect(all[1]).toMatchObject({ anchor: '<img src=x onerror=alert(1)>', approx: true, hull: null });
    expect(decodeClusters(encodeClusters(all))).toEqual(all);
    expect(decodeClusters(copyClusters(encodeClusters(all)))).toEqual(all);
  });

  it('the worker builds the same outlines and centres as the page', () => {
    const names = [{ lon: 117.05, lat: 28.05, ems: 3 }];
    const back = decodeClusters(encodeClusters(all));
    expect(hullFeatures(back)).toEqual(hullFeatures(all));
    expect(clusterCentreFeatures(back, names, true)).toEqual(clusterCentreFeatures(all, names, true));
    expect(hullFeatures(back).features).toHaveLength(3);
  });

  it('no clusters, and a stage that is not a chain stage', () => {
    expect(decodeClusters(encodeClusters([]))).toEqual([]);
    const bad = { ...all[0]!, stage: 'support' } as unknown as MapCluster;
    expect(() => encodeClusters([bad])).toThrow(/not a chain stage/);
  });

  it('a copy keeps its buffers when the original is transferred', () => {
    const c = encodeClusters(all);
    const copy = copyClusters(c);
    structuredClone(c, { transfer: [c.coords.buffer, c.center.buffer] });
    expect(c.coords.length).toBe(0);
    expect(decodeClusters(copy)).toEqual(all);
  });
});
