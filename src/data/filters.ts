/**
 * The filters beside the stage filter (issue 8): segment, county, zone (with `none`: firms in no zone)
 * and location precision. Pure data and validation; the counting pass lives in facet-counts.ts.
 * `null` = every value (no filter); `[]` = none.
 */
import { isCountyAdcode } from './counties.ts';
import { isSegment, PRECISIONS, type Precision, SEGMENTS, type Segment } from './types.ts';

export type FacetName = 'segment' | 'county' | 'zone' | 'precision';
export const FACETS: readonly FacetName[] = ['segment', 'county', 'zone', 'precision'];

export interface Filters {
  segments: Segment[] | null;
  /** 6-digit adcodes. */
  counties: string[] | null;
  /** Zone ids, and 'none' = firms in no zone. */
  zones: string[] | null;
  precision: Precision[] | null;
}

export const NO_FILTERS: Filters = { segments: null, counties: null, zones: null, precision: null };

/** The Filters key (and URL / message parameter) of each facet. */
export const FACET_KEY = {
  segment: 'segments',
  county: 'counties',
  zone: 'zones',
  precision: 'precision',
} as const satisfies Record<FacetName, keyof Filters>;

/** The zone value of firms in no zone. */
export const NO_ZONE = 'none';

/** More values than this in one list is not a filter anyone means (13 segments, 12 counties...). */
export const MAX_FILTER_VALUES = 1000;
/** A zone id longer than this is not one. */
const MAX_ZONE_ID = 200;

/** Whether `v` is a well-formed value of `facet` (zones: any plausible id; the state checks it exists). */
export function isFacetValue(facet: FacetName, v: unknown): boolean {
  if (typeof v !== 'string') return false;
  switch (facet) {
    case 'segment':
      return isSegment(v);
    case 'county':
      return isCountyAdcode(v);
    case 'precision':
      return (PRECISIONS as readonly string[]).includes(v);
    case 'zone':
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
      return v.length > 0 && v.length <= MAX_ZONE_ID && v.trim() === v && !/[\u0000-\u001f<>]/.test(v);
  }
}

/**
 * A list of values for `facet` as given by a URL or a message: null when it is not a list (or far too
 * long); otherwise its well-formed values, deduplicated, in the facet's order (segments, precisions) or
 * as given (counties, zones), with a warning naming the ones ignored.
 */
export function cleanFacetList(
  facet: FacetName,
  values: unknown,
  warn: (msg: string) => void,
  where: string,
): string[] | null {
  if (!Array.isArray(values)) {
    warn(`[belt] ignoring ${where}: not a list`);
    return null;
  }
  if (values.length > MAX_FILTER_VALUES) {
    warn(`[belt] ignoring ${where}: more than ${MAX_FILTER_VALUES} values`);
    return null;
  }
  const good: string[] = [];
  const bad: string[] = [];
  for (const v of values) {
    if (isFacetValue(facet, v)) {
      if (!good.includes(v as string)) good.push(v as string);
    } else bad.push(typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : typeof v);
  }
  if (bad.length) warn(`[belt] ignoring unknown value(s) in ${where}: ${bad.slice(0, 10).join(', ')}`);
  if (facet === 'segment') return SEGMENTS.filter((s) => good.includes(s));
  if (facet === 'precision') return PRECISIONS.filter((p) => good.includes(p));
  return good;
}

/** The list of a facet in `f` (null = all). */
export function facetList(f: Filters, facet: FacetName): readonly string[] | null {
  return f[FACET_KEY[facet]];
}

/** Whether any filter besides the stage filter is set. */
export function hasFilters(f: Filters): boolean {
  return FACETS.some((k) => facetList(f, k) !== null);
}

/**
 * The list after switching `value` on or off, given every value the facet has (`all`): switching one
 * off from "all" keeps the others; a list that holds every value again becomes null (no filter).
 */
export function toggleFacetValue(
  current: readonly string[] | null,
  all: readonly string[],
  value: string,
  on: boolean,
): string[] | null {
  const base = current ?? all;
  const next = on ? [...new Set([...base, value])] : base.filter((v) => v !== value);
  const ordered = all.filter((v) => next.includes(v));
  // Values outside `all` (a zone not in this dataset) are kept as given.
  for (const v of next) if (!all.includes(v)) ordered.push(v);
  return all.every((v) => ordered.includes(v)) && ordered.length === all.length ? null : ordered;
}

/** A plain copy (for messages and frames: no store proxies). */
export function copyFilters(f: Filters): Filters {
  return {
    segments: f.segments && [...f.segments],
    counties: f.counties && [...f.counties],
    zones: f.zones && [...f.zones],
    precision: f.precision && [...f.precision],
  };
}
