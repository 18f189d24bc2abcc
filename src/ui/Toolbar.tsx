import { type JSX, Show } from 'solid-js';
import { fmt, t } from '../i18n/index.ts';

/**
 * Title bar: language, large-text mode, list and analysis toggles, exports.
 * The toggles are toggle buttons with a fixed label and aria-pressed (a label that changed as well would read
 * "Hide list, pressed"). Without WebGL (`noWebGL`) the list is always shown and there is no map to export as
 * an image, so neither the list toggle nor the PNG export is offered.
 */
export function Toolbar(props: {
  title: string;
  embed: boolean;
  largeText: boolean;
  listOpen: boolean;
  panelOpen: boolean;
  visible: number;
  /** WebGL2 unavailable: no map, the list always shown. */
  noWebGL?: boolean;
  search: JSX.Element;
  onLang(): void;
  onLargeText(on: boolean): void;
  onList(open: boolean): void;
  onPanel(open: boolean): void;
  /** The chain diagram / investment-promotion list panel (issue 8). */
  chainOpen?: boolean;
  onChain?: (open: boolean) => void;
  onExport(kind: 'geojson' | 'csv' | 'png'): void;
  /** More tools after the exports (issue 9: picture resolution, print, embed code). */
  extra?: JSX.Element;
}) {
  return (
    <header class="toolbar">
      <div class="titles">
        <h1>{props.title}</h1>
        <Show when={!props.embed}>
          <p class="subtitle">{t('app.subtitle')}</p>
        </Show>
      </div>
      {props.search}
      {/* Not a live region: App announces one summary per settled change (see status.updated). */}
      <span class="visible-count">{t('count.visible', { n: fmt(props.visible) })}</span>
      <div class="tools">
        <Show when={!props.noWebGL}>
          <button
            type="button"
            aria-pressed={props.listOpen}
            data-list-toggle
            onClick={() => props.onList(!props.listOpen)}
          >
            {t('list.toggle')}
          </button>
        </Show>
        <button
          type="button"
          aria-pressed={props.panelOpen}
          data-panel-toggle
          onClick={() => props.onPanel(!props.panelOpen)}
        >
          {t('panel.toggle')}
        </button>
        <Show when={props.onChain}>
          {(onChain) => (
            <button
              type="button"
              aria-pressed={!!props.chainOpen}
              data-chain-toggle
              onClick={() => onChain()(!props.chainOpen)}
            >
              {t('chainPanel.toggle')}
            </button>
          )}
        </Show>
        <label class="toggle">
          <input
            type="checkbox"
            data-large-text
            checked={props.largeText}
            onChange={(e) => props.onLargeText(e.currentTarget.checked)}
          />
          {t('largeText.label')}
        </label>
        <button
          type="button"
          data-lang-switch
          lang={t('lang.switchLang')}
          title={t('lang.label')}
          onClick={() => props.onLang()}
        >
          {t('lang.switch')}
        </button>
        <fieldset class="exports">
          <legend class="visually-hidden">{t('export.title')}</legend>
          <button type="button" data-export="geojson" onClick={() => props.onExport('geojson')}>
            {t('export.geojson')}
          </button>
          <button type="button" data-export="csv" onClick={() => props.onExport('csv')}>
            {t('export.csv')}
          </button>
          <Show when={!props.noWebGL}>
            <button type="button" data-export="png" onClick={() => props.onExport('png')}>
              {t('export.png')}
            </button>
          </Show>
        </fieldset>
        {props.extra}
      </div>
    </header>
  );
}
