/** Pinyin initials of a Chinese string (汉字 → "hz"); non-Han characters other than letters/digits are dropped. */
import { customPinyin, pinyin } from 'pinyin-pro';

// Place names whose reading differs from the characters' common reading.
customPinyin({ 铅山: 'yán shān' });

export function pinyinInitials(s: string): string {
  return pinyin(s, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
}
