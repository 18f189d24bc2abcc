/**
 * The one module that touches MapLibre's imperative API. The UI drives it through these methods
 * from Solid effects; it reports clicks, hovers and camera moves through callbacks.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { AnalysisResult } from '../analysis/types.ts';
import { type Enterprise, isApproximate, type Stage, type Zone } from '../data/types.ts';
import type { Basemap } from '../embed/config.ts';
import type { View } from '../embed/url.ts';
import type { Lang } from '../i18n/index.ts';
import {
  buildStyle,
  EMPTY_FC,
  ENTERPRISE_LAYERS,
  type HexStage,
  hexColour,
  LINE_COLOURS,
  labelField,
  stageColour,
  stageFilter,
  ZONE_LAYERS,
} from './style.ts';
import { wrapText } from './wrap-text.ts';

maplibregl.setWorkerUrl(workerUrl);

/** Shangrao's extent (prefecture outline bbox). */
export const SHANGRAO_BOUNDS: [[number, number], [number, number]] = [
  [116.22, 27.8],
  [118.48, 29.7],
];

const SELECT_SOURCE: Record<MapHit['kind'], string> = {
  enterprise: 'enterprises',
  zone: 'zones',
  cluster: 'hulls',
};

/** What a click or hover hits: an enterprise, a cluster outline (`<stage>/<n>`) or a development zone. */
export interface MapHit {
  kind: 'enterprise' | 'zone' | 'cluster';
  id: string;
}

export interface MapCallbacks {
  onSelect(sel: MapHit | null): void;
  onMove(view: View): void;
  onError(msg: string): void;
  /** Text for the hover tooltip (the UI owns the words). */
  hoverText(kind: MapHit['kind'], id: string): string | null;
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

export class MapController {
  readonly map: maplibregl.Map;
  private largeText: boolean;
  private selected: { source: string; id: string } | null = null;
  private readonly popup = new maplibregl.Popup({
    closeButton: false,
    closeOnClick: false,
    className: 'belt-hover',
  });
  private loaded: Promise<void>;
  private attribution: maplibregl.AttributionControl | null = null;
  private hexData: GeoJSON.FeatureCollection = EMPTY_FC;
  private readonly basemapAttribution: string;

