import { FACET_KEY, type FacetName, type Filters, facetList, toggleFacetValue } from '../data/filters.ts';

/** Issue 8: the filter patch of ticking (or unticking) one value of a facet. */
export function facetPatch(
  f: Filters,
  facet: FacetName,
  all: readonly string[],
  value: string,
  on: boolean,
): Partial<Filters> {
  return { [FACET_KEY[facet]]: toggleFacetValue(facetList(f, facet), all, value, on) } as Partial<Filters>;
}
