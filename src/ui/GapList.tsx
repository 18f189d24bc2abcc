import { createMemo, createSignal, For, Show } from 'solid-js';
import type { GapRow } from '../analysis/gap-list.ts';
import { fmt, lang, type MessageKey, t } from '../i18n/index.ts';
import { type GapSort, type GapSortKey, nextSort, sortGapRows } from './gap-sort.ts';
import { stageShort } from './stage-short.ts';

const COLUMNS: { key: GapSortKey; label: MessageKey; numeric?: boolean }[] = [
  { key: 'zone', label: 'gaps.zone' },
  { key: 'county', label: 'gaps.county' },
  { key: 'stage', label: 'gaps.stage' },
  { key: 'segment', label: 'gaps.segment' },
  { key: 'status', label: 'gaps.status' },
  { key: 'zoneFirms', label: 'gaps.zoneFirms', numeric: true },
  { key: 'cityFirms', label: 'gaps.cityFirms', numeric: true },
  { key: 'nearest', label: 'gaps.candidates' },
];

/**
 * The investment-promotion list (招商清单) as a sortable table: a zone (or county) opens on the map, and
 * so does each candidate; the list exports as CSV and XLSX.
 */
export function GapList(props: {
  rows: readonly GapRow[] | null;
  place(id: string): string;
  county(adcode: string | null): string;
  enterprise(id: string): string;
  onPlace(row: GapRow): void;
  onEnterprise(id: string): void;
  onExport(kind: 'gaps' | 'gaps-xlsx'): void;
}) {
  const [sort, setSort] = createSignal<GapSort>({ key: 'list', dir: 'asc' });
  const sorted = createMemo(() =>
    sortGapRows(
      props.rows ?? [],
      sort(),
      { place: props.place, county: props.county, segment: (g) => t(`segment.${g}` as MessageKey) },
      lang() === 'zh' ? 'zh-CN' : 'en-GB',
    ),
  );
  return (
    <section class="gap-list" aria-labelledby="gaps-title">
      <h3 id="gaps-title">
        {t('gaps.title')} <span class="muted">{t('gaps.count', { n: fmt(props.rows?.length ?? 0) })}</span>
      </h3>
      <p class="hint">{t('gaps.hint')}</p>
      <div class="gap-exports">
        <button type="button" data-export="gaps" onClick={() => props.onExport('gaps')}>
          {t('gaps.exportCsv')}
        </button>
        <button type="button" data-export="gaps-xlsx" onClick={() => props.onExport('gaps-xlsx')}>
          {t('gaps.exportXlsx')}
        </button>
      </div>
      <Show when={props.rows} fallback={<p class="hint">{t('gaps.loading')}</p>}>
        <Show when={sorted().length > 0} fallback={<p class="ok">{t('gaps.empty')}</p>}>
          <div class="gap-table-wrap">
            <table class="matrix gap-table" data-gap-list data-total={sorted().length}>
              <thead>
                <tr>
                  <For each={COLUMNS}>
                    {(c) => (
                      <th
                        scope="col"
                        aria-sort={
                          sort().key === c.key
                            ? sort().dir === 'asc'
                              ? 'ascending'
                              : 'descending'
                            : undefined
                        }
                      >
                        <button
                          type="button"
                          class="link sort"
                          data-gap-sort={c.key}
                          aria-label={t('gaps.sortBy', { col: t(c.label) })}
                          onClick={() => setSort((s) => nextSort(s, c.key))}
                        >
                          {t(c.label)}
                          <span aria-hidden="true" class="sort-mark">
                            {sort().key === c.key ? (sort().dir === 'asc' ? ' ▲' : ' ▼') : ''}
                          </span>
                        </button>
                      </th>
                    )}
                  </For>
                </tr>
              </thead>
              <tbody>
                <For each={sorted()}>
                  {(r) => (
                    <tr
                      data-gap={`${r.zone}/${r.segment}`}
                      data-status={r.status}
                      data-candidates={r.candidates.map((c) => c.id).join(',')}
                      class={`status-${r.status}`}
                    >
                      <th scope="row">
                        <button type="button" class="link" onClick={() => props.onPlace(r)}>
                          {props.place(r.zone)}
                        </button>
                      </th>
                      <td>{props.county(r.county)}</td>
                      <td>{stageShort(r.stage)}</td>
                      <td>{t(`segment.${r.segment}` as MessageKey)}</td>
                      <td class={r.status === 'missing' ? 'gap' : r.status === 'thin' ? 'thin' : ''}>
                        {t(`gaps.status.${r.status}`)}
                      </td>
                      <td>{fmt(r.zoneFirmsOfStage)}</td>
                      <td>{fmt(r.cityFirmsOfSegment)}</td>
                      <td class="candidates">
                        <Show when={r.candidates.length > 0} fallback={t('gaps.none')}>
                          <ol>
                            <For each={r.candidates}>
                              {(c) => (
                                <li>
                                  <button
                                    type="button"
                                    class="link"
                                    data-candidate={c.id}
                                    onClick={() => props.onEnterprise(c.id)}
                                  >
                                    {props.enterprise(c.id)}
                                  </button>{' '}
                                  <span class="muted">{t('gaps.km', { km: fmt(c.km, 1) })}</span>
                                </li>
                              )}
                            </For>
                          </ol>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Show>
    </section>
  );
}
