import { type JSX, Show } from 'solid-js';
import { fmt, t } from '../i18n/index.ts';

/** Title bar: language, large-text mode, list and analysis toggles, exports. */
export function Toolbar(props: {
  title: string;
  embed: boolean;
  largeText: boolean;
  listOpen: boolean;
  panelOpen: boolean;
  visible: number;
  search: JSX.Element;
  onLang(): void;
  onLargeText(on: boolean): void;
  onList(open: boolean): void;
  onPanel(open: boolean): void;
  onExport(kind: 'geojson' | 'csv' | 'png'): void;
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
      <span class="visible-count" aria-live="polite">
        {t('count.visible', { n: fmt(props.visible) })}
      </span>
      <div class="tools">
        <button
          type="button"
          aria-pressed={props.listOpen}
          data-list-toggle
          onClick={() => props.onList(!props.listOpen)}
        >
          {props.listOpen ? t('list.hide') : t('list.show')}
        </button>
        <button
          type="button"
          aria-pressed={props.panelOpen}
          data-panel-toggle
          onClick={() => props.onPanel(!props.panelOpen)}
        >
          {props.panelOpen ? t('panel.close') : t('panel.open')}
        </button>
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
          <button type="button" data-export="png" onClick={() => props.onExport('png')}>
            {t('export.png')}
          </button>
        </fieldset>
      </div>
    </header>
  );
}
