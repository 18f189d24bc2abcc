import { describe, expect, it, vi } from 'vitest';
import { parseUrlState, parseView, writeUrlState } from '../../src/embed/url.ts';

describe('URL state', () => {
  it('reads every contract parameter', () => {
    const warn = vi.fn();
    const s = parseUrlState(
      '?stages=downstream,upstream&lang=en&embed=1&view=117.9,28.45,9.5&select=E0001',
      warn,
    );
    expect(s).toEqual({
      stages: ['upstream', 'downstream'],
      lang: 'en',
      embed: true,
      view: { lon: 117.9, lat: 28.45, zoom: 9.5 },
      select: 'E0001',
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('an empty stages list means no stage', () => {
    expect(parseUrlState('?stages=', vi.fn()).stages).toEqual([]);
  });

  it('ignores unknown or malformed values with a warning, keeping the good ones', () => {
    const warn = vi.fn();
    const s = parseUrlState('?stages=upstream,foo&lang=fr&embed=yes&view=1,2&select=', warn);
    expect(s).toEqual({ stages: ['upstream'] });
    expect(warn).toHaveBeenCalledTimes(5);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/foo.*fr.*yes.*1,2/s);
  });

  it('a stages list with nothing known is ignored, not read as "none"', () => {
    const warn = vi.fn();
    expect(parseUrlState('?stages=bogus', warn).stages).toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });

  it('validates views', () => {
    expect(parseView('117,28,8')).toEqual({ lon: 117, lat: 28, zoom: 8 });
    for (const bad of ['', '1,2', 'a,b,c', '200,28,8', '117,95,8', '117,28,40', '117,,8', '117,28,8,1']) {
      expect(parseView(bad), bad).toBeNull();
    }
  });

  it('writes the state back, keeping unrelated parameters, and reads it again identically', () => {
    const q = writeUrlState('?foo=bar&select=old', {
      stages: ['upstream', 'midstream'],
      lang: 'zh',
      view: { lon: 117.123456789, lat: 28.5, zoom: 9.123 },
    });
    expect(q).toBe('?foo=bar&stages=upstream,midstream&lang=zh&view=117.12346,28.50000,9.12');
    const back = parseUrlState(q, vi.fn());
    expect(back.stages).toEqual(['upstream', 'midstream']);
    expect(back.select).toBeUndefined();
    expect(back.view).toEqual({ lon: 117.12346, lat: 28.5, zoom: 9.12 });
  });
});

describe('our additional URL parameters', () => {
  it('dbscan, large, hex and hulls round-trip; defaults are not written', () => {
    const state = {
      stages: ['midstream' as const],
      lang: 'en' as const,
      dbscan: { maxDistanceKm: 2.5, minPoints: 4 },
      largeText: true,
      hex: 'downstream' as const,
      hulls: false,
    };
    const q = writeUrlState('', state, { dbscan: { maxDistanceKm: 1.5, minPoints: 3 } });
    expect(q).toBe('?stages=midstream&lang=en&dbscan=2.5,4&large=1&hex=downstream&hulls=0');
    const back = parseUrlState(q, vi.fn());
    expect(back).toMatchObject({ dbscan: state.dbscan, largeText: true, hex: 'downstream', hulls: false });
    const plain = writeUrlState(
      q,
      { stages: ['midstream'], lang: 'en', dbscan: { maxDistanceKm: 1.5, minPoints: 3 }, hulls: true },
      {
        dbscan: { maxDistanceKm: 1.5, minPoints: 3 },
      },
    );
    expect(plain).toBe('?stages=midstream&lang=en');
  });
  it('rejects out-of-range or malformed values with a warning', () => {
    const warn = vi.fn();
    expect(parseUrlState('?dbscan=0,3&large=yes&hex=all&hulls=no', warn)).toEqual({});
    expect(warn).toHaveBeenCalledTimes(4);
    expect(parseUrlState('?dbscan=1.5', vi.fn())).toEqual({});
  });
});

describe('zone, list and panel', () => {
  it('round-trip; the panel is written only when it differs from the default of the mode', () => {
    const q = writeUrlState('', { stages: ['upstream'], lang: 'zh', zone: 'srjk', list: true, panel: false });
    expect(q).toBe('?stages=upstream&lang=zh&zone=srjk&list=1&panel=0');
    expect(parseUrlState(q, vi.fn())).toMatchObject({ zone: 'srjk', list: true, panel: false });
    expect(writeUrlState('', { stages: [], lang: 'zh', panel: true })).toBe('?stages=&lang=zh');
    expect(writeUrlState('', { stages: [], lang: 'zh', embed: true, panel: true })).toBe(
      '?stages=&lang=zh&embed=1&panel=1',
    );
    // select wins over zone (one details panel)
    expect(writeUrlState('', { stages: [], lang: 'zh', select: 'E1', zone: 'srjk' })).toBe(
      '?stages=&lang=zh&select=E1',
    );
  });
});
