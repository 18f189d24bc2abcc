/** Issue 8: the filters as MapLibre layer filters (evaluated by MapLibre's own style-spec), and the cluster symbols. */
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { StageFigures } from '../../src/analysis/types.ts';
import type { Filters } from '../../src/data/filters.ts';
import { STAGES } from '../../src/data/types.ts';
import {
  CLUSTER_SYMBOL_MAX_RADIUS,
  clusterCentreFeatures,
  enterpriseFeatures,
  mapClusters,
} from '../../src/map/frame.ts';
import {
  buildStyle,
  CLUSTER_LABEL_LAYERS,
  CLUSTER_OUTLINE_ZOOM,
  LAYER,
  pointFilter,
} from '../../src/map/style.ts';
import { styleDiff } from '../../src/map/style-diff.ts';
import { ent } from '../ui/fixtures.ts';
import { BASE_STYLE } from './style-fixtures.ts';

const base = BASE_STYLE;

describe('filters on the map', () => {
  const recs = [
    ent(1, { segment: 'smelting', county: '361102', zone: 'z1', precision: 'exact' }),
    ent(2, { segment: 'casting', county: '361103', zone: null, precision: 'street' }),
    ent(3, { segment: null, county: null, zone: null, precision: 'township', stage: 'unclassified' }),
    ent(4, { segment: 'smelting', county: '361103', zone: null, precision: 'exact' }),
  ];
  const fc = enterpriseFeatures({ records: recs, resolvedZones: { E00004: 'z2' } });
  const drawn = (f: Filters, stages = [...STAGES]) => {
    const filter = featureFilter(pointFilter(stages, f) as never, 'layers[0].filter');
    return fc.features
      .filter((x) =>
        filter.filter({ zoom: 8 } as never, { type: 1, properties: x.properties ?? {} } as never),
      )
      .map((x) => x.properties?.id);
  };
  const none: Filters = { segments: null, counties: null, zones: null, precision: null };

  it('points carry segment, county and their resolved zone; the filter selects exactly the passing ones', () => {
    expect(fc.features[3]!.properties).toMatchObject({ zone: 'z2', segment: 'smelting', county: '361103' });
    expect(fc.features[2]!.properties).toMatchObject({ zone: 'none', segment: '', county: '' });
    expect(drawn(none)).toEqual(['E00001', 'E00002', 'E00003', 'E00004']);
    expect(drawn({ ...none, segments: ['smelting'] })).toEqual(['E00001', 'E00004']);
    expect(drawn({ ...none, zones: ['none'] })).toEqual(['E00002', 'E00003']);
    expect(drawn({ ...none, zones: ['z2'], counties: ['361103'] })).toEqual(['E00004']);
    expect(drawn({ ...none, precision: [] })).toEqual([]);
    expect(drawn({ ...none, counties: ['361102', '361103'] }, ['midstream'])).toEqual([
      'E00001',
      'E00002',
      'E00004',
    ]);
  });

  it('a filter change is only setFilter on the point layers: no data, no paint', () => {
    const ops = styleDiff(
      buildStyle(base),
      buildStyle({ ...base, filters: { ...none, segments: ['casting'] } }),
    );
    expect(ops.every((o) => o.kind === 'filter')).toBe(true);
    expect(ops.map((o) => o.layer).sort()).toEqual(
      ['enterprises-approx', 'enterprises-county-halo', 'enterprises-exact'].sort(),
    );
  });
});

describe('cluster symbols', () => {
  const cluster = (id: number, n: number, stage: 'upstream' | 'midstream' = 'midstream') => ({
    id,
    stage,
    memberIds: Array.from({ length: n }, (_, i) => `${stage}${id}-${i}`),
    center: [117 + id, 28] as [number, number],
  });
  const figs = {
    upstream: { clusters: [cluster(0, 4, 'upstream')] },
    midstream: { clusters: [cluster(0, 100), cluster(1, 25)] },
    downstream: { clusters: [] },
  } as unknown as Record<'upstream' | 'midstream' | 'downstream', StageFigures>;

  it('one symbol per cluster at its centre, area proportional to its members', () => {
    const fs = clusterCentreFeatures(mapClusters(figs)).features;
    expect(fs.map((f) => f.properties?.key)).toEqual(['upstream/0', 'midstream/0', 'midstream/1']);
    const r = Object.fromEntries(fs.map((f) => [f.properties?.key, f.properties?.r as number]));
    expect(r['midstream/0']).toBe(CLUSTER_SYMBOL_MAX_RADIUS);
    // Area ∝ members: (r1/r0)² = 25/100.
    expect((r['midstream/1']! / r['midstream/0']!) ** 2).toBeCloseTo(0.25, 12);
    expect((r['upstream/0']! / r['midstream/0']!) ** 2).toBeCloseTo(0.04, 12);
    expect(fs[1]!.geometry).toEqual({ type: 'Point', coordinates: [117, 28] });
    expect(fs[1]!.properties).toMatchObject({ anchor: 'midstream0-0', members: 100 });
  });

  it('symbols below the outline zoom, outlines from it on', () => {
    const layers = buildStyle(base).layers as { id: string; minzoom?: number; maxzoom?: number }[];
    const l = (id: string) => layers.find((x) => x.id === id)!;
    expect(l(LAYER.clusterSymbols).maxzoom).toBe(CLUSTER_OUTLINE_ZOOM);
    // The size labels: one layer per zoom step, together covering the discs' zooms exactly.
    const steps = CLUSTER_LABEL_LAYERS.map((id) => l(id));
    expect(steps[0]!.minzoom).toBe(5);
    expect(steps.at(-1)!.maxzoom).toBe(CLUSTER_OUTLINE_ZOOM);
    for (const [i, s] of steps.slice(1).entries()) expect(s.minzoom).toBe(steps[i]!.maxzoom);
    expect(l(LAYER.hullsFill).minzoom).toBe(CLUSTER_OUTLINE_ZOOM);
    expect(l('hulls-line').minzoom).toBe(CLUSTER_OUTLINE_ZOOM);
  });
});
