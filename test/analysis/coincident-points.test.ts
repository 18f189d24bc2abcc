/**
 * Many points at one identical coordinate (registries geocoded to a zone's centroid): nearest
 * distances, NNI and CLQ must equal the definitions (Turf, brute force) and stay ~linear in cost.
 */
import { readFileSync } from 'node:fs';
import { distance } from '@turf/distance';
import { nearestNeighborAnalysis } from '@turf/nearest-neighbor-analysis';
import { describe, expect, it } from 'vitest';
import { colocationQuotients } from '../../src/analysis/colocation-quotients.ts';
import { nearestNeighbourIndex } from '../../src/analysis/nearest-neighbour-index.ts';
import { nearestNeighbours } from '../../src/analysis/nearest-neighbours.ts';
import { studyAreaKm2 } from '../../src/analysis/study-area-km2.ts';
import { CLQ_TIE_TOLERANCE_KM } from '../../src/analysis/thresholds.ts';
import { bruteColocation as bruteClq } from './brute-clq.ts';
import { mulberry32, type Pt, shuffle, toCoords, toFC, uniform } from './random.ts';

const shangrao = (
  JSON.parse(
    readFileSync(new URL('../../geodata/shangrao-prefecture.geojson', import.meta.url), 'utf8'),
  ) as GeoJSON.FeatureCollection<GeoJSON.Polygon>
).features[0]!;

interface TurfNni {
  observedMeanDistance: number;
  expectedMeanDistance: number;
  nearestNeighborIndex: number;
  numberOfPoints: number;
  zScore: number;
}

function turfNni(pts: readonly Pt[]): TurfNni {
  const out = nearestNeighborAnalysis(toFC(pts), { studyArea: structuredClone(shangrao) });
  return out.properties?.nearestNeighborAnalysis as unknown as TurfNni;
}

function expectMatrixClose(got: (number | null)[][], want: (number | null)[][], digits = 12) {
  expect(got.length).toBe(want.length);
  for (const [a, row] of got.entries()) {
    for (const [b, v] of row.entries()) {
      const w = want[a]![b]!;
      if (w === null) expect(v).toBeNull();
      else expect(v).toBeCloseTo(w, digits);
    }
  }
}

/** A few hundred points: three "zone centroids" holding many firms each, near-coincident ones, others. */
function mixed(rnd: () => number): Pt[] {
  const [a, b, c] = uniform(rnd, 3);
  const pts: Pt[] = [
    ...Array.from({ length: 150 }, (): Pt => [a![0], a![1]]),
    ...Array.from({ length: 40 }, (): Pt => [b![0], b![1]]),
    ...Array.from({ length: 2 }, (): Pt => [c![0], c![1]]),
    // A few ULPs from centroid a (≈ 1e-12 km: within the CLQ tie tolerance, but not identical).
    [a![0] + 3e-14, a![1]],
    [a![0], a![1] + 7e-15],
    // 1 km east of centroid b: its nearest neighbours are the 40 firms there.
    [b![0] + 1 / (111.195 * Math.cos((b![1] * Math.PI) / 180)), b![1]],
    ...uniform(rnd, 150),
  ];
  return shuffle(rnd, pts);
}

describe('coincident points mixed with others: equal the definitions', () => {
  for (const seed of [1, 2, 3]) {
    it(`nearest distances and tie lists equal brute force (seed ${seed})`, () => {
      const pts = mixed(mulberry32(seed * 17));
      const nn = nearestNeighbours(toCoords(pts), {
        ties: true,
        groupTies: true,
        tieToleranceKm: CLQ_TIE_TOLERANCE_KM,
      });
      pts.forEach((p, i) => {
        const d = pts.map((q, j) => (j === i ? Number.POSITIVE_INFINITY : distance(p, q)));
        const m = Math.min(...d);
        expect(nn.distKm[i]).toBe(m);
        const expected = d.flatMap((x, j) => (x <= m + CLQ_TIE_TOLERANCE_KM ? [j] : []));
        const got = Array.from(nn.tieIds.subarray(nn.tieOffsets[i], nn.tieOffsets[i + 1]));
        expect(got.sort((x, y) => x - y)).toEqual(expected);
        // The same ties by group: own group's other members plus every member of the listed groups.
        const s = nn.groupOf[i]!;
        let k = nn.groupSize[s]! - 1;
        for (let t = nn.groupTieOffsets[s]!; t < nn.groupTieOffsets[s + 1]!; t++)
          k += nn.groupSize[nn.groupTieIds[t]!]!;
        expect(k).toBe(expected.length);
      });
      expect(nn.groupSize.length).toBe(pts.length - 149 - 39 - 1);
    });
    it(`NNI equals Turf's nearestNeighborAnalysis over the Shangrao polygon (seed ${seed})`, () => {
      const pts = mixed(mulberry32(seed * 17));
      const ours = nearestNeighbourIndex(toCoords(pts), studyAreaKm2(shangrao));
      const t = turfNni(pts);
      expect(ours.n).toBe(t.numberOfPoints);
      expect(ours.observedMeanKm).toBe(t.observedMeanDistance);
      expect(ours.expectedMeanKm).toBe(t.expectedMeanDistance);
      expect(ours.R).toBe(t.nearestNeighborIndex);
      expect(ours.z).toBe(t.zScore);
    });
    it(`CLQ equals the O(n²) definition (seed ${seed})`, () => {
      const rnd = mulberry32(seed * 29);
      const pts = mixed(rnd);
      const cats = pts.map(() => Math.floor(rnd() * 3));
      const got = colocationQuotients(toCoords(pts), cats, 3);
      const want = bruteClq(pts, cats, 3);
      expectMatrixClose(got.nearestCounts, want.nearestCounts, 9);
      expectMatrixClose(got.clq, want.clq);
    });
  }
});

