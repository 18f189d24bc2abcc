import { createEffect, createMemo, createSignal, createUniqueId, on, onCleanup, Show } from 'solid-js';
import type { LoadProgress as Progress } from '../data/parse-job.ts';
import { t } from '../i18n/index.ts';

/** A load still running after this long shows its progress. */
export const SHOW_AFTER_MS = 300;
/** A download known to be larger than this shows its progress at once. */
export const SHOW_ABOVE_BYTES = 2 * 1024 * 1024;

/**
 * Progress of loading the data files (loadData's onProgress): bytes while downloading, records while
 * reading them. Only for large files: shown once a load has taken SHOW_AFTER_MS, or at once when the
 * download is known to exceed SHOW_ABOVE_BYTES; hidden when `progress` is null. An unknown total
 * gives an indeterminate bar. Presentational, no inline styles (strict CSP): classes in styles.css.
 */
export function LoadProgress(props: { progress: Progress | null }) {
  const id = createUniqueId();
  const active = createMemo(() => props.progress !== null);
  const [late, setLate] = createSignal(false);
  createEffect(
    on(active, (on) => {
      setLate(false);
      if (!on) return;
      const timer = setTimeout(() => setLate(true), SHOW_AFTER_MS);
      onCleanup(() => clearTimeout(timer));
    }),
  );
  const shown = () => {
    const p = props.progress;
    return p !== null && (late() || (p.phase === 'fetch' && (p.total ?? 0) > SHOW_ABOVE_BYTES));
  };
  return (
    <Show when={shown() && props.progress}>
      {(p) => (
        <div class="load-progress">
          <label for={id}>{t(p().phase === 'fetch' ? 'load.fetch' : 'load.parse')}</label>
          <Show when={p().total !== null} fallback={<progress id={id} />}>
            <progress id={id} max={p().total ?? 1} value={p().done} />
          </Show>
        </div>
      )}
    </Show>
  );
}
