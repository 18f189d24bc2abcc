import { describe, expect, it } from 'vitest';
import { COUNTY_ADCODES } from '../../src/data/counties.ts';
import { facetCodes, facetCounts, facetValues, filterPass } from '../../src/data/facet-counts.ts';
import {
  cleanFacetList,
  FACET_KEY,
  FACETS,
  type FacetName,
  type Filters,
  NO_FILTERS,
  toggleFacetValue,
} from '../../src/data/filters.ts';
import { type Enterprise, PRECISIONS, SEGMENTS, STAGES, type Stage } from '../../src/data/types.ts';
import { mulberry32 } from '../analysis/random.ts';
import { ent } from '../ui/fixtures.ts';

const ZONES = ['z1', 'z2', 'z3'];
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Random records, with missing segments, counties and zones, and a zone id the zone list lacks. */
function records(seed: number, n: number): Enterprise[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, (_, i) =>
    ent(i, {
      stage: pick(rnd, STAGES),
      segment: rnd() < 0.1 ? null : pick(rnd, SEGMENTS),
      county: rnd() < 0.1 ? null : pick(rnd, COUNTY_ADCODES),
      zone: rnd() < 0.3 ? null : pick(rnd, [...ZONES, 'orphan']),
      precision: pick(rnd, PRECISIONS),
    }),
  );
}

/** A random subset of `values` (or null: no filter). */
function someOf(rnd: () => number, values: readonly string[]): string[] | null {
  if (rnd() < 0.4) return null;
  return values.filter(() => rnd() < 0.5);
}

const recordValue = (e: Enterprise, facet: FacetName | 'stage'): string | null =>
  facet === 'stage'
    ? e.stage
    : facet === 'segment'
      ? e.segment
      : facet === 'county'
        ? e.county
        : facet === 'zone'
          ? (e.zone ?? 'none')
          : e.precision;

/** The definition, brute force: does `e` pass every filter except those in `skip`? */
function passes(e: Enterprise, f: Filters, stages: readonly Stage[], skip: (FacetName | 'stage')[]): boolean {
  if (!skip.includes('stage') && !stages.includes(e.stage)) return false;
  for (const facet of FACETS) {
    if (skip.includes(facet)) continue;
    const list = f[FACET_KEY[facet]] as string[] | null;
    if (list === null) continue;
    const v = recordValue(e, facet);
    if (v === null || !list.includes(v)) return false;
  }
  return true;
}

describe('faceted counts (typed-array passes) = the brute-force definition', () => {
  it('every facet value, the stages, visibleIdx, chainIdx and gapIdx, over random filters', () => {
    const rs = records(7, 1500);
    const codes = facetCodes(rs, ZONES);
    expect(codes.zoneValues).toEqual(['none', ...ZONES, 'orphan']);
    const rnd = mulberry32(99);
    for (let round = 0; round < 40; round++) {
      const f: Filters = {
        segments: someOf(rnd, SEGMENTS) as Filters['segments'],
        counties: someOf(rnd, COUNTY_ADCODES),
        zones: someOf(rnd, codes.zoneValues),
        precision: someOf(rnd, PRECISIONS) as Filters['precision'],
      };
      const stages = STAGES.filter(() => rnd() < 0.7);
      const pass = filterPass(codes, f);
      const c = facetCounts(codes, pass, stages);
      const idx = (skip: (FacetName | 'stage')[]) =>
        rs.flatMap((e, i) => (passes(e, f, stages, skip) ? [i] : []));
      expect([...c.visibleIdx]).toEqual(idx([]));
      expect([...pass.chainIdx]).toEqual(idx(['stage']));
      expect([...pass.gapIdx]).toEqual(idx(['stage', 'segment']));
      for (const s of STAGES)
        expect(c.stage[s], s).toBe(rs.filter((e) => e.stage === s && passes(e, f, stages, ['stage'])).length);
      for (const facet of FACETS) {
        facetValues(facet, codes).forEach((v, k) => {
          const want = rs.filter((e) => recordValue(e, facet) === v && passes(e, f, stages, [facet])).length;
          expect(c[facet][k], `${facet}:${v}`).toBe(want);
        });
      }
    }
  });

  it('with no filter, the counts are the plain tallies, and a switched-off value keeps its count', () => {
    const rs = records(3, 300);
    const codes = facetCodes(rs, ZONES);
    const c0 = facetCounts(codes, filterPass(codes, NO_FILTERS), STAGES);
    expect(c0.visibleIdx.length).toBe(300);
    const k = SEGMENTS.indexOf('smelting');
    const off = facetCounts(
      codes,
      filterPass(codes, { ...NO_FILTERS, segments: SEGMENTS.filter((s) => s !== 'smelting') }),
      STAGES,
    );
    expect(off.segment[k]).toBe(c0.segment[k]);
    expect(off.visibleIdx.length).toBe(300 - c0.segment[k]! - rs.filter((e) => e.segment === null).length);
  });

  it('the zone of a record can come from containment (zoneOf)', () => {
    const rs = [ent(1, { zone: null }), ent(2, { zone: 'z1' })];
    const codes = facetCodes(rs, ZONES, (i) => rs[i]!.zone ?? 'z2');
    const c = facetCounts(codes, filterPass(codes, { ...NO_FILTERS, zones: ['z2'] }), STAGES);
    expect([...c.visibleIdx]).toEqual([0]);
    expect(c.zone[codes.zoneValues.indexOf('none')]).toBe(0);
  });
});

describe('filter values', () => {
  it('keeps known values in the facet order, drops the rest with a warning', () => {
    const w: string[] = [];
    expect(
      cleanFacetList('segment', ['smelting', 'mining', 'nope', 7, 'mining'], (m) => w.push(m), 'x'),
    ).toEqual(['mining', 'smelting']);
    expect(w.join()).toMatch(/nope.*number/);
  });

  it('is hostile: prototype keys, HTML, non-lists, huge lists, control characters', () => {
    const warn = () => {};
    for (const facet of FACETS)
      expect(
        cleanFacetList(facet, ['__proto__', 'constructor', 'toString', 'hasOwnProperty'], warn, 'x'),
      ).toEqual(facet === 'zone' ? ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] : []);
    expect(
      cleanFacetList('zone', ['<img src=x onerror=alert(1)>', 'a\u0000b', ' z1', ''], warn, 'x'),
    ).toEqual([]);
    expect(cleanFacetList('county', '361102', warn, 'x')).toBeNull();
    expect(cleanFacetList('county', { 0: '361102', length: 1 }, warn, 'x')).toBeNull();
    expect(cleanFacetList('precision', new Array(5000).fill('exact'), warn, 'x')).toBeNull();
    expect(cleanFacetList('county', ['361102', 361103], warn, 'x')).toEqual(['361102']);
  });

  it('toggling: off from all keeps the others; every value on again is no filter', () => {
    const all = ['a', 'b', 'c'];
    expect(toggleFacetValue(null, all, 'b', false)).toEqual(['a', 'c']);
    expect(toggleFacetValue(['a', 'c'], all, 'b', true)).toBeNull();
    expect(toggleFacetValue([], all, 'c', true)).toEqual(['c']);
    expect(toggleFacetValue(['x'], all, 'a', true)).toEqual(['a', 'x']);
  });
});
