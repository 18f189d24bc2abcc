/**
 * Issue 8: `{type: 'belt:set-filters', segments?, counties?, zones?, precision?}` (contract.md): each
 * a list of values; omitted (or undefined) = unchanged; null = all. Read hostilely: only own keys, a
 * key that is neither a list nor null rejects the message, unknown values are dropped with a warning.
 */
import { cleanFacetList, FACET_KEY, FACETS, type Filters } from '../data/filters.ts';

export function parseSetFilters(
  d: Record<string, unknown>,
  warn: (msg: string) => void = console.warn,
): Partial<Filters> | null {
  const out: Partial<Filters> = {};
  for (const facet of FACETS) {
    const key = FACET_KEY[facet];
    if (!Object.hasOwn(d, key)) continue;
    const v = d[key];
    if (v === undefined) continue;
    if (v === null) {
      (out as Record<string, null>)[key] = null;
      continue;
    }
    const good = cleanFacetList(facet, v, warn, `belt:set-filters ${key}`);
    if (good === null) return null;
    if (Array.isArray(v) && v.length > 0 && good.length === 0) {
      warn(`[belt] belt:set-filters ${key} has no known value; ignored`);
      continue;
    }
    (out as Record<string, string[]>)[key] = good;
  }
  return out;
}
