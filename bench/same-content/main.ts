/**
 * Baseline of the browser benchmark: MapLibre alone, drawing the same content as the app's map.
 *
 * Mirrors the layers of the app's style as of commit d7087e3 (`src/map/style.ts`, `buildStyle` with the
 * offline basemap, lang zh, normal text size, every stage on), copied here and not imported, so the
 * baseline stays independent of our code: neighbours (fill, line, label), county fills and dashed lines,
 * water (lakes, rivers), the prefecture line, development zones (fill, line, point, label), the
 * enterprise points by stage (county halo, approximate rings, exact dots), township and county labels,
 * plus the same controls (zoom buttons, scale, attribution). Left out: the app's analysis overlays
 * (cluster hulls, hexagon grid).
 *
 * The fastest fair way to the data, measured here: the page fetches the enterprises itself and hands
 * MapLibre slim features (id, stage, precision and the app's `approx` flag: township, zone or county
 * precision), as the app's map controller does. Handing MapLibre the file's URL is slower at 100,000
 * (about 9 s against 6 s to ready on this machine): its worker then parses, tiles and re-encodes every
 * property of every firm (names, sources, …), which the map never draws. `?points=url` keeps that variant
 * for comparison (its layer filters then read the precision). The other sources are URLs (small files,
 * parsed in MapLibre's worker), except the county label points, which the app derives from
 * counties.geojson's label_lon/label_lat: the page fetches that file (40 KB) and adds 12 points.
 * Stage toggle: setFilter on the three point layers in one go, as the app does.
 *
 * ?ent=<enterprises GeoJSON>&zones=<zones GeoJSON>&geo=<folder of the geodata files, ending with />
 * [&points=url] [&w=<px>&h=<px>] (the map's size, see ../baseline.ts)
 */

import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../bare/bare.css';
import { exposeBench, mapContainer, STAGE_COLOUR } from '../baseline.ts';

maplibregl.setWorkerUrl(workerUrl);
const q = new URLSearchParams(location.search);
const ENT = q.get('ent') ?? '';
const ZONES = q.get('zones') ?? '';
const GEO = q.get('geo') ?? 'data/';
const SLIM = q.get('points') !== 'url';

const STAGES = ['upstream', 'midstream', 'downstream', 'support', 'unclassified'];
const FONT = ['WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];
const LABEL: ExpressionSpecification = ['coalesce', ['get', 'name_zh'], ['get', 'name_en'], ''];
const SELECTED: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const RADIUS: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 7, 3, 12, 7];
/** The app's attribution text (zh), a copy of src/data/attribution.ts. */
const ATTRIBUTION =
  '行政边界 © OpenStreetMap 贡献者（ODbL），经 mapchina R 包；河流湖泊：GSHHG（Wessel & Smith，LGPL）' +
  '与 Natural Earth；地名：GeoNames（CC BY 4.0）；区划代码：国家统计局。';
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The app's filters on its point layers (`approx` read from the precision when the features are the file's). */
function filters(stages: string[]): Record<string, FilterSpecification> {
  const inStage: ExpressionSpecification = ['in', ['get', 'stage'], ['literal', stages]];
  const approx: ExpressionSpecification = SLIM
    ? ['==', ['get', 'approx'], true]
    : ['in', ['get', 'precision'], ['literal', ['township', 'zone', 'county']]];
  const exact: ExpressionSpecification = SLIM ? ['==', ['get', 'approx'], false] : ['!', approx];
  return {
    'enterprises-county-halo': ['all', inStage, ['==', ['get', 'precision'], 'county']],
    'enterprises-approx': ['all', inStage, approx],
    'enterprises-exact': ['all', inStage, exact],
  };
}
const initial = filters(STAGES);