// Scale guard, not a benchmark: the grouped algorithm needs well under a second here (most of it the
// brute-force reference below); listing every coincident pair (O(g²): ~20 s and ~1.6 GB of tie lists
// per call for g = 20,000) fails on the timeout or runs out of memory. No assertion on timings.
describe('20,000 points at one coordinate plus 1,000 others (scale guard)', { timeout: 20_000 }, () => {
  const G = 20_000;
  const spot: Pt = [117.9, 28.44];
  const rnd = mulberry32(2024);
  const others = uniform(rnd, 1000);
  const pts = shuffle(rnd, [...Array.from({ length: G }, (): Pt => [spot[0], spot[1]]), ...others]);
  const n = pts.length;
  const cats = pts.map(() => Math.floor(rnd() * 3));
  const coords = toCoords(pts);
  const atSpot = pts.map((p) => p[0] === spot[0] && p[1] === spot[1]);
  // The group as one location (weight: its points per category) and the 1,000 others.
  const c = [0, 0, 0];
  pts.forEach((_, i) => {
    if (atSpot[i]) c[cats[i]!]! += 1;
  });
  const otherIdx = pts.flatMap((_, i) => (atSpot[i] ? [] : [i]));

  it('every coincident point has distance 0; the others their brute-force nearest distance', () => {
    const { distKm } = nearestNeighbours(coords);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (atSpot[i]) {
        expect(distKm[i]).toBe(0);
        continue;
      }
      let m = distance(pts[i]!, spot);
      for (const j of otherIdx) if (j !== i) m = Math.min(m, distance(pts[i]!, pts[j]!));
      expect(distKm[i]).toBe(m);
      sum += m;
    }
    const area = studyAreaKm2(shangrao);
    const nni = nearestNeighbourIndex(coords, area);
    const observed = sum / n;
    const expected = 0.5 / Math.sqrt(n / area);
    expect(nni.observedMeanKm! / observed).toBeCloseTo(1, 12);
    expect(nni.R! / (observed / expected)).toBeCloseTo(1, 12);
    expect(nni.z! / ((observed - expected) / (0.26136 / Math.sqrt((n * n) / area)))).toBeCloseTo(1, 12);
  });

  it('CLQ: a coincident point of category a adds (c[b] − [a = b]) / (g − 1) to N_a→b', () => {
    const want = Array.from({ length: 3 }, () => [0, 0, 0]);
    // The group: c[a] points of category a, each adding (c[b] − [a = b]) / (G − 1).
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) want[a]![b]! += (c[a]! * (c[b]! - (a === b ? 1 : 0))) / (G - 1);
    }
    // The others: nearest among the others and the group's location (all G members tied there).
    for (const i of otherIdx) {
      const cand: [number, number[]][] = [[distance(pts[i]!, spot), c]];
      for (const j of otherIdx) {
        if (j !== i) cand.push([distance(pts[i]!, pts[j]!), [0, 1, 2].map((b) => (cats[j] === b ? 1 : 0))]);
      }
      const m = Math.min(...cand.map(([d]) => d));
      const share = [0, 0, 0];
      for (const [d, w] of cand) {
        if (d <= m + CLQ_TIE_TOLERANCE_KM) for (let b = 0; b < 3; b++) share[b]! += w[b]!;
      }
      const k = share[0]! + share[1]! + share[2]!;
      for (let b = 0; b < 3; b++) want[cats[i]!]![b]! += share[b]! / k;
    }
    const counts = [0, 1, 2].map((a) => cats.filter((x) => x === a).length);
    const wantClq = want.map((row, a) =>
      row.map((v, b) => v / counts[a]! / ((a === b ? counts[a]! - 1 : counts[b]!) / (n - 1))),
    );
    const got = colocationQuotients(coords, cats, 3);
    expect(got.counts).toEqual(counts);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        expect(got.nearestCounts[a]![b]! / want[a]![b]!).toBeCloseTo(1, 12);
        expect(got.clq[a]![b]! / wantClq[a]![b]!).toBeCloseTo(1, 12);
      }
    }
  });
});
