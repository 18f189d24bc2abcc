/**
 * Issue 8: the filters in the URL (contract.md): `segments`, `counties`, `zones`, `precision`, each a
 * comma list; absent = all; empty = none. Unknown or malformed values are ignored with a warning; a
 * list with no known value is ignored as a whole (never read as "none").
 */
import { cleanFacetList, FACET_KEY, FACETS, type Filters } from '../data/filters.ts';

export function parseFilterParams(q: URLSearchParams, warn: (msg: string) => void): Partial<Filters> {
  const out: Partial<Filters> = {};
  for (const facet of FACETS) {
    const key = FACET_KEY[facet];
    const raw = q.get(key);
    if (raw === null) continue;
    const parts = raw
      .split(',')
      .map((s) => safeDecode(s).trim())
      .filter((s) => s !== '');
    const good = cleanFacetList(facet, parts, warn, `?${key}=`);
    if (good === null) continue;
    if (parts.length > 0 && good.length === 0) {
      warn(`[belt] ?${key}= has no known value; ignored`);
      continue;
    }
    (out as Record<string, string[]>)[key] = good;
  }
  return out;
}

/** Writes the filters into `q`: a list for each filter set, nothing for those that are not. */
export function writeFilterParams(q: URLSearchParams, f: Partial<Filters> | undefined): void {
  for (const facet of FACETS) {
    const key = FACET_KEY[facet];
    const list = f?.[key] ?? null;
    if (list === null) q.delete(key);
    // Each value escaped: a zone id may hold a comma (or anything an imported file gave it).
    else q.set(key, list.map((v) => encodeURIComponent(v)).join(','));
  }
}

/** A value as written by writeFilterParams (and a hand-written one, unescaped, as it is). */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
