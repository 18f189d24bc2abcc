/**
 * A copy of a growable typed array with twice its capacity (at least 16), the first a.length
 * elements kept. The kernels grow their work arrays with `if (len === a.length) a = grown(a)`, so
 * the check stays in the loop and only the rare growth is a call.
 */
export function grown<T extends Int32Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(Math.max(16, a.length * 2));
  b.set(a);
  return b;
}
