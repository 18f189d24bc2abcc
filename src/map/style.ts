/**
 * The MapLibre style, built from geodata/ alone: no glyph server (labels use local fonts), no
 * remote tiles unless an administrator configures a raster basemap. Pure: no MapLibre runtime.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { type Filters, NO_FILTERS } from '../data/filters.ts';
import { APPROXIMATE_PRECISIONS, CHAIN_STAGES, STAGES, type Stage } from '../data/types.ts';
import type { Basemap } from '../embed/config.ts';
import type { Lang } from '../i18n/index.ts';
import { basemapParts } from './basemap.ts';
import {
  CLUSTER_LABEL_PX,
  COUNTY_LABEL_PX,
  LABEL_OFFSET_EM,
  LABEL_STEP,
  LABEL_ZOOMS,
  LARGE_TEXT_SCALE,
  maskProperty,
  STAGE_SETS,
} from './cluster-labels.ts';
import { STAGE_COLOURS, STAGE_COLOURS_HC } from './palette.ts';

/** Local font stack: Debian's WenQuanYi, Noto CJK, and the usual Windows/macOS CJK fonts. */
export const FONT_STACK = [
  'WenQuanYi Micro Hei',
  'Noto Sans CJK SC',
  'Microsoft YaHei',
  'PingFang SC',
  'sans-serif',
];

export const EMPTY_FC: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The sources the app fills with data (the others load geodata/ files by URL). */
export const SOURCE = {
  enterprises: 'enterprises',
  zones: 'zones',
  hulls: 'hulls',
  clusterCentres: 'cluster-centres',
  hexgrid: 'hexgrid',
  counties: 'counties',
  countyLabels: 'county-labels',
  prefecture: 'prefecture',
} as const;

/** Layer ids the controller queries (hit tests, counts). */
export const LAYER = {
  enterprisesExact: 'enterprises-exact',
  enterprisesApprox: 'enterprises-approx',
  enterprisesCountyHalo: 'enterprises-county-halo',
  hullsFill: 'hulls-fill',
  clusterSymbols: 'cluster-symbols',
  zonesFill: 'zones-fill',
  zonesPoint: 'zones-point',
} as const;

/** Layers whose features are enterprises (for hit tests and counts). */
export const ENTERPRISE_LAYERS = [LAYER.enterprisesApprox, LAYER.enterprisesExact] as const;
export const ZONE_LAYERS = [LAYER.zonesFill, LAYER.zonesPoint] as const;

/** Boundary line colours, normal and high-contrast. */
export const LINE_COLOURS = {
  county: ['#9AA3AE', '#555555'],
  prefecture: ['#5B6673', '#222222'],
  neighbourLabel: ['#8A939E', '#4D5560'],
} as const;

export function stageColour(largeText: boolean): ExpressionSpecification {
  const pal = largeText ? STAGE_COLOURS_HC : STAGE_COLOURS;
  const match: unknown[] = ['match', ['get', 'stage']];
  for (const s of STAGES) match.push(s, pal[s]);
  match.push(pal.unclassified);
  return match as ExpressionSpecification;
}

/** Whether a feature's `precision` places it only approximately (data/types.ts APPROXIMATE_PRECISIONS). */
const APPROX: ExpressionSpecification = [
  'in',
  ['get', 'precision'],
  ['literal', [...APPROXIMATE_PRECISIONS]],
];

/** Filter expression: features whose stage is in `stages`, optionally with a precision class. */
export function stageFilter(stages: readonly Stage[], approx?: boolean): ExpressionSpecification {
  const inStage: ExpressionSpecification = ['in', ['get', 'stage'], ['literal', [...stages]]];
  if (approx === undefined) return inStage;
  return ['all', inStage, approx ? APPROX : ['!', APPROX]];
}

/**
 * Issue 8: the filters beside the stage filter as filter-expression terms on the properties every
 * point carries (frame.ts enterpriseFeatures): no filter, no term; a facet change is a setFilter.
 */
export function facetTerms(f: Filters): ExpressionSpecification[] {
  const terms: ExpressionSpecification[] = [];
  for (const [prop, list] of [
    ['segment', f.segments],
    ['county', f.counties],
    ['zone', f.zones],
    ['precision', f.precision],
  ] as const) {
    if (list !== null) terms.push(['in', ['get', prop], ['literal', [...list]]]);
  }
  return terms;
}

/** Points of the visible stages that pass the filters, optionally of one precision class. */
export function pointFilter(stages: readonly Stage[], f: Filters, approx?: boolean): ExpressionSpecification {
  const terms = facetTerms(f);
  const base = stageFilter(stages, approx);
  if (terms.length === 0) return base;
  return ['all', base, ...terms];
}

