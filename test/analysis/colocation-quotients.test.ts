import { describe, expect, it } from 'vitest';
import { colocationQuotients } from '../../src/analysis/colocation-quotients.ts';
import { bruteClq } from './brute-clq.ts';
import { blobs, mulberry32, type Pt, shuffle, toCoords, uniform } from './random.ts';

function expectMatrixClose(got: (number | null)[][], want: (number | null)[][]) {
  expect(got.length).toBe(want.length);
  for (const [a, row] of got.entries()) {
    for (const [b, v] of row.entries()) {
      const w = want[a]![b]!;
      if (w === null) expect(v).toBeNull();
      else expect(v).toBeCloseTo(w, 12);
    }
  }
}

describe('colocationQuotients: hand-worked', () => {
  it('alternating A/B on a parallel, gaps 1°, 2°, 3°', () => {
    // A(0) → B(1); B(1) → A(0); A(3) → B(1) (2° < 3°); B(6) → A(3). N = 4, N_A = N_B = 2.
    const r = colocationQuotients(
      toCoords([
        [0, 0],
        [1, 0],
        [3, 0],
        [6, 0],
      ]),
      [0, 1, 0, 1],
      2,
    );
    expect(r.counts).toEqual([2, 2]);
    expect(r.nearestCounts).toEqual([
      [0, 2],
      [2, 0],
    ]);
    // CLQ(A→B) = (2/2) / (2/3) = 1.5; CLQ(A→A) = (0/2) / ((2−1)/3) = 0.
    expect(r.clq).toEqual([
      [0, 1.5],
      [1.5, 0],
    ]);
  });
  it('ties are shared equally', () => {
    // A at 0° has B at −1° and C at +1°, equidistant: ½ each. B and C both have A as nearest.
    const r = colocationQuotients(
      toCoords([
        [0, 0],
        [-1, 0],
        [1, 0],
      ]),
      [0, 1, 2],
      3,
    );
    expect(r.nearestCounts).toEqual([
      [0, 0.5, 0.5],
      [1, 0, 0],
      [1, 0, 0],
    ]);
    // N = 3: CLQ(A→B) = (0.5/1) / (1/2) = 1; CLQ(B→A) = (1/1) / (1/2) = 2; A→A: N_A − 1 = 0 ⇒ null.
    expect(r.clq).toEqual([
      [null, 1, 1],
      [2, null, 0],
      [2, 0, null],
    ]);
  });
  it('A = B uses N_A − 1, with duplicates tied at distance 0', () => {
    // Three A at one point, one B far away. Each A: the two other A (tied at 0) ⇒ 1 to A→A.
    // B: the three A tied ⇒ 1/3 each ⇒ N_B→A = 1.
    const r = colocationQuotients(
      toCoords([
        [117, 28],
        [117, 28],
        [117, 28],
        [117.5, 28.3],
      ]),
      [0, 0, 0, 1],
      2,
    );
    expect(r.nearestCounts[0]).toEqual([3, 0]);
    expect(r.nearestCounts[1]![0]).toBeCloseTo(1, 15);
    // CLQ(A→A) = (3/3) / ((3−1)/3) = 1.5; CLQ(B→A) = (1/1) / (3/3) = 1; B→B: N_B − 1 = 0 ⇒ null.
    expect(r.clq[0]).toEqual([1.5, 0]);
    expect(r.clq[1]![0]).toBeCloseTo(1, 12);
    expect(r.clq[1]![1]).toBeNull();
  });
  it('empty category and tiny inputs give nulls, never NaN', () => {
    expect(colocationQuotients(new Float64Array(0), [], 3).clq.flat()).toEqual(new Array(9).fill(null));
    expect(colocationQuotients(toCoords([[117, 28]]), [1], 3).clq.flat()).toEqual(new Array(9).fill(null));
    const r = colocationQuotients(
      toCoords([
        [117, 28],
        [117.1, 28],
      ]),
      [0, 0],
      3,
    );
    expect(r.clq[0]).toEqual([2 / 2 / (1 / 1), null, null]);
    expect(r.clq[1]).toEqual([null, null, null]);
  });
});

describe('colocationQuotients: equals the O(n²) definition on random inputs', () => {
  const shapes: [string, (r: () => number) => Pt[]][] = [
    ['uniform', (r) => uniform(r, 400)],
    ['blobs', (r) => blobs(r, 400, 5, 1)],
    [
      'lattice with duplicates (many ties)',
      (r) => {
        const pts: Pt[] = [];
        for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) pts.push([117 + i * 0.01, 28.2 + j * 0.01]);
        for (let d = 0; d < 60; d++) pts.push(pts[Math.floor(r() * 144)]!);
        return shuffle(r, pts);
      },
    ],
  ];
  for (const [name, gen] of shapes) {
    for (const seed of [1, 2, 3]) {
      it(`${name} (seed ${seed})`, () => {
        const rnd = mulberry32(seed * 101);
        const pts = gen(rnd);
        const cats = pts.map(() => Math.floor(rnd() * 3));
        expectMatrixClose(colocationQuotients(toCoords(pts), cats, 3).clq, bruteClq(pts, cats, 3));
      });
    }
  }
});
