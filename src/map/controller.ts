/**
 * The one module that touches MapLibre. The map component (ui/MapPane.tsx) drives it: a frame of
 * data and switches (show), the language and large-text mode (restyle), the selection; the rest of
 * the app reaches the map only through the MapView that component hands out. It reports clicks,
 * hovers and camera moves through callbacks.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Stage } from '../data/types.ts';
import type { Basemap } from '../embed/config.ts';
import type { View } from '../embed/url.ts';
import type { Lang } from '../i18n/index.ts';
import {
  countyLabelFeatures,
  enterpriseFeatures,
  hullFeatures,
  type MapFrame,
  zoneFeatures,
} from './frame.ts';
import { buildStyle, ENTERPRISE_LAYERS, LAYER, SOURCE, type StyleOptions, ZONE_LAYERS } from './style.ts';
import { styleDiff } from './style-diff.ts';
import { wrapText } from './wrap-text.ts';

maplibregl.setWorkerUrl(workerUrl);

/** Shangrao's extent (prefecture outline bbox). */
export const SHANGRAO_BOUNDS: [[number, number], [number, number]] = [
  [116.22, 27.8],
  [118.48, 29.7],
];

/** Ids that must never become feature-state keys. */
const PROTO_KEYS = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
]);

const SELECT_SOURCE: Record<MapHit['kind'], string> = {
  enterprise: SOURCE.enterprises,
  zone: SOURCE.zones,
  cluster: SOURCE.hulls,
};

/** What a click or hover hits: an enterprise, a cluster outline (`<stage>/<n>`) or a development zone. */
export interface MapHit {
  kind: 'enterprise' | 'zone' | 'cluster';
  id: string;
  /** A cluster's first member (the outlines drawn may lag the figures: its number may be stale). */
  anchor?: string;
}

export interface MapCallbacks {
  onSelect(sel: MapHit | null): void;
  onMove(view: View): void;
  onError(msg: string): void;
  /** Text for the hover tooltip (the UI owns the words). */
  hoverText(hit: MapHit): string | null;
}

export interface MapInit {
  container: HTMLElement;
  basemap: Basemap;
  lang: Lang;
  stages: readonly Stage[];
  largeText: boolean;
  view: View | null;
  attribution: string;
  dataBase: string;
  label: string;
  /** The map's own control texts in the interface language. */
  uiText: MapUiText;
}

export interface MapUiText {
  zoomIn: string;
  zoomOut: string;
}

/** What the rest of the app may ask of the map (handed out by the map component). */
export interface MapView {
  /** Ease to a place, at zoom 11 or closer if already closer, but never past `maxZoom`. */
  flyTo(lon: number, lat: number, maxZoom?: number): void;
  jumpTo(v: View): void;
  /** PNG of the current map with `footer` lines printed under it. */
  exportPng(footer: readonly string[], font: string): Promise<Blob>;
  /** For tests and QA robots: ids of the enterprises drawn in the viewport. */
  renderedEnterpriseIds(): string[];
  /** For tests and QA robots: screen position (CSS px, relative to the map container) of a point. */
  screenPoint(lon: number, lat: number): { x: number; y: number };
}

/**
 * Registers what a basemap needs before the map is created: the pmtiles:// protocol (loaded on
 * demand, in its own chunk) for a PMTiles archive. Nothing for the other basemaps.
 */
export async function prepareBasemap(b: Basemap): Promise<void> {
  if (b.type !== 'pmtiles') return;
  const { Protocol } = await import('pmtiles');
  // pmtiles 4's type for the loader predates MapLibre 6's AddProtocolAction; the call contract is the same.
  maplibregl.addProtocol('pmtiles', new Protocol().tilev4 as unknown as maplibregl.AddProtocolAction);
}

/** True when this browser can run MapLibre 6 (WebGL2). */
export function hasWebGL2(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!c.getContext('webgl2');
  } catch {
    return false;
  }
}

export class MapController implements MapView {
  private readonly map: maplibregl.Map;
  /** The options of the style as drawn; restyle() applies the difference to a new set. */
  private style: StyleOptions;
  private drawnStyle: maplibregl.StyleSpecification;
  private selected: { source: string; id: string } | null = null;
  private readonly popup = new maplibregl.Popup({
    closeButton: false,
    closeOnClick: false,
    className: 'belt-hover',
  });
  private readonly loaded: Promise<void>;
  private attribution: maplibregl.AttributionControl | null = null;
  /** The data last given to each filled source (set again only when it changes). */
  private readonly data = new Map<string, unknown>();
  /** The applied changes MapLibre has not yet drawn (idle), if any. */
  private settling: Promise<void> | null = null;
  private readonly basemapAttribution: string;

