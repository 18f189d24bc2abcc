/** Issue 8: the filters in the page state: chainIdx, gapIdx, visibleIdx, counts, URL start, unknown zones. */
import { createRoot } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { createAnalysisSession } from '../../src/analysis/session.ts';
import { DEFAULT_CONFIG } from '../../src/embed/config.ts';
import { parseUrlState } from '../../src/embed/url.ts';
import type { AnalysisRunner } from '../../src/ui/figures.ts';
import { createBeltState } from '../../src/ui/state.ts';
import { ent } from './fixtures.ts';

const DATA = [
  ent(0, { stage: 'upstream', segment: 'scrap', zone: 'z1', county: '361102' }),
  ent(1, { stage: 'midstream', segment: 'smelting', zone: 'z1', county: '361102' }),
  ent(2, { stage: 'midstream', segment: 'casting', zone: null, county: '361103' }),
  ent(3, { stage: 'downstream', segment: 'wire-cable', zone: 'z2', county: '361103', precision: 'exact' }),
  ent(4, {
    stage: 'support',
    segment: 'park',
    zone: null,
    county: null,
    precision: 'none',
    lon: null,
    lat: null,
  }),
];
const ZONES = ['z1', 'z2'].map((id) => ({
  id,
  name: id,
  nameEn: null,
  level: 'county' as const,
  county: '361102',
  geometry: { type: 'Point' as const, coordinates: [117.9, 28.4] },
  precision: 'zone' as const,
  source: 'test',
  realBoundary: false,
}));

function state(search = '') {
  const session = createAnalysisSession();
  const runner: AnalysisRunner = {
    load: (records, zones, area) => Promise.resolve(session.load(records, zones, area)),
    figures: (() => new Promise(() => {})) as AnalysisRunner['figures'],
  };
  return createRoot((dispose) => {
    const s = createBeltState(
      DEFAULT_CONFIG,
      parseUrlState(search, () => {}),
      runner,
    );
    s.loadData({ enterprises: DATA, zones: ZONES, sample: false });
    return { s, dispose };
  });
}

describe('filters in the state', () => {
  it('chainIdx ignores the stage filter, gapIdx also the segment filter, visibleIdx applies all', () => {
    const { s, dispose } = state();
    expect([...s.chainIdx()]).toEqual([0, 1, 2, 3, 4]);
    s.setFilters({ segments: ['smelting', 'wire-cable'], counties: ['361102', '361103'] });
    s.setStages(['midstream']);
    expect([...s.chainIdx()]).toEqual([1, 3]);
    expect([...s.gapIdx()]).toEqual([0, 1, 2, 3]);
    expect([...s.visibleIdx()]).toEqual([1]);
    // Faceted stage counts: every other filter.
    expect(s.counts()).toEqual({ upstream: 0, midstream: 1, downstream: 1, support: 0, unclassified: 0 });
    // Equal filters keep the same index (the figures are keyed on it).
    const before = s.chainIdx();
    s.setFilters({ segments: ['smelting', 'wire-cable'] });
    expect(s.chainIdx()).toBe(before);
    // Omitted = unchanged; null = all.
    s.setFilters({ counties: null });
    expect(s.filters().segments).toEqual(['smelting', 'wire-cable']);
    s.clearFilters();
    expect(s.filters()).toEqual({ segments: null, counties: null, zones: null, precision: null });
    expect(s.visibleIdx().length).toBe(5);
    dispose();
  });

  it('starts from the URL; a zone the data lacks is dropped with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { s, dispose } = state('?zones=z2,ghost,none&precision=exact,none');
    expect(s.filters().zones).toEqual(['z2', 'none']);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/ghost/);
    expect([...s.visibleIdx()]).toEqual([3, 4]);
    expect(s.facets().zone[s.codes().zoneValues.indexOf('none')]).toBe(1);
    warn.mockRestore();
    dispose();
  });
});

describe('the dataset index built ahead (ui/arrival.ts, no long task on arrival)', () => {
  it('is used for its own records, ignored for any other, with the same codes and ids either way', async () => {
    const { indexDataset } = await import('../../src/ui/arrival.ts');
    const plain = state();
    const index = await indexDataset(DATA, ZONES, 2);
    const ahead = createRoot((dispose) => {
      const s = createBeltState(
        DEFAULT_CONFIG,
        parseUrlState('', () => {}),
        {
          load: () => new Promise(() => {}),
          figures: (() => new Promise(() => {})) as AnalysisRunner['figures'],
        },
      );
      s.loadData({ enterprises: DATA, zones: ZONES, sample: false, index });
      return { s, dispose };
    });
    expect(ahead.s.byId()).toBe(index.byId);
    expect(ahead.s.codes()).toBe(index.codes);
    expect(ahead.s.codes()).toEqual(plain.s.codes());
    // An index of other records (a stale one) is not used: the state builds its own.
    const other = [...DATA];
    ahead.s.loadData({ enterprises: other, zones: ZONES, sample: false, index });
    expect(ahead.s.byId()).not.toBe(index.byId);
    expect([...ahead.s.byId()]).toEqual([...index.byId]);
    expect(ahead.s.codes()).toEqual(index.codes);
    plain.dispose();
    ahead.dispose();
  });
});
