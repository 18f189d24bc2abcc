/**
 * The basemap's sources and layers (pure: no MapLibre runtime), for style.ts: Tianditu (天地图) vector
 * or imagery with its annotation layer in the interface language, an administrator's raster tiles, or
 * a raster PMTiles archive. Attribution is not put into the sources (MapLibre would render it as HTML):
 * the controller shows `basemapAttribution` as text.
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../embed/config.ts';
import type { Lang } from '../i18n/index.ts';

/** Tianditu's public host; `{s}` is one of its subdomains t0…t7. */
export const TIANDITU_HOST = 'https://t{s}.tianditu.gov.cn';
export const TIANDITU_SUBDOMAINS = ['0', '1', '2', '3', '4', '5', '6', '7'] as const;

/** Tianditu layer names: the base map and its annotation (zh / en), web Mercator ("_w"). */
const TIANDITU_LAYERS = {
  vec: { base: 'vec', zh: 'cva', en: 'eva' },
  img: { base: 'img', zh: 'cia', en: 'eia' },
} as const;

/** One Tianditu WMTS tile URL template per subdomain, for a layer (`vec`, `cva`, `img`, …). */
export function tiandituTiles(layer: string, token: string, host = TIANDITU_HOST): string[] {
  return TIANDITU_SUBDOMAINS.map(
    (s) =>
      `${host.replaceAll('{s}', s)}/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
      `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(token)}`,
  );
}

/** The source id of the basemap (tile errors of these sources are the basemap's). */
export const BASEMAP_SOURCES = ['basemap', 'basemap-labels-zh', 'basemap-labels-en'] as const;

export interface BasemapParts {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  /** True when a basemap draws under the boundaries (their fills then become see-through). */
  drawn: boolean;
}

/**
 * Remote raster tiles go through the `belt-http(s)://` protocols (controller.ts), which count what
 * loads and what fails and hand MapLibre an empty tile for a failed one: MapLibre itself reports no
 * error for a 404 and keeps asking for other tiles, so an all-404 basemap would never let it be idle.
 */
export const TILE_PROTOCOLS = ['belt-http', 'belt-https'] as const;
const viaProtocol = (url: string) => (/^https?:\/\//i.test(url) ? `belt-${url}` : url);

const raster = (tiles: string[], maxzoom = 18): SourceSpecification => ({
  type: 'raster',
  tiles: tiles.map(viaProtocol),
  tileSize: 256,
  maxzoom,
});

/** Sources and layers of a basemap; the annotation layer of the other language is hidden, not removed. */
export function basemapParts(b: Basemap, lang: Lang, baseUrl = 'http://localhost/'): BasemapParts {
  if (b.type === 'tianditu') {
    const names = TIANDITU_LAYERS[b.layer ?? 'vec'];
    const host = b.host ?? TIANDITU_HOST;
    return {
      sources: {
        basemap: raster(tiandituTiles(names.base, b.token, host)),
        'basemap-labels-zh': raster(tiandituTiles(names.zh, b.token, host)),
        'basemap-labels-en': raster(tiandituTiles(names.en, b.token, host)),
      },
      layers: [
        { id: 'basemap', type: 'raster', source: 'basemap' },
        ...(['zh', 'en'] as const).map(
          (l): LayerSpecification => ({
            id: `basemap-labels-${l}`,
            type: 'raster',
            source: `basemap-labels-${l}`,
            layout: { visibility: l === lang ? 'visible' : 'none' },
          }),
        ),
      ],
      drawn: true,
    };
  }
  if (b.type === 'raster')
    return {
      sources: { basemap: raster([b.url]) },
      layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
      drawn: true,
    };
  if (b.type === 'pmtiles')
    return {
      sources: {
        basemap: { type: 'raster', url: `pmtiles://${new URL(b.url, baseUrl).href}`, tileSize: 256 },
      },
      layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
      drawn: true,
    };
  return { sources: {}, layers: [], drawn: false };
}

/** The basemap's attribution line (text), '' for the offline map. */
export function basemapAttribution(b: Basemap): string {
  if (b.type === 'tianditu') return b.attribution ?? '天地图 Tianditu · 国家地理信息公共服务平台';
  if (b.type === 'offline') return '';
  return b.attribution;
}
