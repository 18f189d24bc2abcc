/**
 * Links to this map (issue 9): the compact embed's "open the full map" link, and the iframe snippet of
 * the embed-code dialog. Both are the URL state (url.ts writeUrlState, fed by url-sync.ts urlStateOf),
 * so every parameter the URL carries — view, stages, filters, selection — reaches them as well.
 */
import type { Lang } from '../i18n/index.ts';
import { type UrlState, writeUrlState } from './url.ts';

type FullUrlState = UrlState & Required<Pick<UrlState, 'stages' | 'lang'>>;

export interface EmbedOptions {
  width: number;
  height: number;
  lang: Lang;
  /** Compact chrome (embed=1) or the full app. */
  compact: boolean;
}

/** Limits of the snippet's size fields (CSS px): from a phone-sized portal column to a wall screen. */
export const EMBED_SIZE = { min: 320, max: 3840 } as const;

/** The page's address without query or hash (works under any sub-path). */
export function pageAddress(href: string): string {
  const u = new URL(href);
  return `${u.origin}${u.pathname}`;
}

/** The map with this state, in compact or full chrome, in a language. */
export function mapUrl(
  address: string,
  state: FullUrlState,
  opts: { compact: boolean; lang?: Lang; defaults?: Parameters<typeof writeUrlState>[2] },
): string {
  const { embed, panel, list, ...rest } = state;
  // The side panels: in the compact chrome only when this compact view has them open; the full app
  // opens with its analysis panel, and the list as it is now.
  const panels = opts.compact ? (embed ? { panel, list } : {}) : { list };
  const q = writeUrlState(
    '',
    { ...rest, ...panels, lang: opts.lang ?? state.lang, embed: opts.compact },
    opts.defaults,
  );
  return `${address}${q}`;
}

/** A size field's value, clamped to EMBED_SIZE (a non-number gives `fallback`). */
export function clampSize(v: number, fallback: number): number {
  if (!Number.isFinite(v)) return fallback;
  return Math.round(Math.min(EMBED_SIZE.max, Math.max(EMBED_SIZE.min, v)));
}

const attr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The iframe snippet a portal pastes: src, size, a title for screen readers, lazy loading. */
export function iframeSnippet(src: string, opts: EmbedOptions, title: string): string {
  return (
    `<iframe src="${attr(src)}" width="${clampSize(opts.width, 800)}" height="${clampSize(opts.height, 600)}" ` +
    `title="${attr(title)}" lang="${opts.lang === 'en' ? 'en' : 'zh-CN'}" loading="lazy" ` +
    `referrerpolicy="strict-origin-when-cross-origin"></iframe>`
  );
}
