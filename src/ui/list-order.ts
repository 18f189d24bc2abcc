import { createMemo, createResource, createSignal } from 'solid-js';
import { rankNames } from '../data/rank.ts';
import type { Enterprise } from '../data/types.ts';
import { lang, t } from '../i18n/index.ts';
import { type ListOrder, sortRecords } from './list-sort.ts';
import type { BeltState } from './state.ts';

/**
 * Issue 8: the list view's rows in the chosen order, following every filter. Names are ranked once
 * per dataset and language; a filter or order change is one typed-array sort (list-sort.ts).
 */
export function createListOrder(s: BeltState, zoneName: (id: string) => string) {
  const [order, setOrder] = createSignal<ListOrder>({ key: 'name', desc: false });
  // The name order, once per dataset and language: in a worker for large lists (data/rank.ts).
  const [ranked] = createResource(
    () => ({ records: s.enterprises(), lang: lang() }),
    ({ records, lang: l }) => {
      const shown = (e: Enterprise) => (l === 'en' && e.nameEn ? e.nameEn : e.name);
      return rankNames(
        records.map(shown),
        records.map((e) => e.id),
        l === 'zh' ? 'zh-CN' : 'en-GB',
      );
    },
  );
  /** The ranks for exactly the records shown (a new dataset's list waits for its own). */
  const rank = () => {
    const r = ranked.latest;
    return r && r.length === s.enterprises().length ? r : undefined;
  };
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
    const r = rank();
    if (!r) return [];
    const idx = sortRecords(all, s.visibleIdx(), order(), r, zoneOrder(), zoneOf);
    return Array.from(idx, (i) => all[i]!);
  });
  /** True while the names are being ranked (the list then shows that, not rows in another order). */
  const sorting = () => rank() === undefined;
  return { order, setOrder, items, meta, sorting };
}
