/**
 * What a portal's QA robot sends (issue 9): out-of-range cameras, data URLs that only look relative,
 * prototype keys. Each is refused as a malformed value, never fatal.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, isSafeDataUrl, parseConfig } from '../../src/embed/config.ts';
import { parseInMessage } from '../../src/embed/messages.ts';
import { parseUrlState, validView } from '../../src/embed/url.ts';

describe('belt:set-view is checked as ?view= is', () => {
  const bad: [number, number, number][] = [
    [1e308, 28, 10],
    [117, 1000, 10],
    [117, 28, 1e308],
    [-181, 28, 10],
    [117, -86, 10],
    [117, 28, -1],
    [117, 28, 23],
    [Number.POSITIVE_INFINITY, 28, 10],
  ];
  it.each(bad)('refuses lon %s, lat %s, zoom %s', (lon, lat, zoom) => {
    expect(parseInMessage({ type: 'belt:set-view', lon, lat, zoom })).toBeNull();
    expect(parseUrlState(`?view=${lon},${lat},${zoom}`, () => {}).view).toBeUndefined();
  });
  it('keeps the edges of the range', () => {
    expect(parseInMessage({ type: 'belt:set-view', lon: -180, lat: 85, zoom: 22 })).toEqual({
      type: 'belt:set-view',
      lon: -180,
      lat: 85,
      zoom: 22,
    });
    expect(validView(180, -85, 0)).toEqual({ lon: 180, lat: -85, zoom: 0 });
    expect(validView('117', 28, 10)).toBeNull();
  });
});

describe('data URLs in belt.config.json are resolved before their origin is checked', () => {
  const base = 'https://map.example.gov.cn/portal/belt/index.html';
  it.each([
    ' //host.example/x.geojson',
    '\\\\host.example\\x.geojson',
    '/\\host.example/x.geojson',
    '\thttps://host.example/x.geojson',
    '\n//host.example/x',
    '/\t/host.example/x',
    'https://host.example/x',
    'javascript:alert(1)',
    'data:application/json,{}',
    'HTTPS://map.example.gov.cn/x.geojson',
  ])('refuses %j', (url) => {
    expect(isSafeDataUrl(url, base)).toBe(false);
    const { config, warnings } = parseConfig({ data: { enterprises: url } });
    expect(config.data).toEqual(DEFAULT_CONFIG.data);
    expect(warnings.join()).toContain('data.enterprises');
  });
  it.each([
    'data/e.geojson',
    './z.geojson',
    '../other/e.geojson',
    '/portal/data/e.geojson',
    ' data/e.geojson',
  ])('accepts %j on this site', (url) => {
    expect(isSafeDataUrl(url.trim(), base)).toBe(true);
  });
});

describe('prototype keys', () => {
  it('?select=__proto__ is read as a plain id (checked against the data on load)', () => {
    expect(parseUrlState('?select=__proto__').select).toBe('__proto__');
    expect(Object.getPrototypeOf(parseUrlState('?select=__proto__&zone=constructor'))).toBe(Object.prototype);
  });
  it('a message with prototype keys is refused or reduced to its fields', () => {
    expect(parseInMessage(JSON.parse('{"type":"belt:set-stages","stages":["__proto__"]}'))).toBeNull();
    expect(parseInMessage(JSON.parse('{"__proto__":{"type":"belt:get-state"}}'))).toBeNull();
    const m = parseInMessage(
      JSON.parse('{"type":"belt:set-view","lon":117,"lat":28,"zoom":9,"__proto__":{"x":1}}'),
    );
    expect(m).toEqual({ type: 'belt:set-view', lon: 117, lat: 28, zoom: 9 });
  });
});
