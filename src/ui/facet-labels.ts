/**
 * The words of the filters (issue 8): a facet's title, a value's label, and a one-line summary of the
 * filters in force, which a picture or a printout carries so that a filtered view never reads as the
 * whole belt.
 */
import { countyName } from '../data/counties.ts';
import { FACET_KEY, FACETS, type FacetName, type Filters, NO_ZONE } from '../data/filters.ts';
import type { Zone } from '../data/types.ts';
import { lang, type MessageKey, t } from '../i18n/index.ts';

export const FACET_TITLE: Record<FacetName, MessageKey> = {
  segment: 'facet.segment',
  county: 'facet.county',
  zone: 'facet.zone',
  precision: 'facet.precision',
};

export function facetValueLabel(facet: FacetName, v: string, zoneName: (id: string) => string): string {
  if (facet === 'segment') return t(`segment.${v}` as MessageKey);
  if (facet === 'county') return countyName(v, lang());
  if (facet === 'precision') return t(`precision.${v}` as MessageKey);
  return v === NO_ZONE ? t('facet.zoneNone') : zoneName(v);
}

/** "筛选：细分环节 熔铸、铜材加工；县（市、区） 广信区" — null when no filter beside the stages is set. */
export function filterSummary(f: Filters, zoneName: (id: string) => string): string | null {
  const parts: string[] = [];
  for (const facet of FACETS) {
    const list = f[FACET_KEY[facet]];
    if (list === null) continue;
    const sep = lang() === 'zh' ? '、' : ', ';
    const values =
      list.length === 0 ? t('facet.none') : list.map((v) => facetValueLabel(facet, v, zoneName)).join(sep);
    parts.push(`${t(FACET_TITLE[facet])} ${values}`);
  }
  return parts.length === 0
    ? null
    : t('filters.summary', { list: parts.join(lang() === 'zh' ? '；' : '; ') });
}

/** A zone's name in the interface language (its Chinese name where it has no English one). */
export function zoneDisplayName(z: Pick<Zone, 'name' | 'nameEn'>): string {
  return lang() === 'en' && z.nameEn ? z.nameEn : z.name;
}
