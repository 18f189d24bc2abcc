import { describe, expect, it } from 'vitest';
import { CHAIN_SEGMENTS } from '../../src/analysis/chain-segments.ts';
import { segmentColocation } from '../../src/analysis/segment-colocation.ts';
import type { AnalysisRecord } from '../../src/analysis/types.ts';
import { SEGMENT_STAGE, type Segment, type Stage } from '../../src/data/types.ts';
import { bruteClq } from './brute-clq.ts';
import { blobs, mulberry32, type Pt } from './random.ts';

const rec = (
  id: string,
  segment: Segment | null,
  lon: number | null,
  lat: number | null,
  extra: Partial<AnalysisRecord> = {},
): AnalysisRecord => ({
  id,
  stage: (segment ? SEGMENT_STAGE[segment] : 'unclassified') as Stage,
  segment,
  county: '361102',
  zone: null,
  lon,
  lat,
  ...extra,
});

describe('segmentColocation: hand-worked', () => {
  it('scrap next to casting, wire-cable alone: CLQ by the definition', () => {
    // scrap(0,0) ↔ casting(0.01,0): each other's nearest; wire-cable (1,0) → casting (nearer than scrap).
    // N = 3. CLQ(scrap→casting) = (1/1)/(1/2) = 2; CLQ(wire-cable→casting) = 2; CLQ(casting→scrap) = 2.
    const r = segmentColocation([
      rec('a', 'scrap', 0, 0),
      rec('b', 'casting', 0.01, 0),
      rec('c', 'wire-cable', 1, 0),
      // Never enter: support segment, county precision, unlocated, no segment.
      rec('d', 'logistics', 0.005, 0),
      rec('e', 'wire-cable', 0.001, 0, { precision: 'county' }),
      rec('f', 'hardware', null, null),
      rec('g', null, 0.002, 0),
    ]);
    expect(r.clq['scrap/casting']).toBe(2);
    expect(r.clq['casting/scrap']).toBe(2);
    expect(r.clq['wire-cable/casting']).toBe(2);
    expect(r.clq['scrap/wire-cable']).toBe(0);
    expect(r.clq['scrap/scrap']).toBeNull(); // N_A − 1 = 0
    expect(r.clq['mining/casting']).toBeNull(); // no mining firm
    expect(r.located).toMatchObject({ scrap: 1, casting: 1, 'wire-cable': 1, hardware: 0 });
    expect(Object.keys(r.clq)).toHaveLength(100);
  });

  it('a tie is shared equally: a firm midway between two segments gives each half', () => {
    // smelting at 0; processing at −1° and hardware at +1° (same distance on the equator).
    const r = segmentColocation([
      rec('s', 'smelting', 0, 0),
      rec('p', 'processing', -1, 0),
      rec('h', 'hardware', 1, 0),
    ]);
    // N_smelting→processing = 1/2: CLQ = (0.5/1)/(1/2) = 1.
    expect(r.clq['smelting/processing']).toBe(1);
    expect(r.clq['smelting/hardware']).toBe(1);
  });
});

describe('segmentColocation = the definition computed the slow way', () => {
  for (const seed of [1, 2, 3]) {
    it(`random blobs with coincident points, seed ${seed}`, () => {
      const rnd = mulberry32(seed);
      const pts: Pt[] = blobs(rnd, 300, 6, 2);
      for (let i = 0; i < 30; i++) pts.push(pts[Math.floor(rnd() * pts.length)]!); // coincident firms
      const segs = pts.map(() => CHAIN_SEGMENTS[Math.floor(rnd() * CHAIN_SEGMENTS.length)]!);
      const records = pts.map((p, i) => rec(`r${i}`, segs[i]!, p[0], p[1]));
      const got = segmentColocation(records);
      const want = bruteClq(
        pts,
        segs.map((s) => CHAIN_SEGMENTS.indexOf(s)),
        CHAIN_SEGMENTS.length,
      );
      CHAIN_SEGMENTS.forEach((g, a) => {
        CHAIN_SEGMENTS.forEach((h, b) => {
          const w = want[a]![b]!;
          const v = got.clq[`${g}/${h}`];
          if (w === null) expect(v, `${g}/${h}`).toBeNull();
          else expect(v, `${g}/${h}`).toBeCloseTo(w, 12);
        });
      });
    });
  }
});
