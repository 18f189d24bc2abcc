/**
 * The one module that touches MapLibre. The map component (ui/MapPane.tsx) drives it: a frame of
 * data and switches (show), the language and large-text mode (restyle), the selection; the rest of
 * the app reaches the map only through the MapView that component hands out. It reports clicks,
 * hovers and camera moves through callbacks.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { copyColumns } from '../analysis/columns.ts';
import { yieldToPage } from '../data/yield-to-page.ts';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Stage } from '../data/types.ts';
import type { Basemap } from '../embed/config.ts';
import type { View } from '../embed/url.ts';
import type { Lang } from '../i18n/index.ts';
import { BASEMAP_SOURCES, basemapAttribution, basemapParts, TILE_PROTOCOLS } from './basemap.ts';
import { copyClusters, encodeClusters } from './cluster-columns.ts';
import { stageSetIndex } from './cluster-labels.ts';
import {
  clusterCentreFeatures,
  countyLabelFeatures,
  countyNameSites,
  enterpriseFeatures,
  hullFeatures,
  type MapFrame,
  mapClusters,
  zoneFeatures,
} from './frame.ts';
import { composePicture, metresPerPixel, type PictureSpec } from './picture.ts';
import {
  CLUSTERS_MESSAGE,
  type ClustersMessage,
  clustersMarker,
  isMarker,
  POINTS_DROP,
  POINTS_HELLO,
  POINTS_MESSAGE,
  POINTS_PLUGIN,
  type PointsMessage,
  pointsMarker,
} from './points-source.ts';
import pointsWorkerUrl from './points-worker.ts?worker&url';
import { buildStyle, ENTERPRISE_LAYERS, LAYER, SOURCE, type StyleOptions, ZONE_LAYERS } from './style.ts';
import { styleDiff } from './style-diff.ts';

maplibregl.setWorkerUrl(workerUrl);

/**
 * points-worker.ts in MapLibre's worker (imported once for every map, and again by MapLibre whenever
 * it recreates its workers): true once it answers there, false if it does not (the points then go as
 * GeoJSON). MapLibre imports a URL ending in .mjs as a module: the fragment says so, not the server.
 */
let pointsPlugin: Promise<boolean> | null = null;
/** Numbers the points sent to MapLibre's worker, unique on the page (every map shares the worker). */
let pointsSent = 0;
/** Resolves once the workers have the script (MapLibre runs it once per worker). */
const importPointsPluginScript = () => maplibregl.importScriptInWorkers(`${pointsWorkerUrl}#.mjs`);
function importPointsPlugin(): Promise<boolean> {
  pointsPlugin ??= importPointsPluginScript()
    .then(() => maplibregl.getGlobalDispatcher().broadcast(POINTS_HELLO, null))
    .then(
      (answers) => answers.length > 0 && answers.every((a) => a === POINTS_PLUGIN),
      () => false,
    );
  return pointsPlugin;
}

/** Shangrao's extent (prefecture outline bbox). */
export const SHANGRAO_BOUNDS: [[number, number], [number, number]] = [
  [116.22, 27.8],
  [118.48, 29.7],
];

/** Text for an HTML context (MapLibre's attribution control sets innerHTML). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const EMPTY_POINTS: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

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
  /** The basemap could not be loaded (the data map is drawn all the same). */
  onBasemapFailed?(): void;
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
  /** PNG of the current map with its title, legend, scale bar and footer lines (picture.ts). */
  exportPng(spec: PictureSpec, scale?: 1 | 2): Promise<Blob>;
  /** The map as drawn now, as a PNG data URL (the print view shows it: a WebGL canvas prints blank). */
  snapshot(): Promise<string>;
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
  if (b.type === 'tianditu' || b.type === 'raster') {
    for (const p of TILE_PROTOCOLS) maplibregl.addProtocol(p, loadCountedTile);
    return;
  }
  if (b.type !== 'pmtiles') return;
  const { Protocol } = await import('pmtiles');
  // pmtiles 4's type for the loader predates MapLibre 6's AddProtocolAction; the call contract is the same.
  maplibregl.addProtocol('pmtiles', new Protocol().tilev4 as unknown as maplibregl.AddProtocolAction);
}