  constructor(init: MapInit, cb: MapCallbacks) {
    this.basemapAttribution =
      init.basemap.type === 'tianditu'
        ? '天地图 Tianditu'
        : init.basemap.type === 'offline'
          ? ''
          : init.basemap.attribution;
    this.style = {
      basemap: init.basemap,
      lang: init.lang,
      stages: init.stages,
      largeText: init.largeText,
      dataBase: init.dataBase,
      baseUrl: document.baseURI,
    };
    this.drawnStyle = buildStyle(this.style);
    this.map = new maplibregl.Map({
      container: init.container,
      style: this.drawnStyle,
      ...(init.view
        ? { center: [init.view.lon, init.view.lat] as [number, number], zoom: init.view.zoom }
        : { bounds: SHANGRAO_BOUNDS, fitBoundsOptions: { padding: 20 } }),
      attributionControl: false,
      maxBounds: [
        [112, 25],
        [123, 32.5],
      ],
      minZoom: 5,
      maxZoom: 16,
      canvasContextAttributes: { preserveDrawingBuffer: false },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    this.setUiText(init.label, init.uiText);
    this.setAttribution(init.attribution);
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.map.on('error', (e) => cb.onError(e.error?.message ?? String(e)));
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      cb.onMove({ lon: c.lng, lat: c.lat, zoom: this.map.getZoom() });
    });
    this.map.on('click', (e) => cb.onSelect(this.hitTest(e.point)));
    this.map.on('mousemove', (e) => {
      const hit = this.hitTest(e.point);
      this.map.getCanvas().style.cursor = hit ? 'pointer' : '';
      const text = hit ? cb.hoverText(hit) : null;
      if (text) this.popup.setLngLat(e.lngLat).setText(text).addTo(this.map);
      else this.popup.remove();
    });
    this.map.on('mouseout', () => this.popup.remove());
  }

