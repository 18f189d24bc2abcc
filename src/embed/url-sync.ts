import { createEffect, onCleanup } from 'solid-js';
import { lang } from '../i18n/index.ts';
import type { BeltState } from '../ui/state.ts';
import type { BeltConfig } from './config.ts';
import { type UrlState, writeUrlState } from './url.ts';

/** After a change, the URL is written once things are quiet (replaceState costs the change's frame ~10 ms). */
const URL_DELAY_MS = 150;

/** The URL reflects the state (replaceState), so that a copied link reopens the same view. */
export function bindUrl(s: BeltState, config: BeltConfig): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (q: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (q !== window.location.search)
        window.history.replaceState(null, '', `${window.location.pathname}${q}${window.location.hash}`);
    }, URL_DELAY_MS);
  };
  onCleanup(() => clearTimeout(timer));
  createEffect(() =>
    write(writeUrlState(window.location.search, urlStateOf(s), { dbscan: config.analysis })),
  );
}

/**
 * The state as URL parameters: what the URL reflects, and what the embed-code snippet and the
 * compact embed's "full map" link carry (snippet.ts), so that a new parameter reaches all three.
 */
export function urlStateOf(s: BeltState): UrlState & Required<Pick<UrlState, 'stages' | 'lang'>> {
  const sel = s.ui.selected;
  return {
    stages: [...s.ui.stages],
    lang: lang(),
    embed: s.ui.embed,
    ...(s.ui.view ? { view: { ...s.ui.view } } : {}),
    ...(sel?.kind === 'enterprise' ? { select: sel.id } : {}),
    ...(sel?.kind === 'zone' ? { zone: sel.id } : {}),
    list: s.ui.listOpen,
    panel: s.ui.panelOpen,
    dbscan: { maxDistanceKm: s.ui.params.maxDistanceKm, minPoints: s.ui.params.minPoints },
    largeText: s.ui.largeText,
    ...(s.ui.hexGrid ? { hex: s.ui.hexStage } : {}),
    hulls: s.ui.hulls,
    filters: s.filters(),
  };
}
