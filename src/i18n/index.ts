import { createSignal } from 'solid-js';
import { en, LANGS, type Lang, type MessageKey, zh } from './dict.ts';

export type { Lang, MessageKey };
export { LANGS };

const DICTS: Record<Lang, Record<MessageKey, string>> = { zh, en };

const [lang, setLangSignal] = createSignal<Lang>('zh');

export { lang };

export function setLang(l: Lang): void {
  setLangSignal(l);
  if (typeof document !== 'undefined') document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
}

export function isLang(s: unknown): s is Lang {
  return typeof s === 'string' && (LANGS as readonly string[]).includes(s);
}

/** Translate `key` in the current language, filling `{name}` placeholders. Reactive in Solid. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(DICTS[lang()][key] ?? zh[key], params);
}

/** Translate in a given language (no reactivity). */
export function tIn(l: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return format(DICTS[l][key] ?? zh[key], params);
}

function format(s: string, params?: Record<string, string | number>): string {
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Locale-aware number formatting. */
const formats = new Map<string, Intl.NumberFormat>();

/** A number in the interface language's notation (formatters made once: toLocaleString makes one per call). */
export function fmt(n: number, digits = 0): string {
  const locale = lang() === 'zh' ? 'zh-CN' : 'en-GB';
  const key = `${locale}/${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
    formats.set(key, f);
  }
  return f.format(n);
}
