/** Seeded random point sets for the comparison tests (shapes: uniform, blobs, duplicates, collinear…). */
import { lengthToDegrees } from '@turf/helpers';
import { mulberry32 } from '../../scripts/lib/sample.ts';

/** The sample generator's PRNG (one implementation in the project). */
export { mulberry32 };

export type Pt = [number, number];

/** Shangrao's bounding box. */
export const BBOX = { west: 116.22, south: 27.8, east: 118.48, north: 29.7 };

export function uniform(rnd: () => number, n: number, box = BBOX): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < n; i++) {
    out.push([box.west + rnd() * (box.east - box.west), box.south + rnd() * (box.north - box.south)]);
  }
  return out;
}

function gauss(rnd: () => number): number {
  const u = Math.max(rnd(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

/** Gaussian blobs of sigmaKm around random centres, plus a share of uniform background noise. */
export function blobs(rnd: () => number, n: number, nBlobs: number, sigmaKm: number, noiseShare = 0.2): Pt[] {
  const centres = uniform(rnd, nBlobs);
  const out: Pt[] = [];
  const sd = lengthToDegrees(sigmaKm, 'kilometers');
  for (let i = 0; i < n; i++) {
    if (rnd() < noiseShare) {
      out.push(...uniform(rnd, 1));
      continue;
    }
    const c = centres[Math.floor(rnd() * nBlobs)]!;
    const lat = c[1] + gauss(rnd) * sd;
    out.push([c[0] + (gauss(rnd) * sd) / Math.cos((lat * Math.PI) / 180), lat]);
  }
  return out;
}

/** n points on a line from a to b (equally spaced, optionally jittered along the line only). */
export function collinear(rnd: () => number, n: number, a: Pt, b: Pt, jitter = false): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const t = jitter ? rnd() : n === 1 ? 0 : i / (n - 1);
    out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
  }
  return out;
}

/** Shuffle in place (Fisher–Yates) and return the array. */
export function shuffle<T>(rnd: () => number, arr: T[]): T[] {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [arr[i], arr[j]] = [arr[j]!, arr[i]!];
  }
  return arr;
}

export function toCoords(pts: readonly Pt[]): Float64Array {
  const c = new Float64Array(pts.length * 2);
  pts.forEach((p, i) => {
    c[2 * i] = p[0];
    c[2 * i + 1] = p[1];
  });
  return c;
}

export function toFC(pts: readonly Pt[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: pts.map((p) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [...p] },
    })),
  };
}
