/** Sorting of the investment-promotion list's table (GapList.tsx): by any column, either way. */
import type { GapRow } from '../analysis/gap-list.ts';

export type GapSortKey =
  | 'list'
  | 'zone'
  | 'county'
  | 'stage'
  | 'segment'
  | 'status'
  | 'zoneFirms'
  | 'cityFirms'
  | 'nearest';

export interface GapSort {
  key: GapSortKey;
  dir: 'asc' | 'desc';
}

const STAGE_ORDER = { upstream: 0, midstream: 1, downstream: 2 } as const;
const STATUS_ORDER = { missing: 0, thin: 1, present: 2 } as const;

/**
 * The rows sorted by `s` (texts by the interface language's collation); ties keep the list's own order
 * (domain.md), which `list` restores. The input is not changed.
 */
export function sortGapRows(
  rows: readonly GapRow[],
  s: GapSort,
  names: { place(id: string): string; county(adcode: string | null): string; segment(g: string): string },
  locale: string,
): GapRow[] {
  const collator = new Intl.Collator(locale);
  const key: Record<GapSortKey, (r: GapRow) => string | number> = {
    list: () => 0,
    zone: (r) => names.place(r.zone),
    county: (r) => names.county(r.county),
    stage: (r) => STAGE_ORDER[r.stage],
    segment: (r) => names.segment(r.segment),
    status: (r) => STATUS_ORDER[r.status],
    zoneFirms: (r) => r.zoneFirmsOfStage,
    cityFirms: (r) => r.cityFirmsOfSegment,
    nearest: (r) => r.candidates[0]?.km ?? Number.POSITIVE_INFINITY,
  };
  const k = key[s.key];
  const sign = s.dir === 'asc' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i, v: k(r) }))
    .sort((a, b) => {
      const c =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : collator.compare(String(a.v), String(b.v));
      return sign * c || a.i - b.i;
    })
    .map((x) => x.r);
}

/** The next sort after activating a column heading: ascending first, then descending. */
export function nextSort(cur: GapSort, key: GapSortKey): GapSort {
  return cur.key === key ? { key, dir: cur.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}
