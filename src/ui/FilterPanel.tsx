import { For } from 'solid-js';
import { type FacetCounts, facetValues } from '../data/facet-counts.ts';
import { FACET_KEY, FACETS, type FacetName, type Filters, facetList } from '../data/filters.ts';
import { t } from '../i18n/index.ts';
import { CountBadge } from './CountBadge.tsx';
import { FACET_TITLE, facetValueLabel } from './facet-labels.ts';
import { facetPatch } from './facet-toggle.ts';

const TITLE = FACET_TITLE;

export interface FilterPanelProps {
  filters: Filters;
  counts: FacetCounts;
  /** The zone facet's values (`none` first), from the dataset. */
  zoneValues: readonly string[];
  zoneName(id: string): string;
  /** Some filter (the stage filter included) hides something. */
  active: boolean;
  onChange(patch: Partial<Filters>): void;
  onClear(): void;
}

/**
 * Issue 8: the faceted filters beside the stage filter. Each value with its count under every *other*
 * filter (a value switched off reads "+n": what switching it on would add); one control clears all.
 */
export function FilterPanel(props: FilterPanelProps) {
  const label = (facet: FacetName, v: string): string => facetValueLabel(facet, v, props.zoneName);
  const values = (facet: FacetName) => facetValues(facet, { zoneValues: [...props.zoneValues] });
  return (
    <section class="filters" aria-labelledby="filters-title" data-filters>
      <div class="legend-head">
        <h3 id="filters-title">{t('filters.title')}</h3>
        <button type="button" data-filters-clear disabled={!props.active} onClick={() => props.onClear()}>
          {t('filters.clear')}
        </button>
      </div>
      <p class="hint" id="filters-hint">
        {t('filters.hint')}
      </p>
      <For each={FACETS}>
        {(facet) => (
          <fieldset class="facet" data-facet-group={facet}>
            <legend>{t(TITLE[facet])}</legend>
            <div class="legend-all">
              <button
                type="button"
                data-facet-all={facet}
                aria-label={t('facet.allOf', { facet: t(TITLE[facet]) })}
                onClick={() => props.onChange({ [FACET_KEY[facet]]: null })}
              >
                {t('facet.all')}
              </button>
              <button
                type="button"
                data-facet-none={facet}
                aria-label={t('facet.noneOf', { facet: t(TITLE[facet]) })}
                onClick={() => props.onChange({ [FACET_KEY[facet]]: [] })}
              >
                {t('facet.none')}
              </button>
            </div>
            <ul class="facet-list" classList={{ long: values(facet).length > 14 }}>
              <For each={values(facet)}>
                {(v, k) => {
                  const list = () => facetList(props.filters, facet);
                  const on = () => list() === null || list()!.includes(v);
                  const n = () => props.counts[facet][k()] ?? 0;
                  return (
                    <li class="facet-row" classList={{ off: !on(), empty: n() === 0 }}>
                      <label>
                        <input
                          type="checkbox"
                          data-facet={`${facet}:${v}`}
                          checked={on()}
                          aria-describedby="filters-hint"
                          onChange={(e) =>
                            props.onChange(
                              facetPatch(props.filters, facet, values(facet), v, e.currentTarget.checked),
                            )
                          }
                        />
                        <span class="facet-name">{label(facet, v)}</span>
                        <CountBadge on={on()} n={n()} hook={{ 'data-facet-count': `${facet}:${v}` }} />
                      </label>
                    </li>
                  );
                }}
              </For>
            </ul>
          </fieldset>
        )}
      </For>
    </section>
  );
}
