import { createMemo, createSignal } from 'solid-js';
import type { Enterprise } from '../data/types.ts';
import { lang, t } from '../i18n/index.ts';
import { type ListOrder, nameRanks, sortRecords } from './list-sort.ts';
import type { BeltState } from './state.ts';

/**
 * Issue 8: the list view's rows in the chosen order, following every filter. Names are ranked once
 * per dataset and language; a filter or order change is one typed-array sort (list-sort.ts).
 */
export function createListOrder(s: BeltState, zoneName: (id: string) => string) {
  const [order, setOrder] = createSignal<ListOrder>({ key: 'name', desc: false });
  const name = (e: Enterprise) => (lang() === 'en' && e.nameEn ? e.nameEn : e.name);
  const rank = createMemo(() =>
    nameRanks(s.enterprises(), name, new Intl.Collator(lang() === 'zh' ? 'zh-CN' : 'en-GB')),
  );
  const zoneOrder = createMemo(() => {
    const collator = new Intl.Collator(lang() === 'zh' ? 'zh-CN' : 'en-GB');
    return s
      .codes()
      .zoneValues.slice(1)
      .sort((a, b) => collator.compare(zoneName(a), zoneName(b)));
  });
  const zoneOf = (e: Enterprise) => e.zone ?? s.analysis()?.resolvedZones[e.id] ?? null;
  /** The zone or the precision of a row, when the list is sorted by it (the row shows segment and county). */
  const meta = (e: Enterprise): string | null => {
    const key = order().key;
    if (key === 'zone') {
      const z = zoneOf(e);
      return z ? zoneName(z) : t('facet.zoneNone');
    }
    return key === 'precision' ? t(`precision.${e.precision}`) : null;
  };
  const items = createMemo(() => {
    const all = s.enterprises();
    const idx = sortRecords(all, s.visibleIdx(), order(), rank(), zoneOrder(), zoneOf);
    return Array.from(idx, (i) => all[i]!);
  });
  return { order, setOrder, items, meta };
}