/** Remote basemap tiles loaded and failed on this page (belt-http(s):// protocols, basemap.ts). */
const tileStats = { loaded: 0, failed: 0 };
/** A 1×1 transparent PNG: what a tile that failed draws. */
const EMPTY_TILE = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
).buffer;

async function loadCountedTile(
  params: maplibregl.RequestParameters,
  abort: AbortController,
): Promise<{ data: ArrayBuffer }> {
  const url = params.url.replace(/^belt-/, '');
  try {
    const res = await fetch(url, { signal: abort.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const data = await res.arrayBuffer();
    tileStats.loaded++;
    return { data };
  } catch (e) {
    if (abort.signal.aborted) throw e;
    tileStats.failed++;
    console.warn(`[belt] basemap tile ${url.replace(/tk=[^&]*/, 'tk=…')}: ${(e as Error).message}`);
    return { data: EMPTY_TILE.slice(0) };
  }
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
  /** The first frame is drawn with every source of the style loaded ('load'). */
  private readonly loaded: Promise<void>;
  /**
   * The style is in, so sources take data and layers take changes. What the page gives waits for this,
   * not for `loaded`: given while the basemap loads, it loads with it, in the same frames.
   */
  private readonly styled: Promise<void>;
  /** Sources that hold no feature now (each starts empty: style.ts), so an empty collection is no change. */
  private readonly empty = new Set<string>(Object.values(SOURCE));
  private attribution: maplibregl.AttributionControl | null = null;
  /** The data last given to each filled source (set again only when it changes). */
  private readonly data = new Map<string, unknown>();
  /** The applied changes MapLibre has not yet drawn (idle), if any. */
  private settling: Promise<void> | null = null;
  /** What the cluster centres' data (with their size labels' masks) were last built from. */
  private sizes: {
    clusters: MapFrame['clusters'];
    counties: GeoJSON.FeatureCollection | null;
    lang: Lang | null;
    largeText: boolean;
    features: GeoJSON.FeatureCollection | null;
  } = { clusters: null, counties: null, lang: null, largeText: false, features: null };
  /** The clusters' outlines' data and the clusters they were built from. */
  private hulls: { clusters: MapFrame['clusters']; features: GeoJSON.FeatureCollection } | null = null;
  /** Counts show() calls: a frame whose preparation a newer frame overtook is not applied. */
  private shows = 0;
  /**
   * The clusters of the frame applied last: what a change of the labels alone (language, text size,
   * county names) rebuilds, read once it is applied (a frame may apply new clusters meanwhile).
   */
  private shownClusters: MapFrame['clusters'] = null;
  /** The clusters and the set of visible chain stages their feature state shows. */
  private clusterState: { clusters: MapFrame['clusters'] | undefined; set: number } = {
    clusters: undefined,
    set: -1,
  };
  private readonly basemapAttribution: string;
  /** Whether the points go to MapLibre's worker as columns (points-worker.ts), once known. */
  private readonly columnsPath = importPointsPlugin();
  /** The points MapLibre's worker last received as columns (sent again if it recreates its workers). */
  private sentPoints: PointsMessage | null = null;
  /** The same for the clusters. */
  private sentClusters: ClustersMessage | null = null;
  /**
   * The clusters the outlines' marker names: sentClusters, or an earlier message when only the labels
   * changed since (a language, the text size, the county names), which MapLibre's worker must keep.
   */
  private hullClusters: ClustersMessage | null = null;
  /** The marker each source holds now (given again to new workers: they may load it before the plugin). */
  private readonly markers = new Map<string, GeoJSON.FeatureCollection>();

  constructor(init: MapInit, cb: MapCallbacks) {
    this.basemapAttribution = basemapAttribution(init.basemap);
    maplibregl.getGlobalDispatcher().on('workerscreate', this.resendPoints);
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
      // Labels appear with their frame, not after a 300 ms fade (which keeps the map busy): one change, one frame.
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: false },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    this.setUiText(init.label, init.uiText);
    this.setAttribution(init.attribution);
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.styled = new Promise((resolve) => this.map.once('style.load', () => resolve()));
    this.watchBasemap(cb);
    this.map.on('error', (e) => {
      // A basemap that fails (tiles 404, a missing archive) is a warning: the data map goes on.
      if ((BASEMAP_SOURCES as readonly string[]).includes((e as { sourceId?: string }).sourceId ?? ''))
        return;
      cb.onError(e.error?.message ?? String(e));
    });
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
    // MapLibre rebuilds the style after it restarts its workers (or loses the WebGL context), dropping
    // the feature state: the clusters' (switched-off stages, label sets) and the selection are set again
    // once the rebuilt style is in.
    this.map.on('webglcontextrestored', () =>
      this.map.once('style.load', () => {
        const { clusters } = this.clusterState;
        this.clusterState = { clusters: undefined, set: -1 };
        if (clusters !== undefined) this.showClusters(clusters, this.style.stages);
        const sel = this.selected;
        if (sel) this.map.setFeatureState(sel, { selected: true });
        if (sel?.source === SOURCE.hulls)
          this.map.setFeatureState({ ...sel, source: SOURCE.clusterCentres }, { selected: true });
      }),
    );
  }

  /**
   * Reports the basemap failed once the map is idle with basemap errors and not one basemap tile
   * drawn (a few missing tiles at the edge of a coverage are no failure).
   */
  private watchBasemap(cb: MapCallbacks): void {
    if (!basemapParts(this.style.basemap, this.style.lang).drawn) return;
    let failed = 0;
    let loaded = 0;
    let reported = false;
    const ours = (id: unknown) => (BASEMAP_SOURCES as readonly unknown[]).includes(id);
    this.map.on('error', (e) => {
      if (!ours((e as { sourceId?: string }).sourceId)) return;
      failed++;
      console.warn('[belt] basemap:', e.error?.message ?? String(e));
    });
    // PMTiles tiles (the remote ones are counted by their protocol: a failed one still "loads").
    if (this.style.basemap.type === 'pmtiles')
      this.map.on('sourcedata', (e) => {
        if (ours(e.sourceId) && e.tile) loaded++;
      });
    this.map.on('idle', () => {
      if (reported || failed + tileStats.failed === 0 || loaded + tileStats.loaded > 0) return;
      reported = true;
      cb.onBasemapFailed?.();
    });
  }

  private hitTest(p: maplibregl.Point): MapHit | null {
    if (!this.map.isStyleLoaded()) return null;
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [p.x - 4, p.y - 4],
      [p.x + 4, p.y + 4],
    ];
    // Overview zooms: a cluster's symbol covers its points, so it is what a click there means (issue 8).
    const sym = this.clusterAt(p, LAYER.clusterSymbols);
    if (sym) return sym;
    const e = this.map.queryRenderedFeatures(box, { layers: [...ENTERPRISE_LAYERS] })[0];
    if (e?.properties?.id != null) return { kind: 'enterprise', id: String(e.properties.id) };
    const h = this.clusterAt(p, LAYER.hullsFill);
    if (h) return h;
    const z = this.map.queryRenderedFeatures(p, { layers: [...ZONE_LAYERS] })[0];
    if (z?.properties?.id != null) return { kind: 'zone', id: String(z.properties.id) };
    return null;
  }

  /** The cluster drawn by `layer` (outline or symbol) at `p`, if the clusters are shown. */
  private clusterAt(p: maplibregl.Point, layer: string): MapHit | null {
    if (this.style.hulls === false) return null;
    // A switched-off stage's clusters are still laid out (transparent): they are not hit.
    const on = new Set<string>(this.style.stages);
    const f = this.map
      .queryRenderedFeatures(p, { layers: [layer] })
      .find((x) => on.has(String(x.properties?.stage)));
    if (f?.properties?.key == null) return null;
    return { kind: 'cluster', id: String(f.properties.key), anchor: String(f.properties.anchor) };
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
    return this.setSourceData(source, features(value));
  }

  /** Sets a source's data, unless both it and the source are empty (a load and a frame for nothing). */
  private setSourceData(source: string, data: GeoJSON.FeatureCollection): boolean {
    const none = data.features.length === 0 && !isMarker(data);
    if (none && this.empty.has(source)) return false;
    if (none) this.empty.add(source);
    else this.empty.delete(source);
    if (isMarker(data)) this.markers.set(source, data);
    else this.markers.delete(source);
    this.map.getSource<maplibregl.GeoJSONSource>(source)?.setData(data);
    return true;
  }

  /**
   * Gives the points source new points, only when they are not what it has. As columns when MapLibre's
   * worker takes them (`columns`) and the page has them: their zones come with the dataset's
   * analysis, and until then the source is empty (never the last dataset's points). Else as GeoJSON.
   */
  private fillPoints(points: MapFrame['points'], columns: boolean): boolean {
    if (this.data.get(SOURCE.enterprises) === points) return false;
    this.data.set(SOURCE.enterprises, points);
    if (!columns || !points.columns)
      return this.setSourceData(SOURCE.enterprises, enterpriseFeatures(points));
    if (!points.zoneColumn) return this.setSourceData(SOURCE.enterprises, EMPTY_POINTS);
    const { values, codes } = points.zoneColumn;
    const drop = this.sentPoints?.n;
    this.sentPoints = {
      kind: 'points',
      n: ++pointsSent,
      columns: { ...points.columns, zones: values, zone: codes },
      ...(drop === undefined ? {} : { drop }),
    };
    this.sendPoints();
    return this.setSourceData(SOURCE.enterprises, pointsMarker(this.sentPoints.n));
  }

  /** New workers (MapLibre recreates them, e.g. after iOS stopped them): they get the data again. */
  private readonly resendPoints = (): void => {
    void importPointsPluginScript().then(() => {
      this.sendPoints();
      this.sendClusters();
      if (this.hullClusters !== this.sentClusters) this.sendClusters(this.hullClusters);
      // MapLibre gives the new workers the sources' data as it restores the style, maybe before they ran
      // the plugin (which then never saw the markers): they are given again, the plugin in place.
      for (const [source, marker] of this.markers)
        this.map.getSource<maplibregl.GeoJSONSource>(source)?.setData(marker);
    });
  };

  /**
   * Sends the points to MapLibre's workers, a copy to each (the message transfers the buffers it
   * carries, and MapLibre serialises it once per worker: two workers cannot take the same buffers).
   */
  private sendPoints(): void {
    const msg = this.sentPoints;
    if (!msg) return;
    const base = msg.columns;
    void maplibregl.getGlobalDispatcher().broadcast(POINTS_MESSAGE, {
      ...msg,
      // Read once per worker the message goes to (MapLibre may run several): each gets its own copy.
      get columns() {
        const { transfer: _, ...c } = copyColumns(base);
        return c;
      },
    });
  }

  /** Sends the clusters to MapLibre's worker, a copy (the message transfers the buffers it carries). */
  private sendClusters(msg = this.sentClusters): void {
    if (!msg) return;
    const base = msg.columns;
    void maplibregl.getGlobalDispatcher().broadcast(CLUSTERS_MESSAGE, {
      ...msg,
      // As for the points: a copy for each worker.
      get columns() {
        return copyClusters(base);
      },
    });
  }

  /**
   * Gives the cluster sources their data when what it is built from changed: the clusters (outlines
   * and centres), and for the centres' size labels the county names (in the map's language) and the
   * text size (cluster-labels.ts places them around those names). As columns to MapLibre's worker,
   * which builds both (`columns`); else as GeoJSON built on the page (prepareClusters builds it ahead).
   */
  private fillClusters(
    clusters: MapFrame['clusters'],
    columns: boolean,
    counties: GeoJSON.FeatureCollection | null = this.sizes.counties,
    lang: Lang = this.style.lang,
    largeText: boolean = this.style.largeText,
  ): boolean {
    if (!columns) {
      const hulls = this.fill(SOURCE.hulls, this.hullsFor(clusters), (h) => h);
      const centres = this.fill(
        SOURCE.clusterCentres,
        this.centresFor(clusters, counties, lang, largeText),
        (c) => c,
      );
      return hulls || centres;
    }
    const was = this.sizes;
    if (
      was.clusters === clusters &&
      was.counties === counties &&
      was.lang === lang &&
      was.largeText === largeText
    )
      return false;
    this.sizes = { clusters, counties, lang, largeText, features: null };
    const all = mapClusters(clusters);
    if (all.length === 0) {
      for (const sent of new Set([this.sentClusters, this.hullClusters]))
        if (sent) void maplibregl.getGlobalDispatcher().broadcast(POINTS_DROP, sent.n);
      this.sentClusters = null;
      this.hullClusters = null;
      const hulls = this.setSourceData(SOURCE.hulls, EMPTY_POINTS);
      const centres = this.setSourceData(SOURCE.clusterCentres, EMPTY_POINTS);
      return hulls || centres;
    }
    const last = this.sentClusters;
    // The outlines only when the clusters changed (a language or text size changes the labels alone).
    const hulls = was.clusters !== clusters || this.empty.has(SOURCE.hulls);
    // The last clusters stay in the worker while the outlines name them.
    const drop = last && (hulls || last !== this.hullClusters) ? last.n : undefined;
    this.sentClusters = {
      kind: 'clusters',
      n: ++pointsSent,
      columns: encodeClusters(all),
      names: counties ? countyNameSites(counties, lang) : [],
      largeText,
      ...(drop === undefined ? {} : { drop }),
    };
    const n = this.sentClusters.n;
    this.sendClusters();
    if (hulls) {
      const before = this.hullClusters;
      this.hullClusters = this.sentClusters;
      this.setSourceData(SOURCE.hulls, clustersMarker(n, 'hulls'));
      if (before && before !== last) void maplibregl.getGlobalDispatcher().broadcast(POINTS_DROP, before.n);
    }
    this.setSourceData(SOURCE.clusterCentres, clustersMarker(n, 'centres'));
    return true;
  }

  /** The clusters' outlines as data, built once per set of clusters. */
  private hullsFor(clusters: MapFrame['clusters']): GeoJSON.FeatureCollection {
    if (this.hulls?.clusters !== clusters)
      this.hulls = { clusters, features: hullFeatures(mapClusters(clusters)) };
    return this.hulls.features;
  }

  /**
   * The cluster centres as data, built again only when the clusters, the county names (in the map's
   * language) or the text size changed: which size labels show is placed around those names
   * (cluster-labels.ts).
   */
  private centresFor(
    clusters: MapFrame['clusters'],
    counties: GeoJSON.FeatureCollection | null = this.sizes.counties,
    lang: Lang = this.style.lang,
    largeText: boolean = this.style.largeText,
  ): GeoJSON.FeatureCollection {
    const was = this.sizes;
    if (
      was.features &&
      was.clusters === clusters &&
      was.counties === counties &&
      was.lang === lang &&
      was.largeText === largeText
    )
      return was.features;
    const names = counties ? countyNameSites(counties, lang) : [];
    const features = clusterCentreFeatures(mapClusters(clusters), names, largeText);
    this.sizes = { clusters, counties, lang, largeText, features };
    return features;
  }

  /**
   * Builds what the cluster sources will be given, when that is new, on a task of its own between
   * yields: the task that brought the clusters has rendered the panel already, and the one that applies
   * the frame only hands the data over.
   */
  private async prepareClusters(
    clusters: MapFrame['clusters'],
    counties: GeoJSON.FeatureCollection | null = this.sizes.counties,
    lang: Lang = this.style.lang,
    largeText: boolean = this.style.largeText,
  ): Promise<void> {
    const s = this.sizes;
    const fresh =
      this.hulls?.clusters === clusters &&
      s.features !== null &&
      s.clusters === clusters &&
      s.counties === counties &&
      s.lang === lang &&
      s.largeText === largeText;
    if (fresh) return;
    await yieldToPage();
    this.hullsFor(clusters);
    this.centresFor(clusters, counties, lang, largeText);
    await yieldToPage();
  }

  /**
   * Shows the visible stages' clusters and hides the others by feature state (`off`, and the label set
   * `set`: style.ts clusterLabelOpacity), on their discs and outlines alike: no layout, no tile.
   */
  private showClusters(clusters: MapFrame['clusters'], stages: readonly Stage[]): boolean {
    const set = stageSetIndex(stages);
    if (this.clusterState.clusters === clusters && this.clusterState.set === set) return false;
    this.clusterState = { clusters, set };
    const on = new Set<string>(stages);
    for (const st of Object.values(clusters ?? {})) {
      for (const c of st.clusters) {
        const state = { off: !on.has(c.stage), set: 2 ** set };
        const id = `${c.stage}/${c.id}`;
        this.map.setFeatureState({ source: SOURCE.clusterCentres, id }, state);
        this.map.setFeatureState({ source: SOURCE.hulls, id }, state);
      }
    }
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
    const mine = ++this.shows;
    await this.styled;
    const columns = await this.columnsPath;
    if (!columns) await this.prepareClusters(frame.clusters);
    // A newer frame came meanwhile: it is the one to apply (the page waits for that one).
    if (mine !== this.shows) return;
    this.shownClusters = frame.clusters;
    const changed = [
      this.fillPoints(frame.points, columns),
      this.fill(SOURCE.zones, frame.zones, zoneFeatures),

      this.fill(SOURCE.hexgrid, frame.hex, (h) => h as GeoJSON.FeatureCollection),
      this.showClusters(frame.clusters, frame.stages),
      this.restyle({
        stages: frame.stages,
        filters: frame.filters,
        hulls: frame.hulls,
        hexGrid: frame.hexGrid,
        hexStage: frame.hexStage,
      }),
      this.fillClusters(frame.clusters, columns),
    ].some(Boolean);
    await this.drawn(changed);
  }

  async setBoundaries(
    counties: GeoJSON.FeatureCollection,
    prefecture: GeoJSON.FeatureCollection,
  ): Promise<void> {
    await this.styled;
    const columns = await this.columnsPath;
    if (!columns) await this.prepareClusters(this.shownClusters, counties);
    this.fill(SOURCE.counties, counties, (c) => c);
    this.fill(SOURCE.countyLabels, counties, countyLabelFeatures);
    this.fillClusters(this.shownClusters, columns, counties);
    this.fill(SOURCE.prefecture, prefecture, (p) => p);
  }

  async setLang(lang: Lang): Promise<void> {
    await this.styled;
    const columns = await this.columnsPath;
    if (!columns) await this.prepareClusters(this.shownClusters, this.sizes.counties, lang);
    this.restyle({ lang });
    this.fillClusters(this.shownClusters, columns);
  }

  /** Large-text, high-contrast mode: the same style as one loaded with it (one definition, style.ts). */
  async setLargeText(largeText: boolean): Promise<void> {
    await this.styled;
    const columns = await this.columnsPath;
    if (!columns)
      await this.prepareClusters(this.shownClusters, this.sizes.counties, this.style.lang, largeText);
    this.restyle({ largeText });
    this.fillClusters(this.shownClusters, columns);
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
    // MapLibre renders attributions as HTML: ours and the configured ones are given as escaped text.
    const lines = [text, this.basemapAttribution].filter(Boolean).map(escapeHtml);
    // Compact (behind its ⓘ button) where the map is narrow (MapLibre: under 640 px), as in a small portal
    // frame, and closed there: the sources stay one press away instead of covering a third of the map.
    this.attribution = new maplibregl.AttributionControl({ customAttribution: lines });
    this.map.addControl(this.attribution, 'bottom-right');
    const el = this.map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact');
    el?.classList.remove('maplibregl-compact-show');
    el?.removeAttribute('open');
  }

  async setSelected(sel: MapHit | null): Promise<void> {
    await this.styled;
    if (this.selected) this.map.setFeatureState(this.selected, { selected: false });
    if (this.selected?.source === SOURCE.hulls)
      this.map.setFeatureState({ ...this.selected, source: SOURCE.clusterCentres }, { selected: false });
    // MapLibre keeps feature state in plain objects: a prototype key would corrupt them.
    this.selected = sel && !PROTO_KEYS.has(sel.id) ? { source: SELECT_SOURCE[sel.kind], id: sel.id } : null;
    if (this.selected) this.map.setFeatureState(this.selected, { selected: true });
    // A cluster is drawn twice: its outline and, at overview zooms, its symbol.
    if (this.selected?.source === SOURCE.hulls)
      this.map.setFeatureState({ ...this.selected, source: SOURCE.clusterCentres }, { selected: true });
  }

  flyTo(lon: number, lat: number, maxZoom = 16): void {
    const zoom = Math.min(Math.max(this.map.getZoom(), 11), maxZoom);
    this.map.easeTo({ center: [lon, lat], zoom, duration: 600 });
  }

  jumpTo(v: View): void {
    this.map.jumpTo({ center: [v.lon, v.lat], zoom: v.zoom });
  }

  /**
   * PNG of the current map (issue 9): title, map, legend, scale bar and `spec.lines` (date, sample
   * notice, attribution) with the basemap's attribution added, at `scale` device pixels per CSS pixel
   * (1 screen, 2 print). The map is redrawn at that ratio for the picture and put back after.
   */
  async exportPng(spec: PictureSpec, scale: 1 | 2 = 1): Promise<Blob> {
    await this.loaded;
    const before = this.map.getPixelRatio();
    if (scale !== before) {
      this.map.setPixelRatio(scale);
      await new Promise<void>((r) => this.map.once('idle', () => r()));
    }
    const c = this.map.getCenter();
    const lines = [...spec.lines, ...(this.basemapAttribution ? [this.basemapAttribution] : [])];
    const mPerPx = metresPerPixel(c.lat, this.map.getZoom());
    const out = await this.inFrame((c) =>
      composePicture(c, c.width / c.clientWidth || scale, mPerPx, { ...spec, lines }),
    );
    if (scale !== before) this.map.setPixelRatio(before);
    return new Promise((resolve, reject) =>
      out.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas export failed'))), 'image/png'),
    );
  }

  async snapshot(): Promise<string> {
    await this.loaded;
    return this.inFrame((gl) => gl.toDataURL('image/png'));
  }

  /** Runs `f` on the canvas inside the next frame (the WebGL buffer is valid only in the frame that drew it). */
  private inFrame<T>(f: (gl: HTMLCanvasElement) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.map.once('render', () => {
        try {
          resolve(f(this.map.getCanvas()));
        } catch (e) {
          reject(e);
        }
      });
      this.map.triggerRepaint();
    });
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
    maplibregl.getGlobalDispatcher().off('workerscreate', this.resendPoints);
    for (const sent of new Set([this.sentPoints, this.sentClusters, this.hullClusters]))
      if (sent) void maplibregl.getGlobalDispatcher().broadcast(POINTS_DROP, sent.n);
    this.map.remove();
  }
}