  constructor(init: MapInit, cb: MapCallbacks) {
    this.basemapAttribution =
      init.basemap.type === 'tianditu'
        ? '天地图 Tianditu'
        : init.basemap.type === 'offline'
          ? ''
          : init.basemap.attribution;
    this.largeText = init.largeText;
    this.map = new maplibregl.Map({
      container: init.container,
      style: buildStyle({ ...init, stages: init.stages, baseUrl: document.baseURI }),
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
    this.map.on('click', (e) => {
      const hit = this.hitTest(e.point);
      cb.onSelect(hit);
    });
    this.map.on('mousemove', (e) => {
      const hit = this.hitTest(e.point);
      this.map.getCanvas().style.cursor = hit ? 'pointer' : '';
      const text = hit ? cb.hoverText(hit.kind, hit.id) : null;
      if (text) this.popup.setLngLat(e.lngLat).setText(text).addTo(this.map);
      else this.popup.remove();
    });
    this.map.on('mouseout', () => this.popup.remove());
  }

  private hitTest(p: maplibregl.PointLike): MapHit | null {
    if (!this.map.isStyleLoaded()) return null;
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [(p as maplibregl.Point).x - 4, (p as maplibregl.Point).y - 4],
      [(p as maplibregl.Point).x + 4, (p as maplibregl.Point).y + 4],
    ];
    const ent = this.map.queryRenderedFeatures(box, { layers: [...ENTERPRISE_LAYERS] });
    const e = ent[0];
    if (e?.properties?.id != null) return { kind: 'enterprise', id: String(e.properties.id) };
    const hs =
      this.map.getLayoutProperty('hulls-fill', 'visibility') === 'none'
        ? []
        : this.map.queryRenderedFeatures(p, { layers: ['hulls-fill'] });
    const h = hs[0];
    if (h?.properties?.key != null) return { kind: 'cluster', id: String(h.properties.key) };
    const zs = this.map.queryRenderedFeatures(p, { layers: [...ZONE_LAYERS] });
    const z = zs[0];
    if (z?.properties?.id != null) return { kind: 'zone', id: String(z.properties.id) };
    return null;
  }

  /** Resolves once the map has drawn everything it was given so far. */
  async whenIdle(): Promise<void> {
    await this.loaded;
    await new Promise<void>((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  private source(id: string): maplibregl.GeoJSONSource | undefined {
    return this.map.getSource<maplibregl.GeoJSONSource>(id);
  }

  async setBoundaries(
    counties: GeoJSON.FeatureCollection,
    prefecture: GeoJSON.FeatureCollection,
  ): Promise<void> {
    await this.loaded;
    this.source('counties')?.setData(counties);
    this.source('prefecture')?.setData(prefecture);
    const labels: GeoJSON.Feature[] = [];
    for (const f of counties.features) {
      const p = f.properties ?? {};
      if (typeof p.label_lon === 'number' && typeof p.label_lat === 'number') {
        labels.push({
          type: 'Feature',
          properties: { name_zh: p.name_zh, name_en: p.name_en },
          geometry: { type: 'Point', coordinates: [p.label_lon, p.label_lat] },
        });
      }
    }
    this.source('county-labels')?.setData({ type: 'FeatureCollection', features: labels });
  }

  async setEnterprises(records: readonly Enterprise[]): Promise<void> {
    await this.loaded;
    const features: GeoJSON.Feature[] = [];
    for (const r of records) {
      if (r.lon === null || r.lat === null) continue;
      features.push({
        type: 'Feature',
        properties: { id: r.id, stage: r.stage, precision: r.precision, approx: isApproximate(r.precision) },
        geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      });
    }
    this.source('enterprises')?.setData({ type: 'FeatureCollection', features });
  }

  async setZones(zones: readonly Zone[]): Promise<void> {
    await this.loaded;
    const features: GeoJSON.Feature[] = zones.map((z) => ({
      type: 'Feature',
      properties: { id: z.id, name_zh: z.name, name_en: z.nameEn ?? z.name, level: z.level },
      geometry: z.geometry,
    }));
    this.source('zones')?.setData({ type: 'FeatureCollection', features });
  }

  /**
   * Analysis overlays: the hexagon density surface and the cluster hulls. A hidden overlay's source is
   * emptied, so no tile work is spent on what is not shown.
   */
  async setOverlays(
    result: AnalysisResult | null,
    show: { hexGrid: boolean; hulls: boolean; hexStage: HexStage; approxClusters: ReadonlySet<string> },
  ): Promise<void> {
    await this.loaded;
    this.map.setPaintProperty('hexgrid-fill', 'fill-color', hexColour(show.hexStage));
    const hex = show.hexGrid && result ? result.hexGrid : EMPTY_FC;
    if (hex !== this.hexData) this.source('hexgrid')?.setData(hex); // no tile work for an unchanged empty grid
    this.hexData = hex;
    const hulls: GeoJSON.Feature[] = [];
    if (result && show.hulls) {
      for (const st of Object.values(result.stages)) {
        for (const c of st.clusters) {
          if (c.hull)
            hulls.push({
              type: 'Feature',
              properties: {
                key: `${c.stage}/${c.id}`,
                stage: c.stage,
                members: c.memberIds.length,
                approx: show.approxClusters.has(`${c.stage}/${c.id}`),
              },
              geometry: c.hull,
            });
        }
      }
    }
    this.source('hulls')?.setData({ type: 'FeatureCollection', features: hulls });
    this.setVisible(['hexgrid-fill'], show.hexGrid);
    this.setVisible(['hulls-fill', 'hulls-line', 'hulls-line-approx'], show.hulls);
    this.setVisible(['enterprises-approx', 'enterprises-exact', 'enterprises-county-halo'], !show.hexGrid);
  }

  private setVisible(ids: string[], on: boolean): void {
    for (const id of ids) {
      const v = on ? 'visible' : 'none';
      if (this.map.getLayoutProperty(id, 'visibility') !== v) this.map.setLayoutProperty(id, 'visibility', v);
    }
  }

  /** Stage visibility by layer filters: no setData, no re-tiling of the points. */
  async setStages(stages: readonly Stage[]): Promise<void> {
    await this.loaded;
    this.map.setFilter('enterprises-approx', stageFilter(stages, true));
    this.map.setFilter('enterprises-exact', stageFilter(stages, false));
    this.map.setFilter('enterprises-county-halo', [
      'all',
      stageFilter(stages),
      ['==', ['get', 'precision'], 'county'],
    ]);
  }

  async setLang(lang: Lang): Promise<void> {
    await this.loaded;
    for (const id of ['townships-label', 'zones-label', 'county-labels', 'neighbours-label']) {
      this.map.setLayoutProperty(id, 'text-field', labelField(lang));
    }
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

  async setLargeText(on: boolean): Promise<void> {
    if (on === this.largeText) return;
    this.largeText = on;
    await this.loaded;
    const big = on ? 1.4 : 1;
    for (const id of ['enterprises-approx', 'enterprises-exact', 'enterprises-county-halo']) {
      this.map.setPaintProperty(id, 'circle-color', stageColour(on));
    }
    this.map.setPaintProperty('hulls-fill', 'fill-color', stageColour(on));
    this.map.setPaintProperty('hulls-line', 'line-color', stageColour(on));
    this.map.setPaintProperty('hulls-line-approx', 'line-color', stageColour(on));
    const k = on ? 1 : 0;
    this.map.setPaintProperty('counties-line', 'line-color', LINE_COLOURS.county[k]);
    this.map.setPaintProperty('prefecture-line', 'line-color', LINE_COLOURS.prefecture[k]);
    this.map.setPaintProperty('neighbours-label', 'text-color', LINE_COLOURS.neighbourLabel[k]);
    this.map.setLayoutProperty('neighbours-label', 'text-size', 12 * big);
    this.map.setPaintProperty('enterprises-approx', 'circle-stroke-color', stageColour(on));
    for (const id of ['enterprises-approx', 'enterprises-exact']) {
      this.map.setPaintProperty(id, 'circle-radius', [
        'interpolate',
        ['linear'],
        ['zoom'],
        7,
        3 * big,
        12,
        7 * big,
      ]);
    }
    this.map.setLayoutProperty('county-labels', 'text-size', [
      'interpolate',
      ['linear'],
      ['zoom'],
      7,
      12 * big,
      10,
      16 * big,
    ]);
    this.map.setLayoutProperty('townships-label', 'text-size', 11 * big);
    this.map.setLayoutProperty('zones-label', 'text-size', 12 * big);
    this.map.setPaintProperty('background', 'background-color', on ? '#FFFFFF' : '#EEF1F4');
  }

  async setSelected(sel: MapHit | null): Promise<void> {
    await this.loaded;
    if (this.selected) this.map.setFeatureState(this.selected, { selected: false });
    this.selected = sel ? { source: SELECT_SOURCE[sel.kind], id: sel.id } : null;
    if (this.selected) this.map.setFeatureState(this.selected, { selected: true });
  }

  /** Ease to a place, at zoom 11 or closer if already closer, but never past `maxZoom`. */
  flyTo(lon: number, lat: number, maxZoom = 16): void {
    const zoom = Math.min(Math.max(this.map.getZoom(), 11), maxZoom);
    this.map.easeTo({ center: [lon, lat], zoom, duration: 600 });
  }

  jumpTo(v: View): void {
    this.map.jumpTo({ center: [v.lon, v.lat], zoom: v.zoom });
  }

  resize(): void {
    this.map.resize();
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
