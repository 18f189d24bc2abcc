import { describe, expect, it } from 'vitest';
import { emptyStageFigures } from '../../src/analysis/empty-stage-figures.ts';
import type { ClusterInfo, LocationQuotient, StageFigures } from '../../src/analysis/types.ts';
import { CHAIN_STAGES, type ChainStage } from '../../src/data/types.ts';
import { chainDiagram, DIAGRAM, segmentCounts, toggledSegment } from '../../src/ui/chain-diagram-model.ts';
import { BAR_CHART, clusterColumns, countyStageBars } from '../../src/ui/chart-model.ts';
import { ent } from './fixtures.ts';

describe('segmentCounts', () => {
  const all = [
    ent(1, { segment: 'casting', zone: 'z1' }),
    ent(2, { segment: 'casting' }),
    ent(3, { id: '__proto__', segment: 'casting' }),
    ent(4, { id: 'constructor', segment: 'scrap', county: '361102' }),
    ent(5, { segment: 'logistics', stage: 'support' }),
    ent(6, { segment: null }),
  ];
  it('counts the chain segments of the given indices, of a zone (own id or containment) or of a county', () => {
    const idx = Uint32Array.from(all.keys());
    expect(segmentCounts(all, idx, null)).toMatchObject({ casting: 3, scrap: 1, mining: 0 });
    expect(Object.keys(segmentCounts(all, idx, null))).toHaveLength(10);
    const resolved = { [all[1]!.id]: 'z1' };
    expect(segmentCounts(all, idx, { zone: 'z1' }, resolved)).toMatchObject({ casting: 2, scrap: 0 });
    // Prototype keys as ids are ids like any other (never Object.prototype's members).
    expect(segmentCounts(all, idx, { zone: 'z1' }, {})).toMatchObject({ casting: 1 });
    expect(segmentCounts(all, idx, { county: '361102' })).toMatchObject({ casting: 0, scrap: 1 });
    expect(segmentCounts(all, Uint32Array.of(0), null).casting).toBe(1);
  });
});

describe('chainDiagram layout', () => {
  it('nodes inside the view, links from the right edge of g to a port on the left of h', () => {
    const counts = segmentCounts([], [], null);
    const d = chainDiagram(counts, new Set(['mining']), { 'mining/smelting': 2.5 });
    for (const n of d.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + DIAGRAM.nodeW).toBeLessThanOrEqual(DIAGRAM.width);
      expect(n.y + DIAGRAM.nodeH).toBeLessThanOrEqual(d.height);
    }
    expect(d.nodes.find((n) => n.segment === 'mining')!.lacking).toBe(true);
    const l = d.links.find((x) => x.from === 'mining' && x.to === 'smelting')!;
    expect(l.width).toBe(6);
    expect(d.links.find((x) => x.from === 'scrap' && x.to === 'smelting')!.width).toBe(1);
    // The labels of one target never share a place.
    for (const h of ['smelting', 'wire-cable']) {
      const ys = d.links.filter((x) => x.to === h).map((x) => x.labelY);
      expect(new Set(ys).size).toBe(ys.length);
    }
  });
  it('a node toggles its segment alone', () => {
    expect(toggledSegment(null, 'scrap')).toEqual(['scrap']);
    expect(toggledSegment(['scrap'], 'scrap')).toBeNull();
    expect(toggledSegment(['scrap', 'mining'], 'scrap')).toEqual(['scrap']);
  });
});

describe('chart models', () => {
  it('stacked bars: the counts of the location quotients, scaled to the largest county', () => {
    const lq: LocationQuotient[] = [
      { county: 'a', stage: 'upstream', count: 2, countyTotal: 4, value: 1, specialised: false },
      { county: 'a', stage: 'downstream', count: 2, countyTotal: 4, value: 1, specialised: false },
      { county: 'b', stage: 'midstream', count: 8, countyTotal: 8, value: 1, specialised: false },
    ];
    const [a, b, c] = countyStageBars(lq, ['a', 'b', 'c']);
    expect(a!.total).toBe(4);
    expect(c!.total).toBe(0);
    const span = BAR_CHART.width - BAR_CHART.labelW - BAR_CHART.totalW;
    expect(b!.parts.reduce((s, p) => s + p.w, 0)).toBeCloseTo(span, 9);
    expect(a!.parts.reduce((s, p) => s + p.w, 0)).toBeCloseTo(span / 2, 9);
    expect(a!.parts[2]!.x).toBeCloseTo(a!.parts[1]!.x + a!.parts[1]!.w, 9);
  });
  it('cluster columns: largest first, one scale', () => {
    const cl = (n: number) => ({ memberIds: Array.from({ length: n }, (_, i) => `m${i}`) }) as ClusterInfo;
    const stages = Object.fromEntries(CHAIN_STAGES.map((s) => [s, emptyStageFigures(s, 1)])) as Record<
      ChainStage,
      StageFigures
    >;
    stages.midstream.clusters = [cl(3), cl(10), cl(5)];
    stages.upstream.clusters = [cl(5)];
    const cols = clusterColumns(stages);
    expect(cols[1]!.sizes).toEqual([10, 5, 3]);
    expect(cols[0]!.bars[0]!.h).toBeCloseTo(cols[1]!.bars[1]!.h, 9);
    expect(cols[2]!.bars).toEqual([]);
  });
});
