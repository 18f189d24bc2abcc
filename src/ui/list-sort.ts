/**
 * Issue 8: the order of the list view. Names are ranked once per dataset and language (one collator
 * sort, data/name-rank.ts, in a worker for large lists); every other order is a numeric sort of (value code, name rank) pairs packed in one float, so
 * re-sorting 100,000 rows is a typed-array sort, not 1.7 million collator calls.
 */
import { COUNTY_ADCODES } from '../data/counties.ts';
import { type Enterprise, PRECISIONS, SEGMENTS, STAGES } from '../data/types.ts';

export const SORT_KEYS = ['name', 'stage', 'segment', 'county', 'zone', 'precision'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ListOrder {
  key: SortKey;
  /** Reverse order. */
  desc: boolean;
}

export function isSortKey(s: string): s is SortKey {
  return (SORT_KEYS as readonly string[]).includes(s);
}

/** A value's position in `values`, values missing (null) after every known one. */
function positions(values: readonly string[]): (v: string | null) => number {
  const m = new Map(values.map((v, k) => [v, k]));
  return (v) => (v === null ? values.length : (m.get(v) ?? values.length));
}

/**
 * The records `idx` (indices into `records`) in the order asked for. `zoneOrder`: the zone ids in the
 * order they sort (by display name); records in no zone come last, as do records with no segment or
 * county. Within equal values, by name.
 */
export function sortRecords(
  records: readonly Enterprise[],
  idx: ArrayLike<number>,
  order: ListOrder,
  rank: Uint32Array,
  zoneOrder: readonly string[],
  zoneOf: (e: Enterprise) => string | null = (e) => e.zone,
): Uint32Array {
  const n = records.length;
  const field: Record<Exclude<SortKey, 'name'>, [(e: Enterprise) => string | null, readonly string[]]> = {
    stage: [(e) => e.stage, STAGES],
    segment: [(e) => e.segment, SEGMENTS],
    county: [(e) => e.county, COUNTY_ADCODES],
    zone: [zoneOf, zoneOrder],
    precision: [(e) => e.precision, PRECISIONS],
  };
  let primary: (e: Enterprise) => number = () => 0;
  if (order.key !== 'name') {
    const [value, values] = field[order.key];
    const pos = positions(values);
    primary = (e) => pos(value(e));
  }
  const keys = new Float64Array(idx.length);
  const byRank = new Uint32Array(n);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const r = rank[i]!;
    byRank[r] = i;
    // Exact in a double: primary < 2^20, rank < 2^32.
    keys[k] = primary(records[i]!) * 2 ** 32 + r;
  }
  keys.sort();
  const out = new Uint32Array(idx.length);
  for (let k = 0; k < keys.length; k++) {
    const i = byRank[keys[k]! % 2 ** 32]!;
    out[order.desc ? keys.length - 1 - k : k] = i;
  }
  return out;
}