/**
 * A cluster's drawing (disc, label, outline) is shown or hidden with its stage by feature state
 * (`off`), not by a layer filter: a stage toggle then changes no layout and loads no tile.
 */
const clusterOff: ExpressionSpecification = ['boolean', ['feature-state', 'off'], false];
function unlessOff(value: number | ExpressionSpecification): ExpressionSpecification {
  return ['case', clusterOff, 0, value];
}

/**
 * A size label's opacity from zoom `z` on: 1 where cluster-labels.ts placed it for that zoom and the
 * visible set of chain stages, whose bit (2^set) the controller puts in the feature state `set`.
 */
export function clusterLabelOpacity(z: number): ExpressionSpecification {
  const allSets = 2 ** (STAGE_SETS - 1);
  const mask: ExpressionSpecification = ['to-number', ['get', maskProperty(z)], 0];
  const bit: ExpressionSpecification = [
    '%',
    ['floor', ['/', mask, ['coalesce', ['feature-state', 'set'], allSets]]],
    2,
  ];
  return ['case', ['==', bit, 1], 1, 0];
}

/** The size labels' layers, one per zoom step of cluster-labels.ts (LABEL_ZOOMS). */
export const CLUSTER_LABEL_LAYERS = LABEL_ZOOMS.map(
  (z) => `cluster-symbols-label-${Math.round(z / LABEL_STEP)}`,
);

/** Below this zoom each cluster is one symbol at its centre; from it on, its outline (issue 8). */
export const CLUSTER_OUTLINE_ZOOM = 11;

export function labelField(lang: Lang): ExpressionSpecification {
  return lang === 'zh'
    ? ['coalesce', ['get', 'name_zh'], ['get', 'name_en'], '']
    : ['coalesce', ['get', 'name_en'], ['get', 'name_zh'], ''];
}

/** Hexagon colour by the firm count of one chain stage (or all three: 'total'). */
export type HexStage = 'total' | 'upstream' | 'midstream' | 'downstream';

/**
 * The count a hexagon shows: one stage's, or the sum over the visible chain stages ('total'); a stage
 * switched off counts 0. The grid carries every stage's counts, so a toggle needs no new grid.
 */
export function hexCount(hexStage: HexStage, stages: readonly Stage[]): ExpressionSpecification {
  const on = CHAIN_STAGES.filter((s) => stages.includes(s) && (hexStage === 'total' || s === hexStage));
  const terms = on.map((s): ExpressionSpecification => ['coalesce', ['get', s], 0]);
  if (terms.length === 0) return ['literal', 0] as unknown as ExpressionSpecification;
  return terms.length === 1 ? terms[0]! : (['+', ...terms] as ExpressionSpecification);
}

export function hexColour(count: ExpressionSpecification): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    count,
    0,
    'rgba(255,255,255,0)',
    1,
    '#FFF3D6',
    5,
    '#F7B267',
    20,
    '#D1495B',
    60,
    '#6A0F3A',
  ];
}

export interface StyleOptions {
  basemap: Basemap;
  lang: Lang;
  stages: readonly Stage[];
  largeText: boolean;
  /** Cluster outlines shown (default true). */
  hulls?: boolean;
  /** Hexagon grid shown instead of the points (default false). */
  hexGrid?: boolean;
  /** Which count colours the hexagons (default 'total'). */
  hexStage?: HexStage;
  /** Issue 8: the filters beside the stage filter (default none). */
  filters?: Filters;
  /** Base URL of the data files (ends with /). */
  dataBase: string;
  /** The document's base URL, against which a relative PMTiles URL is resolved. */
  baseUrl?: string;
}

/**
 * The whole style, from the options: the one definition of every paint, layout and filter. The
 * controller builds it again when an option changes and applies the difference (style-diff.ts), so
 * a map that switched to large text equals one loaded with it.
 */
