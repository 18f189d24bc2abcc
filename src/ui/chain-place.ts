/** Names and the selected place (zone or county) for the chain diagram and the investment-promotion list. */
import { COUNTY_GAP_PREFIX, type GapRow } from '../analysis/gap-list.ts';
import { countyName } from '../data/counties.ts';
import { COUNTY_CENTROIDS } from '../data/county-centroids.ts';
import type { Lang } from '../i18n/index.ts';
import { tIn } from '../i18n/index.ts';
import type { BeltState, Selection } from './state.ts';

/** The zone or county whose own counts the diagram shows: the details selection, when it is one. */
export function selectedPlace(sel: Selection): { zone: string } | { county: string } | null {
  if (sel?.kind === 'zone') return { zone: sel.id };
  if (sel?.kind === 'county') return { county: sel.id };
  return null;
}

/** Display names in a language: a zone id or `county:<adcode>`, a county, an enterprise (ids as fallback). */
export function placeNames(s: Pick<BeltState, 'zoneById' | 'getEnterprise'>, l: Lang) {
  const county = (adcode: string | null) => countyName(adcode, l);
  return {
    place(id: string): string {
      if (id.startsWith(COUNTY_GAP_PREFIX))
        return `${tIn(l, 'gaps.countyPrefix')}${county(id.slice(COUNTY_GAP_PREFIX.length))}`;
      const z = s.zoneById().get(id);
      return z ? (l === 'en' && z.nameEn ? z.nameEn : z.name) : id;
    },
    county,
    enterprise(id: string): string {
      const e = s.getEnterprise(id);
      return e ? (l === 'en' && e.nameEn ? e.nameEn : e.name) : id;
    },
  };
}

/**
 * Opens a row's zone (as the zone list does) or county (selected, the map centred on its centroid) from
 * the investment-promotion list.
 */
export function openGapPlace(
  s: Pick<BeltState, 'select'>,
  row: Pick<GapRow, 'zone' | 'kind' | 'county'>,
  selectZone: (id: string) => void,
  locate: (lon: number, lat: number, precision?: 'county') => void,
): void {
  if (row.kind === 'zone') {
    selectZone(row.zone);
    return;
  }
  if (!row.county) return;
  s.select({ kind: 'county', id: row.county }, true);
  const at = COUNTY_CENTROIDS[row.county];
  if (at) locate(at[0], at[1], 'county');
}
