import { fireEvent, render } from '@solidjs/testing-library';
import { createMemo, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { COUNTY_ADCODES } from '../../src/data/counties.ts';
import { facetCodes, facetCounts, filterPass } from '../../src/data/facet-counts.ts';
import { type Filters, hasFilters, NO_FILTERS } from '../../src/data/filters.ts';
import { nameRanks } from '../../src/data/name-rank.ts';
import { type Enterprise, PRECISIONS, SEGMENTS, STAGES } from '../../src/data/types.ts';
import { setLang } from '../../src/i18n/index.ts';
import { EnterpriseList } from '../../src/ui/EnterpriseList.tsx';
import { FilterPanel } from '../../src/ui/FilterPanel.tsx';
import { type ListOrder, SORT_KEYS, sortRecords } from '../../src/ui/list-sort.ts';
import { ent } from './fixtures.ts';

const RECORDS: Enterprise[] = [
  ent(1, { segment: 'smelting', stage: 'midstream', county: '361102', zone: 'z1', precision: 'exact' }),
  ent(2, { segment: 'smelting', stage: 'midstream', county: '361103', zone: null, precision: 'street' }),
  ent(3, { segment: 'wire-cable', stage: 'downstream', county: '361102', zone: 'z1', precision: 'exact' }),
  ent(4, { segment: 'mining', stage: 'upstream', county: null, zone: 'z2', precision: 'county' }),
  ent(5, { segment: null, stage: 'unclassified', county: '361181', zone: null, precision: 'none' }),
];

function Harness() {
  const [filters, setFilters] = createSignal<Filters>({ ...NO_FILTERS });
  const codes = facetCodes(RECORDS, ['z1', 'z2']);
  const counts = createMemo(() => facetCounts(codes, filterPass(codes, filters()), STAGES));
  return (
    <>
      <FilterPanel
        filters={filters()}
        counts={counts()}
        zoneValues={codes.zoneValues}
        zoneName={(id) => `<b>zone ${id}</b>`}
        active={hasFilters(filters())}
        onChange={(p) => setFilters((f) => ({ ...f, ...p }))}
        onClear={() => setFilters({ ...NO_FILTERS })}
      />
      <output data-visible>{counts().visibleIdx.length}</output>
    </>
  );
}

const count = (c: HTMLElement, key: string) =>
  Number(c.querySelector(`[data-facet-count="${key}"]`)!.textContent);
const box = (c: HTMLElement, key: string) => c.querySelector<HTMLInputElement>(`[data-facet="${key}"]`)!;

describe('FilterPanel', () => {
  it('has a toggle and a count for every value of every facet, zone "none" included', () => {
    setLang('zh');
    const { container } = render(() => <Harness />);
    for (const v of SEGMENTS) expect(box(container, `segment:${v}`).checked).toBe(true);
    for (const v of COUNTY_ADCODES) expect(box(container, `county:${v}`)).toBeTruthy();
    for (const v of PRECISIONS) expect(box(container, `precision:${v}`)).toBeTruthy();
    expect(count(container, 'segment:smelting')).toBe(2);
    expect(count(container, 'zone:none')).toBe(2);
    expect(count(container, 'zone:z1')).toBe(2);
    expect(count(container, 'county:361102')).toBe(2);
    // Zone names from data are text, never HTML.
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>zone z1</b>');
    expect(container.textContent).toContain('不在任何开发区');
  });

  it('faceted: a facet’s own counts ignore its filter; the other facets follow it; clear resets', () => {
    setLang('en');
    const { container } = render(() => <Harness />);
    fireEvent.click(box(container, 'segment:smelting'));
    expect(box(container, 'segment:smelting').checked).toBe(false);
    // Switched off, it still counts what switching it on would add (and shows "+2").
    expect(count(container, 'segment:smelting')).toBe(2);
    expect(box(container, 'segment:smelting').closest('label')!.textContent).toContain('+2');
    expect(count(container, 'county:361103')).toBe(0);
    expect(count(container, 'zone:z1')).toBe(1);
    expect(container.querySelector('[data-visible]')!.textContent).toBe('2');
    // "None" of a facet, then one value on.
    fireEvent.click(container.querySelector('[data-facet-none="precision"]')!);
    expect(container.querySelector('[data-visible]')!.textContent).toBe('0');
    expect(count(container, 'precision:exact')).toBe(1);
    fireEvent.click(box(container, 'precision:exact'));
    expect(container.querySelector('[data-visible]')!.textContent).toBe('1');
    const clear = container.querySelector<HTMLButtonElement>('[data-filters-clear]')!;
    expect(clear.disabled).toBe(false);
    fireEvent.click(clear);
    expect(container.querySelector('[data-visible]')!.textContent).toBe('5');
    expect(box(container, 'segment:smelting').checked).toBe(true);
    expect(clear.disabled).toBe(true);
  });
});

describe('list sort', () => {
  const recs = [
    ent(3, {
      name: 'Banyan',
      stage: 'downstream',
      segment: 'hardware',
      county: '361181',
      zone: 'z2',
      precision: 'exact',
    }),
    ent(1, {
      name: 'apple',
      stage: 'upstream',
      segment: null,
      county: '361102',
      zone: null,
      precision: 'none',
    }),
    ent(2, {
      name: 'Cedar',
      stage: 'midstream',
      segment: 'casting',
      county: null,
      zone: 'z1',
      precision: 'street',
    }),
    ent(4, {
      name: 'apple',
      stage: 'midstream',
      segment: 'casting',
      county: '361102',
      zone: 'z1',
      precision: 'exact',
    }),
  ];
  const rank = nameRanks(
    recs.map((e) => e.name),
    recs.map((e) => e.id),
    'en-GB',
  );
  const names = (o: ListOrder, idx: number[] = [0, 1, 2, 3]) =>
    Array.from(sortRecords(recs, idx, o, rank, ['z1', 'z2']), (i) => recs[i]!.id);

  it('by name (locale order, ties by id), and by each field with the name as tie-break', () => {
    expect(names({ key: 'name', desc: false })).toEqual(['E00001', 'E00004', 'E00003', 'E00002']);
    expect(names({ key: 'name', desc: true })).toEqual(['E00002', 'E00003', 'E00004', 'E00001']);
    expect(names({ key: 'stage', desc: false })).toEqual(['E00001', 'E00004', 'E00002', 'E00003']);
    // Missing values last.
    expect(names({ key: 'segment', desc: false })).toEqual(['E00004', 'E00002', 'E00003', 'E00001']);
    expect(names({ key: 'county', desc: false })).toEqual(['E00001', 'E00004', 'E00003', 'E00002']);
    expect(names({ key: 'zone', desc: false })).toEqual(['E00004', 'E00002', 'E00003', 'E00001']);
    expect(names({ key: 'precision', desc: false })).toEqual(['E00004', 'E00003', 'E00002', 'E00001']);
    // Only the records asked for.
    expect(names({ key: 'name', desc: false }, [2, 0])).toEqual(['E00003', 'E00002']);
  });

  it('the list view offers every order and reports the choice', () => {
    setLang('zh');
    const [order, setOrder] = createSignal<ListOrder>({ key: 'name', desc: false });
    const items = createMemo(() =>
      Array.from(sortRecords(recs, [0, 1, 2, 3], order(), rank, ['z1', 'z2']), (i) => recs[i]!),
    );
    const { container } = render(() => (
      <EnterpriseList
        items={items()}
        selectedId={null}
        largeText={false}
        onSelect={() => {}}
        order={order()}
        onOrder={setOrder}
      />
    ));
    const select = container.querySelector<HTMLSelectElement>('[data-list-sort]')!;
    expect([...select.options].map((o) => o.value)).toEqual([...SORT_KEYS]);
    expect(SORT_KEYS).toHaveLength(6);
    const ids = () =>
      [...container.querySelectorAll('[data-enterprise-id]')].map((li) =>
        li.getAttribute('data-enterprise-id'),
      );
    expect(ids()).toEqual(['E00001', 'E00004', 'E00003', 'E00002']);
    select.value = 'precision';
    fireEvent.change(select);
    expect(order()).toEqual({ key: 'precision', desc: false });
    expect(ids()).toEqual(['E00004', 'E00003', 'E00002', 'E00001']);
    fireEvent.click(container.querySelector('[data-list-sort-desc]')!);
    expect(ids()).toEqual(['E00001', 'E00002', 'E00003', 'E00004']);
  });
});
