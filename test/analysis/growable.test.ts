import { describe, expect, it } from 'vitest';
import { grown } from '../../src/analysis/growable.ts';

describe('grown', () => {
  it('doubles the capacity, keeps the elements and the array type', () => {
    const a = Int32Array.from([3, -1, 7]);
    const b = grown(a);
    expect(b).toBeInstanceOf(Int32Array);
    expect(b.length).toBe(16);
    expect(Array.from(b.subarray(0, 3))).toEqual([3, -1, 7]);
    const f = grown(new Float64Array(40).fill(0.5));
    expect(f).toBeInstanceOf(Float64Array);
    expect(f.length).toBe(80);
    expect(f[39]).toBe(0.5);
    expect(f[40]).toBe(0);
  });
  it('grows an empty array too', () => expect(grown(new Int32Array(0)).length).toBe(16));
});
