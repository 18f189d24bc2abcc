import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/map/wrap-text.ts';

const w = (s: string) => s.length; // one unit per character

describe('wrapText', () => {
  it('breaks Latin text between words', () => {
    expect(wrapText('Boundaries © OpenStreetMap contributors (ODbL)', 20, w)).toEqual([
      'Boundaries ©',
      'OpenStreetMap',
      'contributors (ODbL)',
    ]);
  });
  it('breaks CJK text anywhere, keeping Latin words whole', () => {
    const lines = wrapText('行政边界 © OpenStreetMap 贡献者（ODbL），经 mapchina R 包', 12, w);
    expect(lines.join('').replace(/\s/g, '')).toBe('行政边界©OpenStreetMap贡献者（ODbL），经mapchinaR包');
    for (const l of lines) expect(l.length <= 12 || !/\s/.test(l)).toBe(true);
    expect(lines).toContain('OpenStreetMap');
  });
  it('short text stays on one line; empty text gives no line', () => {
    expect(wrapText('示例数据', 80, w)).toEqual(['示例数据']);
    expect(wrapText('', 80, w)).toEqual([]);
  });
});
