import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/embed/config.ts';

describe('belt.config.json', () => {
  it('accepts a full valid config', () => {
    const { config, warnings } = parseConfig({
      title: '产业带',
      data: { enterprises: 'data/e.geojson', zones: './z.geojson' },
      basemap: { type: 'tianditu', token: 'abc' },
      embed: { allowedOrigins: ['https://portal.example.gov.cn'] },
      stages: ['midstream', 'upstream'],
      lang: 'en',
      analysis: { maxDistanceKm: 2, minPoints: 4 },
    });
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      title: '产业带',
      data: { enterprises: 'data/e.geojson', zones: './z.geojson' },
      basemap: { type: 'tianditu', token: 'abc' },
      embed: { allowedOrigins: ['https://portal.example.gov.cn'] },
      stages: ['upstream', 'midstream'],
      lang: 'en',
      analysis: { maxDistanceKm: 2, minPoints: 4 },
    });
  });

  it('an empty object is the defaults', () => {
    expect(parseConfig({})).toEqual({ config: DEFAULT_CONFIG, warnings: [] });
  });

  it('falls back field by field, naming each bad field', () => {
    const { config, warnings } = parseConfig({
      title: 3,
      data: { enterprises: 'https://other.example.com/e.geojson', zones: '//cdn.example.com/z.geojson' },
      basemap: { type: 'google' },
      embed: { allowedOrigins: ['*', 'https://ok.example.cn', 'https://x.example.cn/path'] },
      stages: ['upstream', 'nope'],
      lang: 'fr',
      analysis: { maxDistanceKm: -1, minPoints: 2.5 },
    });
    expect(config.title).toBeNull();
    expect(config.data).toEqual(DEFAULT_CONFIG.data);
    expect(config.basemap).toEqual({ type: 'offline' });
    expect(config.embed.allowedOrigins).toEqual(['https://ok.example.cn']);
    expect(config.stages).toEqual(DEFAULT_CONFIG.stages);
    expect(config.lang).toBe('zh');
    expect(config.analysis).toEqual(DEFAULT_CONFIG.analysis);
    const text = warnings.join('\n');
    for (const f of [
      'title',
      'data.enterprises',
      'data.zones',
      'basemap',
      'embed.allowedOrigins',
      'stages',
      'lang',
      'analysis.maxDistanceKm',
      'analysis.minPoints',
    ]) {
      expect(text).toContain(f);
    }
  });

  it('a non-object is rejected whole', () => {
    expect(parseConfig([1, 2]).warnings).toHaveLength(1);
    expect(parseConfig(null).config).toEqual(DEFAULT_CONFIG);
  });
});

describe('title per language', () => {
  it('accepts {zh, en} and rejects other keys', async () => {
    const { configTitle } = await import('../../src/embed/config.ts');
    const ok = parseConfig({ title: { zh: '地图', en: 'Map' } });
    expect(ok.warnings).toEqual([]);
    expect(configTitle(ok.config, 'en')).toBe('Map');
    expect(configTitle(ok.config, 'zh')).toBe('地图');
    expect(configTitle(parseConfig({ title: { zh: '地图' } }).config, 'en')).toBeNull();
    expect(parseConfig({ title: { fr: 'Carte' } }).warnings[0]).toMatch(/title/);
  });
});

describe('allowed origins', () => {
  it('are stored as browsers report them, so a trailing slash or a default port still matches', () => {
    const { config, warnings } = parseConfig({
      embed: {
        allowedOrigins: [
          'https://portal.example.cn/',
          'http://gov.example.cn:80',
          'HTTPS://Upper.Example.cn',
        ],
      },
    });
    expect(warnings).toEqual([]);
    expect(config.embed.allowedOrigins).toEqual([
      'https://portal.example.cn',
      'http://gov.example.cn',
      'https://upper.example.cn',
    ]);
  });
  it('reject paths, queries, credentials and other schemes', () => {
    for (const o of [
      'https://a.cn/x',
      'https://a.cn/?q=1',
      'https://u:p@a.cn',
      'ftp://a.cn',
      'javascript:alert(1)',
      'null',
    ]) {
      const r = parseConfig({ embed: { allowedOrigins: [o] } });
      expect(r.config.embed.allowedOrigins, o).toEqual([]);
      expect(r.warnings, o).toHaveLength(1);
    }
  });
});

describe('basemaps', () => {
  it('accepts offline, tianditu, raster templates and PMTiles archives', () => {
    expect(parseConfig({ basemap: 'offline' }).config.basemap).toEqual({ type: 'offline' });
    expect(
      parseConfig({ basemap: { type: 'pmtiles', url: 'tiles/base.pmtiles', attribution: '© x' } }).config
        .basemap,
    ).toEqual({
      type: 'pmtiles',
      url: 'tiles/base.pmtiles',
      attribution: '© x',
    });
    expect(
      parseConfig({ basemap: { type: 'raster', url: 'https://t.example.cn/{z}/{x}/{y}.png' } }).config
        .basemap,
    ).toEqual({
      type: 'raster',
      url: 'https://t.example.cn/{z}/{x}/{y}.png',
      attribution: '',
    });
    const bad = parseConfig({ basemap: { type: 'raster', url: 'https://t.example.cn/tile.png' } });
    expect(bad.config.basemap).toEqual({ type: 'offline' });
    expect(bad.warnings[0]).toMatch(/basemap/);
  });
});
