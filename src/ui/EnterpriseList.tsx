import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { countyName } from '../data/counties.ts';
import type { Enterprise } from '../data/types.ts';
import { lang, t } from '../i18n/index.ts';
import { Swatch } from './Swatch.tsx';

const OVERSCAN = 10;

/**
 * The list view of the visible enterprises: the alternative to the map (screen readers, no WebGL).
 * Virtualised: only the rows in view are in the DOM; `data-total` says how many the list holds.
 */
export function EnterpriseList(props: {
  items: readonly Enterprise[];
  selectedId: string | null;
  largeText: boolean;
  onSelect(id: string): void;
}) {
  let scroller!: HTMLDivElement;
  const rowHeight = () => (props.largeText ? 56 : 40);
  const [scrollTop, setScrollTop] = createSignal(0);
  const [height, setHeight] = createSignal(400);
  onMount(() => {
    setHeight(scroller.clientHeight || 400);
    if (typeof ResizeObserver !== 'undefined') {
      const ro = new ResizeObserver(() => setHeight(scroller.clientHeight || 400));
      ro.observe(scroller);
      onCleanup(() => ro.disconnect());
    }
  });
  const range = createMemo(() => {
    const h = rowHeight();
    const start = Math.max(0, Math.floor(scrollTop() / h) - OVERSCAN);
    const end = Math.min(props.items.length, Math.ceil((scrollTop() + height()) / h) + OVERSCAN);
    return { start, end };
  });
  const rows = createMemo(() => {
    const { start, end } = range();
    return props.items.slice(start, end).map((e, k) => ({ e, index: start + k }));
  });
  let spacer!: HTMLDivElement;
  let win!: HTMLUListElement;
  // Geometry through the DOM API (no style attributes under the strict CSP).
  const applyGeometry = () => {
    spacer.style.height = `${props.items.length * rowHeight()}px`;
    win.style.transform = `translateY(${range().start * rowHeight()}px)`;
  };
  createEffect(() => {
    range();
    props.items.length;
    if (spacer && win) applyGeometry();
  });

  const onKey = (e: KeyboardEvent, index: number) => {
    const next = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : -1;
    if (next < 0 || next >= props.items.length) return;
    e.preventDefault();
    const h = rowHeight();
    if (next * h < scroller.scrollTop) scroller.scrollTop = next * h;
    else if ((next + 1) * h > scroller.scrollTop + scroller.clientHeight)
      scroller.scrollTop = (next + 1) * h - scroller.clientHeight;
    setScrollTop(scroller.scrollTop);
    queueMicrotask(() => scroller.querySelector<HTMLButtonElement>(`[data-row-index="${next}"]`)?.focus());
  };

  return (
    <section class="enterprise-list" aria-labelledby="list-title">
      <h2 id="list-title">
        {t('list.title')} <span class="muted">{t('list.total', { n: props.items.length })}</span>
      </h2>
      <Show when={props.items.length === 0}>
        <p class="hint">{t('list.empty')}</p>
      </Show>
      <div
        ref={scroller}
        class="list-scroller"
        data-enterprise-list
        data-total={props.items.length}
        onScroll={() => setScrollTop(scroller.scrollTop)}
      >
        <div ref={spacer} class="list-spacer">
          <ul ref={win} class="list-window" aria-label={t('list.label')}>
            <For each={rows()}>
              {(r) => (
                <li data-enterprise-id={r.e.id} aria-setsize={props.items.length} aria-posinset={r.index + 1}>
                  <button
                    type="button"
                    class="list-row"
                    classList={{ selected: r.e.id === props.selectedId }}
                    data-row-index={r.index}
                    aria-current={r.e.id === props.selectedId ? 'true' : undefined}
                    onClick={() => props.onSelect(r.e.id)}
                    onKeyDown={(ev) => onKey(ev, r.index)}
                  >
                    <Swatch stage={r.e.stage} largeText={props.largeText} />
                    <span class="list-name">{lang() === 'en' && r.e.nameEn ? r.e.nameEn : r.e.name}</span>
                    <span class="list-meta">
                      {r.e.segment ? t(`segment.${r.e.segment}`) : t(`stage.${r.e.stage}`)} ·{' '}
                      {countyName(r.e.county, lang()) || '—'}
                      <Show when={r.e.lon === null}> · {t('list.unlocated')}</Show>
                    </span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </div>
      </div>
    </section>
  );
}
