import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, parseInMessage } from '../../src/embed/messages.ts';

describe('postMessage protocol', () => {
  it('accepts the four contract messages', () => {
    expect(parseInMessage({ type: 'belt:set-stages', stages: ['downstream', 'upstream'] })).toEqual({
      type: 'belt:set-stages',
      stages: ['upstream', 'downstream'],
    });
    expect(parseInMessage({ type: 'belt:set-view', lon: 117.9, lat: 28.4, zoom: 10 })).toEqual({
      type: 'belt:set-view',
      lon: 117.9,
      lat: 28.4,
      zoom: 10,
    });
    expect(parseInMessage({ type: 'belt:select', id: 'E1' })).toEqual({ type: 'belt:select', id: 'E1' });
    expect(parseInMessage({ type: 'belt:get-state' })).toEqual({ type: 'belt:get-state' });
  });

  it('rejects malformed or foreign messages', () => {
    for (const m of [
      null,
      'belt:get-state',
      { type: 'belt:set-stages', stages: ['x'] },
      { type: 'belt:set-stages', stages: 'upstream' },
      { type: 'belt:set-view', lon: '1', lat: 2, zoom: 3 },
      { type: 'belt:set-view', lon: Number.NaN, lat: 2, zoom: 3 },
      { type: 'belt:select', id: '' },
      { type: 'other' },
    ]) {
      expect(parseInMessage(m), JSON.stringify(m)).toBeNull();
    }
  });

  it('allows only the same origin and the allowlist', () => {
    const self = 'https://map.example.cn';
    expect(isAllowedOrigin(self, [], self)).toBe(true);
    expect(isAllowedOrigin('https://portal.example.cn', [], self)).toBe(false);
    expect(isAllowedOrigin('https://portal.example.cn', ['https://portal.example.cn'], self)).toBe(true);
    expect(isAllowedOrigin('null', ['https://portal.example.cn'], self)).toBe(false);
  });
});
