import { t } from '../i18n/index.ts';

/**
 * The full app's portal tools (issue 9): the embed-code dialog, the picture's resolution for
 * [data-export="png"], and printing (the print stylesheet lays out an A4 landscape page).
 */
export function PortalTools(props: {
  scale: 1 | 2;
  onScale(v: 1 | 2): void;
  onEmbedCode(): void;
  onPrint(): void;
}) {
  return (
    <>
      <label class="export-scale">
        <span class="visually-hidden">{t('export.scale')}</span>
        <select
          data-export-scale
          title={t('export.scale')}
          onChange={(e) => props.onScale(e.currentTarget.value === '2' ? 2 : 1)}
        >
          <option value="1" selected={props.scale === 1}>
            {t('export.scale1')}
          </option>
          <option value="2" selected={props.scale === 2}>
            {t('export.scale2')}
          </option>
        </select>
      </label>
      <button type="button" data-print onClick={() => props.onPrint()}>
        {t('print.button')}
      </button>
      <button type="button" data-embed-code aria-haspopup="dialog" onClick={() => props.onEmbedCode()}>
        {t('embedCode.open')}
      </button>
    </>
  );
}
