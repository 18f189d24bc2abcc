/**
 * The embed-code dialog's state (issue 9): size, language and chrome of the snippet, the snippet of
 * the current view (snippet.ts over url-sync.ts urlStateOf), and copying it.
 */
import { createMemo, createSignal } from 'solid-js';
import type { BeltConfig } from '../embed/config.ts';
import { clampSize, type EmbedOptions, iframeSnippet, mapUrl, pageAddress } from '../embed/snippet.ts';
import { urlStateOf } from '../embed/url-sync.ts';
import { type Lang, lang, tIn } from '../i18n/index.ts';
import type { BeltState } from './state.ts';

export type CopyOutcome = 'copied' | 'failed' | null;

export function createEmbedCode(s: BeltState, config: BeltConfig, titleIn: (l: Lang) => string) {
  const [width, setWidth] = createSignal(800);
  const [height, setHeight] = createSignal(600);
  const [embedLang, setEmbedLang] = createSignal<Lang>(lang());
  const [compact, setCompact] = createSignal(true);
  const [copy, setCopy] = createSignal<CopyOutcome>(null);
  const options = createMemo<EmbedOptions>(() => ({
    width: width(),
    height: height(),
    lang: embedLang(),
    compact: compact(),
  }));
  const src = createMemo(() =>
    mapUrl(pageAddress(window.location.href), urlStateOf(s), {
      compact: compact(),
      lang: embedLang(),
      defaults: { dbscan: config.analysis },
    }),
  );
  const snippet = createMemo(() => {
    // The title is read by the portal's screen-reader users: in the language of the embedded map.
    const name = tIn(embedLang(), 'embedCode.frameTitle', { title: titleIn(embedLang()) });
    return iframeSnippet(src(), options(), name);
  });
  return {
    width,
    height,
    embedLang,
    compact,
    src,
    snippet,
    copy,
    setWidth: (v: number) => setWidth(clampSize(v, width())),
    setHeight: (v: number) => setHeight(clampSize(v, height())),
    setEmbedLang,
    setCompact,
    /** Reset the outcome of the last copy (on any change). */
    clearCopy: () => setCopy(null),
    /** Copies the snippet; where the clipboard is refused, selects it in `area` for Ctrl+C. */
    async copySnippet(area: HTMLTextAreaElement | undefined): Promise<void> {
      try {
        await navigator.clipboard.writeText(snippet());
        setCopy('copied');
      } catch {
        area?.focus();
        area?.select();
        setCopy('failed');
      }
    },
  };
}

export type EmbedCode = ReturnType<typeof createEmbedCode>;
