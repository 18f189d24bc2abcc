import { type Accessor, createEffect, createSignal, on } from 'solid-js';
import { fmt, t } from '../i18n/index.ts';
import type { BeltState } from './state.ts';

/**
 * The words for the screen-reader status region: one announcement per settled change (not one per
 * figure), none for the first load (the map announces itself).
 */
export function createAnnouncer(s: BeltState): Accessor<string> {
  const [text, setText] = createSignal('');
  let firstReadySeen = false;
  createEffect(
    on(s.mapState, (st, prev) => {
      if (st !== 'ready' || prev !== 'loading' || !firstReadySeen) {
        if (st === 'ready') firstReadySeen = true;
        return;
      }
      setText(''); // cleared first, so that the same words are announced again
      queueMicrotask(() => setText(t('status.updated', { n: fmt(s.visibleIdx().length) })));
    }),
  );
  return text;
}
