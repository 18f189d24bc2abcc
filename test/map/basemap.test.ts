import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/embed/config.ts';
import { basemapAttribution, basemapParts, tiandituTiles } from '../../src/map/basemap.ts';
import { metresPerPixel, scaleBar } from '../../src/map/picture.ts';
import { buildStyle } from '../../src/map/style.ts';

describe('Tianditu basemap (issue 9)', () => {
  it('builds the WMTS template on t0…t7 with the token', () => {
    const t = tiandituTiles('vec', 'a b&c');
    expect(t).toHaveLength(8);
    expect(t[3]).toBe(
      'https://t3.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=a%20b%26c',
    );
    expect(tiandituTiles('cva', 'k', 'http://t{s}.localhost:9')[0]).toMatch(
      /^http:\/\/t0\.localhost:9\/cva_w\/wmts\?/,
    );
  });

  it('imagery with its annotation, the annotation of the interface language shown', () => {
    const b = { type: 'tianditu' as const, token: 'k', layer: 'img' as const };
    const zh = basemapParts(b, 'zh');
    expect(Object.keys(zh.sources)).toEqual(['basemap', 'basemap-labels-zh', 'basemap-labels-en']);
    const tiles = (id: string) => (zh.sources[id] as { tiles: string[] }).tiles[0];
    expect(tiles('basemap')).toMatch(/^belt-https:\/\/t0\.tianditu\.gov\.cn\/img_w\/.*LAYER=img/);
    expect(tiles('basemap-labels-zh')).toContain('LAYER=cia');
    expect(tiles('basemap-labels-en')).toContain('LAYER=eia');
    const vis = (p: typeof zh) =>
      p.layers.map((l) => [l.id, (l.layout as { visibility?: string })?.visibility]);
    expect(vis(zh)).toEqual([
      ['basemap', undefined],
      ['basemap-labels-zh', 'visible'],
      ['basemap-labels-en', 'none'],
    ]);
    expect(vis(basemapParts(b, 'en'))[2]).toEqual(['basemap-labels-en', 'visible']);
    // Vector by default: vec with cva/eva.
    const vec = basemapParts({ type: 'tianditu', token: 'k' }, 'zh');
    expect((vec.sources['basemap-labels-zh'] as { tiles: string[] }).tiles[0]).toContain('LAYER=cva');
    // The style draws it under the boundaries, whose fills become see-through.
    const style = buildStyle({ basemap: b, lang: 'zh', stages: [], largeText: false, dataBase: 'data/' });
    expect(style.layers.findIndex((l) => l.id === 'basemap')).toBeLessThan(
      style.layers.findIndex((l) => l.id === 'counties-fill'),
    );
  });

  it('reads layer, host and attribution from belt.config.json, refusing bad ones by name', () => {
    const ok = parseConfig({
      basemap: { type: 'tianditu', token: 'k', layer: 'img', host: 'https://tile{s}.intranet.gov.cn:8443/' },
    });
    expect(ok.config.basemap).toEqual({
      type: 'tianditu',
      token: 'k',
      layer: 'img',
      host: 'https://tile{s}.intranet.gov.cn:8443',
    });
    const bad = parseConfig({
      basemap: { type: 'tianditu', token: 'k', layer: 'sat', host: 'javascript:alert(1)//{s}' },
    });
    expect(bad.config.basemap).toEqual({ type: 'tianditu', token: 'k' });
    expect(bad.warnings.join()).toContain('basemap.layer');
    expect(bad.warnings.join()).toContain('basemap.host');
    expect(
      parseConfig({ basemap: { type: 'tianditu', token: 'k', host: 'https://a.cn/path' } }).warnings.join(),
    ).toContain('basemap.host');
  });

  it('attribution: Tianditu by default, the configured text otherwise, none offline', () => {
    expect(basemapAttribution({ type: 'tianditu', token: 'k' })).toContain('天地图');
    expect(basemapAttribution({ type: 'raster', url: 'u', attribution: '<b>x</b>' })).toBe('<b>x</b>');
    expect(basemapAttribution({ type: 'offline' })).toBe('');
  });
});

describe('scale bar of the picture', () => {
  it('metres per pixel at the equator and at Shangrao', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(60, 1)).toBeCloseTo(78_271.5 / 4, 0);
  });
  it('picks the longest 1/2/5 × 10ⁿ distance that fits', () => {
    expect(scaleBar(100, 150)).toEqual({ px: 100, metres: 10_000, label: '10 km' });
    expect(scaleBar(3, 150)).toEqual({ px: 200 / 3, metres: 200, label: '200 m' });
    expect(scaleBar(0.5, 150)).toEqual({ px: 100, metres: 50, label: '50 m' });
  });
});
