import { area } from '@turf/area';
import { convex } from '@turf/convex';
import { describe, expect, it } from 'vitest';
import { convexHull } from '../../src/analysis/convex-hull.ts';
import { blobs, mulberry32, type Pt, toCoords, toFC, uniform } from './random.ts';

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('convexHull', () => {
  it('encloses the same area as @turf/convex on random sets', () => {
    for (const seed of [1, 2, 3, 4]) {
      const rnd = mulberry32(seed);
      const pts = seed % 2 ? uniform(rnd, 200) : blobs(rnd, 200, 1, 2, 0);
      const ring = convexHull(toCoords(pts), all(pts.length))!;
      const ref = convex(toFC(pts))!;
      expect(area({ type: 'Polygon', coordinates: [ring] })).toBeCloseTo(area(ref), 3);
      expect(ring.length).toBe(ref.geometry.coordinates[0]!.length);
    }
  });
  it('hand-worked square with interior and edge points', () => {
    const pts: Pt[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0.5, 0.5],
      [0.5, 0],
      [0.2, 0.7],
    ];
    expect(convexHull(toCoords(pts), all(7))).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(convexHull(toCoords(pts), [0, 1, 4])).toEqual([
      [0, 0],
      [1, 0],
      [0.5, 0.5],
      [0, 0],
    ]);
  });
  it('null under 3 distinct points or when collinear', () => {
    expect(
      convexHull(
        toCoords([
          [0, 0],
          [1, 1],
        ]),
        [0, 1],
      ),
    ).toBeNull();
    expect(
      convexHull(
        toCoords([
          [0, 0],
          [0, 0],
          [0, 0],
          [1, 1],
        ]),
        [0, 1, 2, 3],
      ),
    ).toBeNull();
    expect(
      convexHull(
        toCoords([
          [0, 0],
          [1, 1],
          [2, 2],
          [3, 3],
        ]),
        [0, 1, 2, 3],
      ),
    ).toBeNull();
  });
});