export function buildStyle(o: StyleOptions): StyleSpecification {
  const big = o.largeText ? LARGE_TEXT_SCALE : 1;
  const shown = (on: boolean) => ({ visibility: on ? ('visible' as const) : ('none' as const) });
  const hulls = shown(o.hulls ?? true);
  const points = shown(!(o.hexGrid ?? false));
  const hexN = hexCount(o.hexStage ?? 'total', o.stages);
  const filters = o.filters ?? NO_FILTERS;
  const base = basemapParts(o.basemap, o.lang, o.baseUrl);
  return {
    version: 8,
    name: 'shangrao-belt',
    // A change shows in the next frame, not after a fade: one change, one frame.
    transition: { duration: 0, delay: 0 },
    sources: {
      ...base.sources,
      neighbours: { type: 'geojson', data: `${o.dataBase}neighbours.geojson` },
      // Boundaries arrive through MapController.setBoundaries (the page loads them once, for the analysis too).
      counties: { type: 'geojson', data: EMPTY_FC },
      'county-labels': { type: 'geojson', data: EMPTY_FC },
      prefecture: { type: 'geojson', data: EMPTY_FC },
      water: { type: 'geojson', data: `${o.dataBase}water.geojson` },
      townships: { type: 'geojson', data: `${o.dataBase}townships.geojson` },
      zones: { type: 'geojson', data: EMPTY_FC, promoteId: 'id' },
      enterprises: { type: 'geojson', data: EMPTY_FC, promoteId: 'id' },
      hexgrid: { type: 'geojson', data: EMPTY_FC },
      hulls: { type: 'geojson', data: EMPTY_FC, promoteId: 'key' },
      'cluster-centres': { type: 'geojson', data: EMPTY_FC, promoteId: 'key' },
    },
    layers: [
      {
        id: 'background',
        type: 'background',
        paint: { 'background-color': o.largeText ? '#FFFFFF' : '#EEF1F4' },
      },
      ...base.layers,
      {
        id: 'neighbours-fill',
        type: 'fill',
        source: 'neighbours',
        paint: { 'fill-color': '#E4E7EB', 'fill-opacity': base.drawn ? 0 : 1 },
      },
      {
        id: 'neighbours-line',
        type: 'line',
        source: 'neighbours',
        paint: { 'line-color': '#C5CBD3', 'line-width': 0.8 },
      },
      {
        // Neighbouring prefectures: faint names, context only.
        id: 'neighbours-label',
        type: 'symbol',
        source: 'neighbours',
        maxzoom: 10,
        layout: {
          'text-field': labelField(o.lang),
          'text-font': FONT_STACK,
          'text-size': 12 * big,
          'text-optional': true,
        },
        paint: {
          'text-color': LINE_COLOURS.neighbourLabel[o.largeText ? 1 : 0],
          'text-halo-color': '#EEF1F4',
          'text-halo-width': 1,
        },
      },
      {
        id: 'counties-fill',
        type: 'fill',
        source: 'counties',
        paint: { 'fill-color': '#FBFBF8', 'fill-opacity': base.drawn ? 0.15 : 1 },
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
        paint: {
          'line-color': LINE_COLOURS.county[o.largeText ? 1 : 0],
          'line-width': 1,
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'prefecture-line',
        type: 'line',
        source: 'prefecture',
        paint: { 'line-color': LINE_COLOURS.prefecture[o.largeText ? 1 : 0], 'line-width': 2 },
      },
      {
        id: 'hexgrid-fill',
        type: 'fill',
        source: 'hexgrid',
        layout: shown(o.hexGrid ?? false),
        filter: ['>', hexN, 0],
        paint: {
          'fill-color': hexColour(hexN),
          'fill-opacity': 0.65,
          'fill-outline-color': '#FFFFFF',
        },
      },
      {
        // Cluster hulls (DBSCAN, per stage): where each stage agglomerates.
        id: 'hulls-fill',
        minzoom: CLUSTER_OUTLINE_ZOOM,
        type: 'fill',
        source: 'hulls',
        layout: hulls,
        paint: { 'fill-color': stageColour(o.largeText), 'fill-opacity': unlessOff(0.12) },
      },
      {
        id: 'hulls-line',
        minzoom: CLUSTER_OUTLINE_ZOOM,
        type: 'line',
        source: 'hulls',
        filter: ['!', ['get', 'approx']],
        layout: hulls,
        paint: {
          'line-color': stageColour(o.largeText),
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 1.5],
          'line-opacity': unlessOff(0.8),
        },
      },
      {
        // Clusters of mostly approximate points: dashed, so the outline does not look surveyed.
        id: 'hulls-line-approx',
        minzoom: CLUSTER_OUTLINE_ZOOM,
        type: 'line',
        source: 'hulls',
        filter: ['get', 'approx'],
        layout: hulls,
        paint: {
          'line-color': stageColour(o.largeText),
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 1.5],
          'line-opacity': unlessOff(0.8),
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'zones-fill',
        type: 'fill',
        source: 'zones',
        paint: {
          'fill-color': '#6B7B8C',
          'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.3, 0.12],
        },
      },
      {
        id: 'zones-line',
        type: 'line',
        source: 'zones',
        paint: { 'line-color': '#46525E', 'line-width': 1.2, 'line-dasharray': [2, 2] },
      },
      {
        // Zones known only as a point (domain.md): a hollow square-ish ring, clickable like an area.
        id: 'zones-point',
        type: 'circle',
        source: 'zones',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': 9,
          'circle-color': 'rgba(107, 123, 140, 0.15)',
          'circle-stroke-color': '#46525E',
          'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.5],
        },
      },
      {
        // County-level points: a wide faint halo so they read as "somewhere in this county".
        id: 'enterprises-county-halo',
        type: 'circle',
        source: 'enterprises',
        filter: ['all', pointFilter(o.stages, filters), ['==', ['get', 'precision'], 'county']],
        layout: points,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 10, 12, 40],
          'circle-color': stageColour(o.largeText),
          'circle-opacity': 0.08,
          'circle-stroke-width': 0,
        },
      },
      {
        // Approximate points (township, zone, county): hollow rings.
        id: 'enterprises-approx',
        type: 'circle',
        source: 'enterprises',
        filter: pointFilter(o.stages, filters, true),
        layout: points,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 3 * big, 12, 7 * big],
          'circle-color': stageColour(o.largeText),
          'circle-opacity': 0.25,
          'circle-stroke-color': stageColour(o.largeText),
          'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.5 * big],
        },
      },
      {
        // Exact and street-level points: solid dots with a white rim.
        id: 'enterprises-exact',
        type: 'circle',
        source: 'enterprises',
        filter: pointFilter(o.stages, filters, false),
        layout: points,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 3 * big, 12, 7 * big],
          'circle-color': stageColour(o.largeText),
          'circle-stroke-color': [
            'case',
            ['boolean', ['feature-state', 'selected'], false],
            '#000000',
            '#FFFFFF',
          ],
          'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1],
        },
      },
      {
        // Issue 8: at overview zooms each cluster is one disc at its centre, area ∝ members.
        id: 'cluster-symbols',
        type: 'circle',
        source: 'cluster-centres',
        maxzoom: CLUSTER_OUTLINE_ZOOM,
        // Smaller discs drawn over larger ones, so every one can be seen and clicked.
        layout: { ...hulls, 'circle-sort-key': ['-', 0, ['get', 'members']] },
        paint: {
          'circle-radius': ['*', big, ['get', 'r']],
          'circle-color': stageColour(o.largeText),
          'circle-opacity': unlessOff(0.45),
          'circle-stroke-opacity': unlessOff(1),
          'circle-stroke-color': [
            'case',
            ['boolean', ['feature-state', 'selected'], false],
            '#000000',
            stageColour(o.largeText),
          ],
          'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.5],
        },
      },
      // Each disc's size, one layer per zoom step. Which labels show is decided in data (cluster-labels.ts:
      // the larger first, none over another) and switched by feature state, so a stage toggle lays
      // nothing out again. Below the place names: they are placed first and a size moves aside for them
      // (it ignores placement, so a size, shown or not, never pushes a name away).
      ...LABEL_ZOOMS.map(
        (z, i): LayerSpecification => ({
          id: CLUSTER_LABEL_LAYERS[i]!,
          type: 'symbol',
          source: 'cluster-centres',
          minzoom: z,
          maxzoom: z + LABEL_STEP,
          layout: {
            ...hulls,
            'text-field': ['to-string', ['get', 'members']],
            'text-font': FONT_STACK,
            'text-size': CLUSTER_LABEL_PX * big,
            'text-ignore-placement': true,
            // Where a place name sits on its disc, the size moves just below the disc rather than hide.
            'text-variable-anchor': ['center', 'top'],
            'text-radial-offset': ['+', ['/', ['get', 'r'], CLUSTER_LABEL_PX], LABEL_OFFSET_EM],
            'text-padding': 1,
          },
          paint: {
            'text-color': '#111111',
            'text-halo-color': '#FFFFFF',
            'text-halo-width': 1.5,
            'text-opacity': clusterLabelOpacity(z),
          },
        }),
      ),
      {
        id: 'townships-label',
        type: 'symbol',
        source: 'townships',
        minzoom: 9.5,
        layout: {
          'text-field': labelField(o.lang),
          'text-font': FONT_STACK,
          'text-size': 11 * big,
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
        layout: { 'text-field': labelField(o.lang), 'text-font': FONT_STACK, 'text-size': 12 * big },
        paint: { 'text-color': '#2F3A45', 'text-halo-color': '#FFFFFF', 'text-halo-width': 1.5 },
      },
      {
        id: 'county-labels',
        type: 'symbol',
        source: 'county-labels',
        maxzoom: 11,
        layout: {
          'text-field': labelField(o.lang),
          'text-font': FONT_STACK,
          'text-size': [
            'interpolate',
            ['linear'],
            ['zoom'],
            ...COUNTY_LABEL_PX.flatMap(([z, px]) => [z, px * big]),
          ],
          // Moves aside for the township and zone names rather than hiding (cluster sizes give way to it).
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          'text-radial-offset': 1.2,
        },
        paint: { 'text-color': '#1F2933', 'text-halo-color': '#FFFFFF', 'text-halo-width': 2 },
      },
    ],
  };
}
