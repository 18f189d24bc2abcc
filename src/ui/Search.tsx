import { createMemo, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { buildSearchIndexInSlices, type Initials, search } from '../data/search.ts';
import type { Enterprise, Zone } from '../data/types.ts';
import { lang, t } from '../i18n/index.ts';

/**
 * Search enterprises and zones by name (Chinese, English or pinyin initials): an ARIA combobox.
 * The pinyin dictionary is loaded on first use, in its own chunk.
 */
export function Search(props: {
  enterprises: readonly Enterprise[];
  zones: readonly Zone[];
  onPick(hit: { kind: 'enterprise' | 'zone'; id: string }): void;
}) {
  const [query, setQuery] = createSignal('');
  /** The query searched: follows `query` after a short pause in typing. */
  const [settled, setSettled] = createSignal('');
  const [wanted, setWanted] = createSignal(false);
  const [active, setActive] = createSignal(0);
  const [open, setOpen] = createSignal(false);
  const [initials] = createResource(
    wanted,
    async (): Promise<Initials> => (await import('../data/pinyin.ts')).pinyinInitials,
  );
  // The index is built in slices (pinyin for 100,000 names would otherwise freeze the page).
  const [index] = createResource(
    () => {
      const fn = initials();
      return fn ? { fn, enterprises: props.enterprises, zones: props.zones } : false;
    },
    (src) => buildSearchIndexInSlices(src.enterprises, src.zones, src.fn),
  );
  const hits = createMemo(() => {
    const idx = index.latest;
    return idx ? search(idx, settled(), 12) : [];
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const type = (v: string) => {
    setQuery(v);
    clearTimeout(timer);
    timer = setTimeout(() => setSettled(v), 120);
  };
  const pick = (i: number) => {
    const h = hits()[i];
    if (!h) return;
    props.onPick({ kind: h.kind, id: h.id });
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (settled() !== query()) {
      // Keys act on what is typed, not on the results of a moment ago.
      clearTimeout(timer);
      setSettled(query());
    }
    const n = hits().length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      setActive((a) => (a - 1 + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(active());
    } else if (e.key === 'Escape') setOpen(false);
  };
  return (
    <div class="search">
      <input
        type="search"
        data-search
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={open() && hits().length > 0}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={open() && hits().length ? `search-hit-${active()}` : undefined}
        placeholder={t('search.placeholder')}
        value={query()}
        onFocus={() => setWanted(true)}
        onInput={(e) => {
          setWanted(true);
          type(e.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <Show when={open() && query().trim() !== ''}>
        <div id="search-results" class="search-results" role="listbox" aria-label={t('search.results')}>
          <Show when={index.latest} fallback={<div class="muted">{t('state.loading')}</div>}>
            <Show when={hits().length > 0} fallback={<div class="muted">{t('search.none')}</div>}>
              <For each={hits()}>
                {(h, i) => (
                  <div
                    id={`search-hit-${i()}`}
                    role="option"
                    tabIndex={-1}
                    aria-selected={i() === active()}
                    data-search-hit={`${h.kind}:${h.id}`}
                    classList={{ active: i() === active() }}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      pick(i());
                    }}
                  >
                    <span class="hit-kind">
                      {h.kind === 'zone' ? t('search.zone') : t('search.enterprise')}
                    </span>
                    {lang() === 'en' && h.nameEn ? h.nameEn : h.name}
                  </div>
                )}
              </For>
            </Show>
          </Show>
        </div>
      </Show>
    </div>
  );
}
