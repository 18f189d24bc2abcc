import { createEffect, For, on, Show } from 'solid-js';
import { EMBED_SIZE } from '../embed/snippet.ts';
import { LANGS, type Lang, t } from '../i18n/index.ts';
import type { EmbedCode } from './embed-code.ts';

/**
 * The embed-code dialog (嵌入代码, issue 9): size, language and chrome of the iframe snippet of the
 * current view, the snippet itself (`textarea[data-embed-snippet]`), a live preview and a copy button.
 * A modal <dialog>: focus stays inside, Esc closes it, focus returns to the button that opened it.
 */
export function EmbedCodeDialog(props: { code: EmbedCode; open: boolean; onClose(): void }) {
  let dialog!: HTMLDialogElement;
  let area: HTMLTextAreaElement | undefined;
  const c = props.code;
  createEffect(() => {
    if (props.open && !dialog.open) dialog.showModal?.();
    else if (!props.open && dialog.open) dialog.close();
  });
  createEffect(on(c.snippet, () => c.clearCopy(), { defer: true }));
  const langName = (l: Lang) => t(`lang.name.${l}`);
  return (
    <dialog
      ref={dialog}
      class="embed-dialog"
      aria-labelledby="embed-dialog-title"
      data-embed-dialog
      onClose={() => props.onClose()}
    >
      <div class="embed-dialog-head">
        <h2 id="embed-dialog-title">{t('embedCode.title')}</h2>
        <button type="button" data-embed-close onClick={() => props.onClose()}>
          {t('embedCode.close')}
        </button>
      </div>
      <p class="hint">{t('embedCode.hint')}</p>
      <div class="embed-options">
        <label>
          {t('embedCode.width')}
          <input
            type="number"
            data-embed-width
            min={EMBED_SIZE.min}
            max={EMBED_SIZE.max}
            step="10"
            value={c.width()}
            onChange={(e) => {
              c.setWidth(e.currentTarget.valueAsNumber);
              e.currentTarget.value = String(c.width());
            }}
          />
        </label>
        <label>
          {t('embedCode.height')}
          <input
            type="number"
            data-embed-height
            min={EMBED_SIZE.min}
            max={EMBED_SIZE.max}
            step="10"
            value={c.height()}
            onChange={(e) => {
              c.setHeight(e.currentTarget.valueAsNumber);
              e.currentTarget.value = String(c.height());
            }}
          />
        </label>
        <label>
          {t('embedCode.lang')}
          <select
            data-embed-lang
            value={c.embedLang()}
            onChange={(e) => c.setEmbedLang(e.currentTarget.value as Lang)}
          >
            <For each={LANGS}>
              {(l) => (
                <option value={l} selected={c.embedLang() === l}>
                  {langName(l)}
                </option>
              )}
            </For>
          </select>
        </label>
        <fieldset>
          <legend>{t('embedCode.mode')}</legend>
          <label>
            <input
              type="radio"
              name="embed-mode"
              data-embed-mode="compact"
              checked={c.compact()}
              onChange={() => c.setCompact(true)}
            />
            {t('embedCode.compact')}
          </label>
          <label>
            <input
              type="radio"
              name="embed-mode"
              data-embed-mode="full"
              checked={!c.compact()}
              onChange={() => c.setCompact(false)}
            />
            {t('embedCode.full')}
          </label>
        </fieldset>
      </div>
      <label class="embed-snippet">
        {t('embedCode.snippet')}
        <textarea ref={area} data-embed-snippet readOnly rows="4" value={c.snippet()} />
      </label>
      <div class="embed-copy">
        <button type="button" data-embed-copy onClick={() => void c.copySnippet(area)}>
          {t('embedCode.copy')}
        </button>
        <span role="status" data-embed-copied={c.copy() ?? undefined}>
          <Show when={c.copy()}>
            {(k) => t(k() === 'copied' ? 'embedCode.copied' : 'embedCode.copyFailed')}
          </Show>
        </span>
      </div>
      <h3 id="embed-preview-title">{t('embedCode.preview')}</h3>
      {/* Scrolls when the chosen size exceeds the dialog: a focusable region, so the keyboard scrolls it. */}
      <section class="embed-preview" aria-labelledby="embed-preview-title" tabindex="0">
        <Show when={props.open}>
          <iframe
            data-embed-preview
            width={c.width()}
            height={c.height()}
            src={c.src()}
            title={t('embedCode.frameTitle', { title: t('embedCode.preview') })}
          />
        </Show>
      </section>
    </dialog>
  );
}