const map = new maplibregl.Map({
  container: mapContainer(),
  style: {
    version: 8,
    sources: {
      neighbours: { type: 'geojson', data: `${GEO}neighbours.geojson` },
      counties: { type: 'geojson', data: `${GEO}counties.geojson` },
      'county-labels': { type: 'geojson', data: EMPTY },
      prefecture: { type: 'geojson', data: `${GEO}shangrao-prefecture.geojson` },
      water: { type: 'geojson', data: `${GEO}water.geojson` },
      townships: { type: 'geojson', data: `${GEO}townships.geojson` },
      zones: { type: 'geojson', data: ZONES, promoteId: 'id' },
      enterprises: { type: 'geojson', data: SLIM ? EMPTY : ENT, promoteId: 'id' },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#EEF1F4' } },
      {
        id: 'neighbours-fill',
        type: 'fill',
        source: 'neighbours',
        paint: { 'fill-color': '#E4E7EB', 'fill-opacity': 1 },
      },
      {
        id: 'neighbours-line',
        type: 'line',
        source: 'neighbours',
        paint: { 'line-color': '#C5CBD3', 'line-width': 0.8 },
      },
      {
        id: 'neighbours-label',
        type: 'symbol',
        source: 'neighbours',
        maxzoom: 10,
        layout: { 'text-field': LABEL, 'text-font': FONT, 'text-size': 12, 'text-optional': true },
        paint: { 'text-color': '#8A939E', 'text-halo-color': '#EEF1F4', 'text-halo-width': 1 },
      },
      {
        id: 'counties-fill',
        type: 'fill',
        source: 'counties',
        paint: { 'fill-color': '#FBFBF8', 'fill-opacity': 1 },
      },
      {
        id: 'water-lakes',
        type: 'fill',
        source: 'water',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': '#B9D3EA' },
      },
      {
        id: 'water-rivers',
        type: 'line',
        source: 'water',
        filter: ['==', ['geometry-type'], 'LineString'],
        paint: {
          'line-color': '#8DB7DD',
          'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.8, 12, 2.5],
        },
      },
      {
        id: 'counties-line',
        type: 'line',
        source: 'counties',
        paint: { 'line-color': '#9AA3AE', 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      {
        id: 'prefecture-line',
        type: 'line',
        source: 'prefecture',
        paint: { 'line-color': '#5B6673', 'line-width': 2 },
      },
      {
        id: 'zones-fill',
        type: 'fill',
        source: 'zones',
        paint: { 'fill-color': '#6B7B8C', 'fill-opacity': ['case', SELECTED, 0.3, 0.12] },
      },
      {
        id: 'zones-line',
        type: 'line',
        source: 'zones',
        paint: { 'line-color': '#46525E', 'line-width': 1.2, 'line-dasharray': [2, 2] },
      },
      {
        id: 'zones-point',
        type: 'circle',
        source: 'zones',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': 9,
          'circle-color': 'rgba(107, 123, 140, 0.15)',
          'circle-stroke-color': '#46525E',
          'circle-stroke-width': ['case', SELECTED, 3, 1.5],
        },
      },
      {
        id: 'enterprises-county-halo',
        type: 'circle',
        source: 'enterprises',
        filter: initial['enterprises-county-halo']!,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 10, 12, 40],
          'circle-color': STAGE_COLOUR,
          'circle-opacity': 0.08,
          'circle-stroke-width': 0,
        },
      },
      {
        id: 'enterprises-approx',
        type: 'circle',
        source: 'enterprises',
        filter: initial['enterprises-approx']!,
        paint: {
          'circle-radius': RADIUS,
          'circle-color': STAGE_COLOUR,
          'circle-opacity': 0.25,
          'circle-stroke-color': STAGE_COLOUR,
          'circle-stroke-width': ['case', SELECTED, 3, 1.5],
        },
      },
      {
        id: 'enterprises-exact',
        type: 'circle',
        source: 'enterprises',
        filter: initial['enterprises-exact']!,
        paint: {
          'circle-radius': RADIUS,
          'circle-color': STAGE_COLOUR,
          'circle-stroke-color': ['case', SELECTED, '#000000', '#FFFFFF'],
          'circle-stroke-width': ['case', SELECTED, 3, 1],
        },
      },
      {
        id: 'townships-label',
        type: 'symbol',
        source: 'townships',
        minzoom: 9.5,
        layout: {
          'text-field': LABEL,
          'text-font': FONT,
          'text-size': 11,
          'text-offset': [0, 0.9],
          'text-optional': true,
        },
        paint: { 'text-color': '#4A5563', 'text-halo-color': '#FFFFFF', 'text-halo-width': 1.2 },
      },
      {
        id: 'zones-label',
        type: 'symbol',
        source: 'zones',
        minzoom: 9,
        layout: {
          // The zones file names a zone `name` (zh) and `name_en`; the app renames them name_zh/name_en.
          'text-field': ['coalesce', ['get', 'name'], ['get', 'name_en'], ''],
          'text-font': FONT,
          'text-size': 12,
        },
        paint: { 'text-color': '#2F3A45', 'text-halo-color': '#FFFFFF', 'text-halo-width': 1.5 },
      },
      {
        id: 'county-labels',
        type: 'symbol',
        source: 'county-labels',
        maxzoom: 11,
        layout: {
          'text-field': LABEL,
          'text-font': FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 7, 12, 10, 16],
        },
        paint: { 'text-color': '#1F2933', 'text-halo-color': '#FFFFFF', 'text-halo-width': 2 },
      },
    ],
  },
  bounds: [
    [116.22, 27.8],
    [118.48, 29.7],
  ],
  fitBoundsOptions: { padding: 20 },
  attributionControl: false,
  maxBounds: [
    [112, 25],
    [123, 32.5],
  ],
  minZoom: 5,
  maxZoom: 16,
});
map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
map.addControl(
  new maplibregl.AttributionControl({ compact: false, customAttribution: ATTRIBUTION }),
  'bottom-right',
);
map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');