  private hitTest(p: maplibregl.Point): MapHit | null {
    if (!this.map.isStyleLoaded()) return null;
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [p.x - 4, p.y - 4],
      [p.x + 4, p.y + 4],
    ];
    const e = this.map.queryRenderedFeatures(box, { layers: [...ENTERPRISE_LAYERS] })[0];
    if (e?.properties?.id != null) return { kind: 'enterprise', id: String(e.properties.id) };
    const h =
      this.style.hulls === false
        ? undefined
        : this.map.queryRenderedFeatures(p, { layers: [LAYER.hullsFill] })[0];
    if (h?.properties?.key != null)
      return { kind: 'cluster', id: String(h.properties.key), anchor: String(h.properties.anchor) };
    const z = this.map.queryRenderedFeatures(p, { layers: [...ZONE_LAYERS] })[0];
    if (z?.properties?.id != null) return { kind: 'zone', id: String(z.properties.id) };
    return null;
  }

  /**
   * Resolves once the map is idle after the changes just applied: they render by themselves (no extra
   * frame is asked for); with nothing changed, at once when the map is idle already.
   */
  private drawn(changed: boolean): Promise<void> {
    if (!changed) return this.settling ?? Promise.resolve();
    const p: Promise<void> = new Promise<void>((resolve) => this.map.once('idle', () => resolve())).then(
      () => {
        if (this.settling === p) this.settling = null;
      },
    );
    this.settling = p;
    return p;
  }

  /** Gives a filled source new data, only when it is not what the source has already. */
  private fill<T>(source: string, value: T, features: (v: T) => GeoJSON.FeatureCollection): boolean {
    if (this.data.get(source) === value) return false;
    this.data.set(source, value);
    this.map.getSource<maplibregl.GeoJSONSource>(source)?.setData(features(value));
    return true;
  }

  /** Applies the options that changed, as MapLibre property changes (no new style, no new data). */
  private restyle(change: Partial<StyleOptions>): boolean {
    this.style = { ...this.style, ...change };
    const next = buildStyle(this.style);
    // The ops name properties as strings (style-diff.ts compares whole layers).
    const m = this.map as unknown as Record<
      'setPaintProperty' | 'setLayoutProperty',
      (l: string, p: string, v: unknown) => void
    >;
    const ops = styleDiff(this.drawnStyle, next);
    for (const op of ops) {
      if (op.kind === 'filter') this.map.setFilter(op.layer, op.value as maplibregl.FilterSpecification);
      else if (op.kind === 'paint') m.setPaintProperty.call(this.map, op.layer, op.prop, op.value);
      else m.setLayoutProperty.call(this.map, op.layer, op.prop, op.value);
    }
    this.drawnStyle = next;
    return ops.length > 0;
  }

  /**
   * Shows a frame: every change in one task, so MapLibre draws it in one frame (a stage toggle is a
   * few layer filters; data are set only where they changed). Resolves once the map is idle with it.
   */
  async show(frame: MapFrame): Promise<void> {
    await this.loaded;
    // New points are a large hand-over to MapLibre's worker: on a task of its own.
    if (this.data.get(SOURCE.enterprises) !== frame.enterprises) await new Promise((r) => setTimeout(r, 0));
    const changed = [
      this.fill(SOURCE.enterprises, frame.enterprises, enterpriseFeatures),
      this.fill(SOURCE.zones, frame.zones, zoneFeatures),
      this.fill(SOURCE.hulls, frame.clusters, hullFeatures),
      this.fill(SOURCE.hexgrid, frame.hex, (h) => h as GeoJSON.FeatureCollection),
      this.restyle({
        stages: frame.stages,
        hulls: frame.hulls,
        hexGrid: frame.hexGrid,
        hexStage: frame.hexStage,
      }),
    ].some(Boolean);
    await this.drawn(changed);
  }

  async setBoundaries(
    counties: GeoJSON.FeatureCollection,
    prefecture: GeoJSON.FeatureCollection,
  ): Promise<void> {
    await this.loaded;
    this.fill(SOURCE.counties, counties, (c) => c);
    this.fill(SOURCE.countyLabels, counties, countyLabelFeatures);
    this.fill(SOURCE.prefecture, prefecture, (p) => p);
  }

  async setLang(lang: Lang): Promise<void> {
    await this.loaded;
    this.restyle({ lang });
  }

  /** Large-text, high-contrast mode: the same style as one loaded with it (one definition, style.ts). */
  async setLargeText(largeText: boolean): Promise<void> {
    await this.loaded;
    this.restyle({ largeText });
  }

  /** The canvas label and the zoom buttons' names, in the interface language. */
  setUiText(label: string, text: MapUiText): void {
    this.map.getCanvas().setAttribute('aria-label', label);
    const c = this.map.getContainer();
    for (const [cls, name] of [
      ['.maplibregl-ctrl-zoom-in', text.zoomIn],
      ['.maplibregl-ctrl-zoom-out', text.zoomOut],
    ] as const) {
      const b = c.querySelector(cls);
      b?.setAttribute('title', name);
      b?.setAttribute('aria-label', name);
    }
  }

  /** The data attribution, in the interface language (the control is replaced, not mutated). */
  setAttribution(text: string): void {
    if (this.attribution) this.map.removeControl(this.attribution);
    this.attribution = new maplibregl.AttributionControl({ compact: false, customAttribution: text });
    this.map.addControl(this.attribution, 'bottom-right');
  }

  async setSelected(sel: MapHit | null): Promise<void> {
    await this.loaded;
    if (this.selected) this.map.setFeatureState(this.selected, { selected: false });
    // MapLibre keeps feature state in plain objects: a prototype key would corrupt them.
    this.selected = sel && !PROTO_KEYS.has(sel.id) ? { source: SELECT_SOURCE[sel.kind], id: sel.id } : null;
    if (this.selected) this.map.setFeatureState(this.selected, { selected: true });
  }

  flyTo(lon: number, lat: number, maxZoom = 16): void {
    const zoom = Math.min(Math.max(this.map.getZoom(), 11), maxZoom);
    this.map.easeTo({ center: [lon, lat], zoom, duration: 600 });
  }

  jumpTo(v: View): void {
    this.map.jumpTo({ center: [v.lon, v.lat], zoom: v.zoom });
  }

  /**
   * PNG of the current map with `footer` lines (attribution, sample notice) printed under it, so an
   * exported picture keeps its sources and never passes synthetic data off as real.
   */
  async exportPng(footer: readonly string[], font: string): Promise<Blob> {
    await this.loaded;
    const gl = this.map.getCanvas();
    const ratio = gl.width / gl.clientWidth || 1;
    const lineH = Math.round(16 * ratio);
    const pad = Math.round(8 * ratio);
    const measure = document.createElement('canvas').getContext('2d');
    if (!measure) throw new Error('no 2D canvas');
    measure.font = `${Math.round(12 * ratio)}px ${font}`;
    // The footer, wrapped to the image's width (the basemap's own attribution included).
    const basemap = this.basemapAttribution ? [this.basemapAttribution] : [];
    const lines = [...footer, ...basemap].flatMap((l) =>
      wrapText(l, gl.width - 2 * pad, (x) => measure.measureText(x).width),
    );
    const out = document.createElement('canvas');
    out.width = gl.width;
    out.height = gl.height + lines.length * lineH + 2 * pad;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    // The WebGL buffer is only valid inside the frame that drew it.
    await new Promise<void>((resolve) => {
      this.map.once('render', () => {
        ctx.drawImage(gl, 0, 0);
        resolve();
      });
      this.map.triggerRepaint();
    });
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, gl.height, out.width, out.height - gl.height);
    ctx.fillStyle = '#1f2933';
    ctx.font = measure.font;
    ctx.textBaseline = 'top';
    for (const [k, line] of lines.entries()) ctx.fillText(line, pad, gl.height + pad + k * lineH);
    return new Promise((resolve, reject) =>
      out.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas export failed'))), 'image/png'),
    );
  }

  /** For tests and QA robots: ids of the enterprises drawn in the viewport. */
  renderedEnterpriseIds(): string[] {
    const fs = this.map.queryRenderedFeatures({ layers: [...ENTERPRISE_LAYERS] });
    return [...new Set(fs.map((f) => String(f.properties?.id)))];
  }

  /** For tests and QA robots: screen position (CSS px, relative to the map container) of a point. */
  screenPoint(lon: number, lat: number): { x: number; y: number } {
    const p = this.map.project([lon, lat]);
    return { x: p.x, y: p.y };
  }

  destroy(): void {
    this.map.remove();
  }
}
