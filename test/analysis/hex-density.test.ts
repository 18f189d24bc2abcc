import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { hexGrid } from '@turf/hex-grid';
import { describe, expect, it } from 'vitest';
import { hexDensity } from '../../src/analysis/hex-density.ts';
import { blobs, mulberry32, type Pt, toCoords, uniform } from './random.ts';

/** Reference: Turf's grid, each point tested against every hexagon (first containing one wins). */
function reference(
  pts: readonly Pt[],
  cats: readonly number[],
  bbox: [number, number, number, number],
  side: number,
) {
  const grid = hexGrid(bbox, side);
  const counts = new Map<number, number[]>();
  pts.forEach((p, i) => {
    const hit = grid.features.findIndex((f) => booleanPointInPolygon(p, f));
    if (hit < 0) return;
    const c = counts.get(hit) ?? [0, 0, 0];
    c[cats[i]!]! += 1;
    counts.set(hit, c);
  });
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([h, c]) => ({
      ring: grid.features[h]!.geometry.coordinates,
      counts: { a: c[0]!, b: c[1]!, c: c[2]!, total: c[0]! + c[1]! + c[2]! },
    }));
}

const key = (ring: unknown) => JSON.stringify(ring);

describe('hexDensity equals @turf/hex-grid + point-in-polygon counting', () => {
  const cases: [string, [number, number, number, number], number, (r: () => number) => Pt[]][] = [
    ['Shangrao bbox, 3 km, uniform', [116.1, 27.7, 118.6, 29.8], 3, (r) => uniform(r, 1500)],
    ['Shangrao bbox, 5 km, blobs', [116.1, 27.7, 118.6, 29.8], 5, (r) => blobs(r, 1500, 6, 4)],
    [
      'small bbox, 1 km (odd offsets)',
      [117.3, 28.3, 117.55, 28.47],
      1,
      (r) => uniform(r, 800, { west: 117.3, south: 28.3, east: 117.55, north: 28.47 }),
    ],
    [
      'points partly outside the grid',
      [117.0, 28.0, 117.5, 28.5],
      2,
      (r) => uniform(r, 800, { west: 116.9, south: 27.9, east: 117.6, north: 28.6 }),
    ],
  ];
  for (const [name, bbox, side, gen] of cases) {
    it(name, () => {
      const rnd = mulberry32(17);
      const pts = gen(rnd);
      const cats = pts.map(() => Math.floor(rnd() * 3));
      const ours = hexDensity(toCoords(pts), cats, ['a', 'b', 'c'], bbox, side);
      const ref = reference(pts, cats, bbox, side);
      expect(ref.length).toBeGreaterThan(10);
      const byRing = new Map(ours.features.map((f) => [key(f.geometry.coordinates), f.properties]));
      expect(ours.features.length).toBe(ref.length);
      for (const r of ref) expect(byRing.get(key(r.ring))).toEqual(r.counts);
    });
  }
  it('empty input or degenerate bbox ⇒ no cells', () => {
    expect(hexDensity(new Float64Array(0), [], ['a'], [117, 28, 118, 29], 3).features).toEqual([]);
    expect(hexDensity(toCoords([[117, 28]]), [0], ['a'], [117, 28, 117, 28], 3).features).toEqual([]);
  });
});
