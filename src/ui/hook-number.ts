/**
 * A figure as a DOM hook value: full precision (String(number) round-trips), and "NaN" where the figure
 * is undefined (too few firms, empty county...), so that Number(attr) is NaN, never a misleading 0.
 */
export function hookNumber(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'NaN' : String(v);
}
