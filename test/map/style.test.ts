import { describe, expect, it } from 'vitest';
import { STAGES, type Stage } from '../../src/data/types.ts';
import {
  buildStyle,
  ENTERPRISE_LAYERS,
  hexCount,
  LAYER,
  type StyleOptions,
  stageFilter,
} from '../../src/map/style.ts';
import { applyStyleOps, styleDiff } from '../../src/map/style-diff.ts';
import { BASE_STYLE } from './style-fixtures.ts';

const base: StyleOptions = BASE_STYLE;
const layer = (o: StyleOptions, id: string) =>
  buildStyle(o).layers.find((l) => l.id === id) as Record<string, unknown>;
const layersOf = (o: StyleOptions) => buildStyle(o).layers;

describe('the style (pure)', () => {
  it('offline: every source is on our origin, no glyph server, every layer names a source it has', () => {
    const s = buildStyle(base);
    expect(s.glyphs).toBeUndefined();
    for (const src of Object.values(s.sources)) {
      const data = (src as { data?: unknown }).data;
      if (typeof data === 'string') expect(data.startsWith('data/')).toBe(true);
      expect((src as { tiles?: unknown }).tiles).toBeUndefined();
    }
    for (const l of s.layers)
      if ('source' in l) expect(Object.keys(s.sources), l.id).toContain((l as { source: string }).source);
  });

  it('points and hexagons follow the visible stages by filters, outlines by feature state', () => {
    const o = { ...base, stages: ['upstream', 'support'] as const };
    expect(layer({ ...o, stages: [...o.stages] }, LAYER.enterprisesExact).filter).toEqual(
      stageFilter(['upstream', 'support'], false),
    );
    const hull = layer({ ...o, stages: [...o.stages] }, LAYER.hullsFill);
    expect(hull.filter).toBeUndefined();
    expect(JSON.stringify((hull.paint as Record<string, unknown>)['fill-opacity'])).toContain(
      '"feature-state","off"',
    );
    // Hexagons: the sum over visible chain stages; one stage: its own count; an off stage: none.
    expect(hexCount('total', ['upstream', 'downstream', 'support'])).toEqual([
      '+',
      ['coalesce', ['get', 'upstream'], 0],
      ['coalesce', ['get', 'downstream'], 0],
    ]);
    expect(hexCount('midstream', STAGES)).toEqual(['coalesce', ['get', 'midstream'], 0]);
    expect(hexCount('midstream', ['upstream'])).toEqual(['literal', 0]);
  });

  it('switches: the grid replaces the points; outlines can be hidden', () => {
    const g = { ...base, hexGrid: true, hulls: false };
    expect((layer(g, 'hexgrid-fill').layout as { visibility: string }).visibility).toBe('visible');
    for (const id of ENTERPRISE_LAYERS)
      expect((layer(g, id).layout as { visibility: string }).visibility).toBe('none');
    expect((layer(g, LAYER.hullsFill).layout as { visibility: string }).visibility).toBe('none');
  });
});

describe('one definition: a change applied to a drawn style equals the style built with it', () => {
  const cases: [string, Partial<StyleOptions>][] = [
    ['large text on', { largeText: true }],
    ['English labels', { lang: 'en' }],
    ['a stage off', { stages: STAGES.filter((s) => s !== 'midstream') }],
    ['no stage', { stages: [] }],
    ['density grid of one stage, outlines hidden', { hexGrid: true, hexStage: 'downstream', hulls: false }],
  ];
  for (const [name, change] of cases) {
    it(name, () => {
      const from = buildStyle(base);
      const to = buildStyle({ ...base, ...change });
      expect(applyStyleOps(from, styleDiff(from, to)).layers).toEqual(to.layers);
      // And back again.
      expect(applyStyleOps(to, styleDiff(to, from)).layers).toEqual(from.layers);
    });
  }

  it('large text changes sizes and colours, including the hull outlines and the point rims', () => {
    const ops = styleDiff(buildStyle(base), buildStyle({ ...base, largeText: true }));
    const touched = new Set(ops.map((o) => `${o.layer}.${'prop' in o ? o.prop : 'filter'}`));
    for (const k of [
      'enterprises-approx.circle-stroke-width',
      'enterprises-exact.circle-radius',
      'hulls-line.line-color',
      'counties-line.line-color',
      'background.background-color',
      'county-labels.text-size',
    ])
      expect(touched, k).toContain(k);
    expect(ops.some((o) => o.kind === 'filter')).toBe(false);
  });

  it('a stage toggle is filters only (no data, no paint)', () => {
    const ops = styleDiff(buildStyle(base), buildStyle({ ...base, stages: ['upstream'] }));
    const kinds = new Set(ops.map((o) => (o.kind === 'filter' ? 'filter' : `${o.kind}:${o.layer}`)));
    expect([...kinds].filter((k) => k !== 'filter' && !k.includes('hexgrid'))).toEqual([]);
    expect(layersOf(base).length).toBe(layersOf({ ...base, stages: [] }).length);
  });

  it("a stage toggle leaves the clusters' layers alone: feature state shows and hides them", () => {
    const style = buildStyle(base);
    const source = new Map(style.layers.map((l) => [l.id, (l as { source?: string }).source]));
    for (const stages of [['upstream'], [], ['midstream', 'downstream', 'support']] as Stage[][]) {
      const ops = styleDiff(style, buildStyle({ ...base, stages }));
      expect(ops.length).toBeGreaterThan(0);
      expect(ops.filter((o) => ['hulls', 'cluster-centres'].includes(source.get(o.layer) ?? ''))).toEqual([]);
    }
  });
});