const getJson = <T>(url: string) =>
  fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.json() as Promise<T>;
  });
const loaded = new Promise((resolve) => map.once('load', resolve));
const setData = (source: string, features: GeoJSON.Feature[]) =>
  map.getSource<maplibregl.GeoJSONSource>(source)?.setData({ type: 'FeatureCollection', features });

/** The enterprises as the app hands them to MapLibre: located points, four properties. */
const points = SLIM
  ? Promise.all([getJson<GeoJSON.FeatureCollection>(ENT), loaded]).then(([fc]) => {
      const features: GeoJSON.Feature[] = [];
      for (const f of fc.features) {
        if (!f.geometry) continue;
        const { id, stage, precision } = f.properties ?? {};
        const approx = precision === 'township' || precision === 'zone' || precision === 'county';
        features.push({
          type: 'Feature',
          properties: { id, stage, precision, approx },
          geometry: f.geometry,
        });
      }
      setData('enterprises', features);
    })
  : Promise.resolve();

/** County label points, as the app derives them (label_lon/label_lat of each county). */
const labels = Promise.all([getJson<GeoJSON.FeatureCollection>(`${GEO}counties.geojson`), loaded]).then(
  ([counties]) => {
    const features: GeoJSON.Feature[] = [];
    for (const f of counties.features) {
      const p = f.properties ?? {};
      if (typeof p.label_lon === 'number' && typeof p.label_lat === 'number')
        features.push({
          type: 'Feature',
          properties: { name_zh: p.name_zh, name_en: p.name_en },
          geometry: { type: 'Point', coordinates: [p.label_lon, p.label_lat] },
        });
    }
    setData('county-labels', features);
  },
);

exposeBench(map, {
  sources: [
    'neighbours',
    'counties',
    'county-labels',
    'prefecture',
    'water',
    'townships',
    'zones',
    'enterprises',
  ],
  before: Promise.all([labels, points]),
  setStages: (stages) => {
    for (const [layer, filter] of Object.entries(filters(stages))) map.setFilter(layer, filter);
  },
});
