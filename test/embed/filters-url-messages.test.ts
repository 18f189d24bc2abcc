import { describe, expect, it, vi } from 'vitest';
import type { Filters } from '../../src/data/filters.ts';
import { parseInMessage } from '../../src/embed/messages.ts';
import { parseUrlState, writeUrlState } from '../../src/embed/url.ts';

describe('filters in the URL', () => {
  it('reads segments, counties, zones (with none) and precision', () => {
    const warn = vi.fn();
    const s = parseUrlState(
      '?segments=wire-cable,smelting&counties=361104,361181&zones=srjk,none&precision=street,exact',
      warn,
    );
    expect(s.filters).toEqual({
      segments: ['smelting', 'wire-cable'],
      counties: ['361104', '361181'],
      zones: ['srjk', 'none'],
      precision: ['exact', 'street'],
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('an empty list means none; absent means all', () => {
    expect(parseUrlState('?segments=', vi.fn()).filters).toEqual({ segments: [] });
    expect(parseUrlState('?lang=en', vi.fn()).filters).toBeUndefined();
  });

  it('ignores unknown or malformed values with a warning, never fatally', () => {
    const warn = vi.fn();
    const s = parseUrlState(
      '?segments=smelting,__proto__,<b>x</b>&counties=999999,constructor&precision=exact,EXACT&zones=%3Cscript%3E',
      warn,
    );
    expect(s.filters).toEqual({ segments: ['smelting'], precision: ['exact'] });
    const text = warn.mock.calls.flat().join(' ');
    expect(text).toMatch(/__proto__/);
    expect(text).toMatch(/999999/);
    expect(text).toMatch(/EXACT/);
    expect(text).toMatch(/zones/);
  });

  it('round trip: what is written reads back the same', () => {
    const filters: Filters = {
      segments: ['mining', 'wire-cable'],
      counties: ['361102'],
      zones: ['none', 'sample-zone-361125'],
      precision: [],
    };
    const q = writeUrlState('?foo=1', { stages: ['upstream'], lang: 'zh', filters });
    expect(q).toContain('foo=1');
    expect(q).toContain('segments=mining,wire-cable');
    expect(parseUrlState(q, vi.fn()).filters).toEqual(filters);
    // Filters back to "all" leave the URL.
    const q2 = writeUrlState(q, {
      stages: ['upstream'],
      lang: 'zh',
      filters: { segments: null, counties: null, zones: null, precision: null },
    });
    expect(q2).not.toMatch(/segments|counties|zones|precision/);
  });
});

describe('belt:set-filters', () => {
  it('each key optional; null = all; lists validated', () => {
    expect(
      parseInMessage({ type: 'belt:set-filters', segments: ['casting'], counties: null, zones: ['none'] }),
    ).toEqual({ type: 'belt:set-filters', segments: ['casting'], counties: null, zones: ['none'] });
    expect(parseInMessage({ type: 'belt:set-filters' })).toEqual({ type: 'belt:set-filters' });
    expect(parseInMessage({ type: 'belt:set-filters', precision: undefined })).toEqual({
      type: 'belt:set-filters',
    });
  });

  it('is read hostilely', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Not a list: the message is rejected, nothing changes.
    expect(parseInMessage({ type: 'belt:set-filters', segments: 'casting' })).toBeNull();
    expect(parseInMessage({ type: 'belt:set-filters', counties: { length: 1, 0: '361102' } })).toBeNull();
    expect(parseInMessage({ type: 'belt:set-filters', zones: new Array(100_000).fill('x') })).toBeNull();
    // Unknown values dropped (with a warning), known ones kept.
    expect(
      parseInMessage({ type: 'belt:set-filters', segments: ['__proto__', 'constructor', '<img>', 'park'] }),
    ).toEqual({ type: 'belt:set-filters', segments: ['park'] });
    // Inherited keys are not read.
    const proto = Object.create({ segments: ['mining'] }) as Record<string, unknown>;
    proto.type = 'belt:set-filters';
    expect(parseInMessage(proto)).toEqual({ type: 'belt:set-filters' });
    // A JSON __proto__ key is an own key, and still not a list of segments.
    expect(parseInMessage(JSON.parse('{"type":"belt:set-filters","__proto__":{"segments":["x"]}}'))).toEqual({
      type: 'belt:set-filters',
    });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('review fixes: filters from outside', () => {
  it('a zone id holding a comma (an imported file may give one) survives the URL round trip', () => {
    const f: Filters = { segments: null, counties: null, zones: ['SR,001', 'C', 'none'], precision: null };
    const q = writeUrlState('', { stages: ['upstream'], lang: 'zh', filters: f });
    expect(parseUrlState(q, vi.fn()).filters).toEqual({ zones: ['SR,001', 'C', 'none'] });
  });

  it('belt:set-filters with only unknown values leaves that filter unchanged (as ?segments=Casting does)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseInMessage({ type: 'belt:set-filters', segments: ['Casting'], counties: ['361104'] })).toEqual(
      {
        type: 'belt:set-filters',
        counties: ['361104'],
      },
    );
    expect(warn.mock.calls.flat().join(' ')).toMatch(/no known value/);
    // An empty list still means none.
    expect(parseInMessage({ type: 'belt:set-filters', segments: [] })).toEqual({
      type: 'belt:set-filters',
      segments: [],
    });
    warn.mockRestore();
  });
});
