import { Show } from 'solid-js';
import { fmt, t } from '../i18n/index.ts';

/**
 * A faceted count beside a toggle: people see it grouped (12,345), or "+n" while the value is switched
 * off (what switching it on would add); the hook (`hook`, e.g. data-stage-count) keeps the plain integer.
 */
export function CountBadge(props: { on: boolean; n: number; hook: Record<string, string> }) {
  return (
    <span class="stage-count">
      <span aria-hidden="true">{props.on ? fmt(props.n) : `+${fmt(props.n)}`}</span>
      <span class="visually-hidden" {...props.hook}>
        {props.n}
      </span>
      <Show when={!props.on}>
        <span class="visually-hidden"> {t('legend.wouldAdd')}</span>
      </Show>
    </span>
  );
}
