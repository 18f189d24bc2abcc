import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { countyName } from '../data/counties.ts';
import type { Enterprise } from '../data/types.ts';
import { fmt, lang, t } from '../i18n/index.ts';
import { isSortKey, type ListOrder, SORT_KEYS } from './list-sort.ts';
import { Swatch } from './Swatch.tsx';

const OVERSCAN = 10;
/** Height used while the scroller has no layout (hidden, or jsdom). */
const FALLBACK_HEIGHT = 400;

/**
 * The list view of the visible enterprises: the alternative to the map (screen readers, no WebGL).
 * Virtualised: only the rows in view are in the DOM; `data-total` says how many the list holds.
 *
 * Keyboard: the list is one tab stop (roving tabindex: only the active row has tabIndex 0); ArrowUp/Down,
 * Home/End and PageUp/PageDown move the active row, scroll it into view and keep the focus on it.
 * Rows are keyed by their (stable) Enterprise objects and each is placed at its own offset, so scrolling
 * never rebuilds a rendered row; the active row stays rendered even when scrolled out of the window, so
 * a focused row is never destroyed by scrolling.
 */
export function EnterpriseList(props: {
  items: readonly Enterprise[];
  selectedId: string | null;
  largeText: boolean;
  onSelect(id: string): void;
  /** Issue 8: the order of the rows (sorted by the caller, list-sort.ts) and its control. */
  order?: ListOrder;
  onOrder?(o: ListOrder): void;
  /** Issue 8: more to show on each row (the value the list is sorted by, when the row lacks it). */
  meta?(e: Enterprise): string | null;
  /** The names are being ranked (a large list, in a worker): no rows yet, and it says so. */
  sorting?: boolean;
}) {
  let scroller!: HTMLDivElement;
  let spacer!: HTMLDivElement;
  const rowHeight = () => (props.largeText ? 56 : 40);
  const [scrollTop, setScrollTop] = createSignal(0);
  const [height, setHeight] = createSignal(FALLBACK_HEIGHT);
  onMount(() => {
    setHeight(scroller.clientHeight || FALLBACK_HEIGHT);
    if (typeof ResizeObserver !== 'undefined') {
      const ro = new ResizeObserver(() => setHeight(scroller.clientHeight || FALLBACK_HEIGHT));
      ro.observe(scroller);
      onCleanup(() => ro.disconnect());
    }
  });
  const viewport = () => scroller?.clientHeight || height();

  // Equal windows compare equal, so scrolling within a row does not re-run anything downstream.
  const range = createMemo(
    () => {
      const h = rowHeight();
      const start = Math.max(0, Math.floor(scrollTop() / h) - OVERSCAN);
      const end = Math.min(props.items.length, Math.ceil((scrollTop() + height()) / h) + OVERSCAN);
      return { start, end };
    },
    undefined,
    { equals: (a, b) => a.start === b.start && a.end === b.end },
  );

  /**
   * The row that holds the list's tab stop: its enterprise, and its index as a hint. When the items change
   * the active row follows its enterprise if still listed (found in the same update, so a focused row is
   * kept, not removed and re-made), else the index is clamped to the new length.
   */
  const [active, setActive] = createSignal<{ item: Enterprise | undefined; index: number }>({
    item: undefined,
    index: 0,
  });
  const activeIndex = createMemo<number>((prev) => {
    const { item, index } = active();
    const items = props.items;
    if (item !== undefined && items[index] === item) return index;
    const k = item === undefined ? -1 : items.indexOf(item);
    return k >= 0 ? k : Math.max(0, Math.min(item === undefined ? index : prev, items.length - 1));
  }, 0);
  const setActiveIndex = (index: number) => {
    if (index >= 0) setActive({ item: props.items[index], index });
  };

  /**
   * The rendered rows, in index order: the window, plus the active row when it lies outside it (so that a
   * focused row is never removed by scrolling). `index` maps each rendered row to its index in the items.
   */
  const view = createMemo(() => {
    const { start, end } = range();
    const rows = props.items.slice(start, end);
    const index = new Map<Enterprise, number>();
    for (let i = 0; i < rows.length; i++) index.set(rows[i]!, start + i);
    const a = activeIndex();
    const extra = props.items[a];
    if (extra && (a < start || a >= end)) {
      if (a < start) rows.unshift(extra);
      else rows.push(extra);
      index.set(extra, a);
    }
    return { rows, index };
  });

  // Geometry through the DOM API (no style attributes under the strict CSP).
  createEffect(() => {
    spacer.style.height = `${props.items.length * rowHeight()}px`;
  });

  const focusRow = (index: number) =>
    scroller.querySelector<HTMLButtonElement>(`[data-row-index="${index}"]`)?.focus({ preventScroll: true });

  /** Scroll so that row `index` is fully in view, and render the window there. */
  const scrollToRow = (index: number) => {
    const h = rowHeight();
    const vh = viewport();
    const top = scroller.scrollTop;
    if (index * h < top) scroller.scrollTop = index * h;
    else if ((index + 1) * h > top + vh) scroller.scrollTop = (index + 1) * h - vh;
    setScrollTop(scroller.scrollTop);
  };

  const onKey = (e: KeyboardEvent, index: number) => {
    const n = props.items.length;
    const page = Math.max(1, Math.floor(viewport() / rowHeight()) - 1);
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = index + 1;
        break;
      case 'ArrowUp':
        next = index - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      case 'PageDown':
        next = index + page;
        break;
      case 'PageUp':
        next = index - page;
        break;
      default:
        return;
    }
    e.preventDefault();
    next = Math.max(0, Math.min(n - 1, next));
    if (next === index) return;
    // Scroll first (renders the window there), then make the row active and focus it once rendered.
    scrollToRow(next);
    setActiveIndex(next);
    if (!scroller.querySelector(`[data-row-index="${next}"]`)) queueMicrotask(() => focusRow(next));
    else focusRow(next);
  };

  return (
    <section class="enterprise-list" aria-labelledby="list-title">
      <h2 id="list-title">
        {t('list.title')} <span class="muted">{t('list.total', { n: fmt(props.items.length) })}</span>
      </h2>
      <Show when={props.order && props.onOrder}>
        <div class="list-sort">
          <label>
            {t('list.sortBy')}{' '}
            <select
              data-list-sort
              value={props.order!.key}
              onChange={(e) => {
                const key = e.currentTarget.value;
                if (isSortKey(key)) props.onOrder!({ key, desc: props.order!.desc });
              }}
            >
              <For each={SORT_KEYS}>{(k) => <option value={k}>{t(`list.sort.${k}`)}</option>}</For>
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              data-list-sort-desc
              checked={props.order!.desc}
              onChange={(e) => props.onOrder!({ key: props.order!.key, desc: e.currentTarget.checked })}
            />{' '}
            {t('list.sortDir')}
          </label>
        </div>
      </Show>
      <Show when={props.sorting}>
        <p class="hint" role="status">
          {t('list.sorting')}
        </p>
      </Show>
      <Show when={!props.sorting && props.items.length === 0}>
        <p class="hint">{t('list.empty')}</p>
      </Show>
      <div
        ref={scroller}
        class="list-scroller"
        data-enterprise-list
        data-total={props.items.length}
        aria-busy={props.sorting ? 'true' : undefined}
        onScroll={() => setScrollTop(scroller.scrollTop)}
      >
        <div ref={spacer} class="list-spacer">
          <ul class="list-window" aria-label={t('list.label')}>
            <For each={view().rows}>
              {(e) => {
                let li!: HTMLLIElement;
                const index = () => view().index.get(e) ?? -1;
                createEffect(() => {
                  li.style.transform = `translateY(${index() * rowHeight()}px)`;
                });
                return (
                  <li
                    ref={li}
                    data-enterprise-id={e.id}
                    aria-setsize={props.items.length}
                    aria-posinset={index() + 1}
                  >
                    <button
                      type="button"
                      class="list-row"
                      classList={{ selected: e.id === props.selectedId }}
                      data-row-index={index()}
                      tabIndex={index() === activeIndex() ? 0 : -1}
                      aria-current={e.id === props.selectedId ? 'true' : undefined}
                      onFocus={() => setActiveIndex(index())}
                      onClick={() => {
                        setActiveIndex(index());
                        props.onSelect(e.id);
                      }}
                      onKeyDown={(ev) => onKey(ev, index())}
                    >
                      <Swatch stage={e.stage} largeText={props.largeText} />
                      <span class="list-name">{lang() === 'en' && e.nameEn ? e.nameEn : e.name}</span>
                      <span class="list-meta">
                        {/* The value the list is sorted by first, so it is never cut off. */}
                        <Show when={props.meta?.(e)}>{(m) => `${m()} · `}</Show>
                        {e.segment ? t(`segment.${e.segment}`) : t(`stage.${e.stage}`)} ·{' '}
                        {countyName(e.county, lang()) || '—'}
                        <Show when={e.lon === null}> · {t('list.unlocated')}</Show>
                      </span>
                    </button>
                  </li>
                );
              }}
            </For>
          </ul>
        </div>
      </div>
    </section>
  );
}
