import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  createUniqueId,
  For,
  onCleanup,
  Show,
} from 'solid-js';
import { buildSearchIndexInSlices, type Initials, search } from '../data/search.ts';
import type { Enterprise, Zone } from '../data/types.ts';
import { fmt, lang, t } from '../i18n/index.ts';

/**
 * Search enterprises and zones by name (Chinese, English or pinyin initials): an ARIA 1.2 combobox with a
 * listbox popup (aria-activedescendant: the focus stays in the input).
 * The listbox is in the DOM only while it has options; "loading" and "no match" are said by a status
 * region beside it (always present, so screen readers hear it), which also says how many results there
 * are once the typed query has settled.
 * The pinyin dictionary is loaded on first use, in its own chunk.
 */
export function Search(props: {
  enterprises: readonly Enterprise[];
  zones: readonly Zone[];
  onPick(hit: { kind: 'enterprise' | 'zone'; id: string }): void;
}) {
  const uid = createUniqueId();
  const listId = `search-results-${uid}`;
  const optionId = (i: number) => `search-hit-${uid}-${i}`;
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
  /** The listbox is shown (and aria-expanded is true) exactly when it is open and has options. */
  const expanded = () => open() && query().trim() !== '' && hits().length > 0;
  /**
   * What the status region says, from the settled query only (so it changes once per pause in typing,
   * not per keystroke): loading, how many results, or none.
   */
  const status = createMemo(() => {
    if (settled().trim() === '') return '';
    if (!index.latest) return t('state.loading');
    const n = hits().length;
    return n > 0 ? t('search.count', { n: fmt(n) }) : t('search.none');
  });
  /** Loading and "no match" are also shown, where the listbox would be. */
  const messageShown = () => open() && query().trim() !== '' && hits().length === 0 && status() !== '';

  let timer: ReturnType<typeof setTimeout> | undefined;
  let blurTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => {
    clearTimeout(timer);
    clearTimeout(blurTimer);
  });
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
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n) {
      e.preventDefault();
      const down = e.key === 'ArrowDown';
      if (!expanded()) {
        // Opening: the first option (ArrowDown) or the last (ArrowUp).
        setActive(down ? 0 : n - 1);
        setOpen(true);
      } else setActive((a) => (down ? a + 1 : a - 1 + n) % n);
    } else if (e.key === 'Enter' && expanded()) {
      e.preventDefault();
      pick(active());
    } else if (e.key === 'Escape' && expanded()) {
      // Closes the list; a second Escape is left to the search input (which clears it).
      e.preventDefault();
      setOpen(false);
    }
  };

  let listbox: HTMLDivElement | undefined;
  createEffect(() => {
    if (!expanded()) return;
    const el = listbox?.children[active()];
    // (scrollIntoView is missing in jsdom.)
    el?.scrollIntoView?.({ block: 'nearest' });
  });

  return (
    <div class="search">
      <input
        type="search"
        data-search
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={expanded()}
        aria-controls={expanded() ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={expanded() ? optionId(active()) : undefined}
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
        onBlur={() => {
          clearTimeout(blurTimer);
          blurTimer = setTimeout(() => setOpen(false), 150);
        }}
      />
      <div role="status" class={messageShown() ? 'search-message' : 'visually-hidden'} data-search-status>
        {status()}
      </div>
      <Show when={expanded()}>
        <div ref={listbox} id={listId} class="search-results" role="listbox" aria-label={t('search.results')}>
          <For each={hits()}>
            {(h, i) => (
              <div
                id={optionId(i())}
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
                <span class="hit-kind">{h.kind === 'zone' ? t('search.zone') : t('search.enterprise')}</span>
                {lang() === 'en' && h.nameEn ? h.nameEn : h.name}
              </div>
            )}
          </For>
        </div>
      </Show>
    </div>
  );
}
