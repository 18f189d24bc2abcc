import type { Enterprise } from '../../src/data/types.ts';

/** A test enterprise: E00007 "示例企业 7", midstream processing in 广信区, township precision. */
export const ent = (i: number, extra: Partial<Enterprise> = {}): Enterprise => ({
  id: `E${String(i).padStart(5, '0')}`,
  name: `示例企业 ${i}`,
  nameEn: `Sample firm ${i}`,
  stage: 'midstream',
  segment: 'processing',
  county: '361104',
  zone: null,
  lon: 117.9 + i * 1e-4,
  lat: 28.4,
  precision: 'township',
  source: 'synthetic sample (seeded generator, seed 1)',
  extra: { employees: 120, founded: 2009, note: null },
  ...extra,
});
