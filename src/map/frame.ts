/**
 * What the map shows, as data (MapFrame), and the pure builders of the GeoJSON its sources get.
 * The state derives one frame per change; the controller applies it in one go (one MapLibre frame).
 */
import type { RecordColumns, StringColumn } from '../analysis/columns.ts';
import { isApproximateCluster } from '../analysis/is-approximate-cluster.ts';
import type { HexGrid } from '../analysis/protocol.ts';
import type { StageFigures } from '../analysis/types.ts';
import { type Filters, NO_ZONE } from '../data/filters.ts';
import type { ChainStage, Enterprise, Stage, Zone } from '../data/types.ts';
import type { Lang } from '../i18n/index.ts';
import {
  CLUSTER_LABEL_PX,
  LABEL_ZOOMS,
  LARGE_TEXT_SCALE,
  labelMasks,
  maskProperty,
  type NameSite,
} from './cluster-labels.ts';
import type { HexStage } from './style.ts';

export interface MapFrame {
  enterprises: readonly Enterprise[];
  /** Issue 8: the points drawn, with the zone containment assigned (what the zone filter reads). */
  points: MapPoints;
  /** Issue 8: the filters beside the stage filter (points follow them by layer filters). */
  filters: Filters;
  zones: readonly Zone[];
  /** Visible stages (points, cluster outlines and hexagon counts follow them by layer filters). */
  stages: readonly Stage[];
  /** Every chain stage's clusters, switched on or off (null until first computed). */
  clusters: Readonly<Record<ChainStage, StageFigures>> | null;
  hulls: boolean;
  hexGrid: boolean;
  hexStage: HexStage;
  /** Hexagon counts per stage (empty while the grid is hidden). */
  hex: HexGrid;
}

export interface MapPoints {
  records: readonly Enterprise[];
  /** Record id → zone id, for records without a zone id that a real boundary contains. */
  resolvedZones: Readonly<Record<string, string>> | null;
  /**
   * The same records as columns (ui/arrival.ts), for MapLibre's worker (points-source.ts); absent
   * when a record has a value the columns cannot carry (the points then go as GeoJSON).
   */
  columns?: RecordColumns | null;
  /** Each record's zone as drawn (DatasetFigures.zoneColumn), once the analysis has the dataset. */
  zoneColumn?: StringColumn | null;
}

/**
 * Located enterprises as points with what the style reads: id, stage, precision, and for the filters
 * segment, county and zone ('' for none; zone `none` for no zone), so a filter is a layer filter.
 */
export function enterpriseFeatures(points: MapPoints | readonly Enterprise[]): GeoJSON.FeatureCollection {
  const { records, resolvedZones } = 'records' in points ? points : { records: points, resolvedZones: null };
  const features: GeoJSON.Feature[] = [];
  for (const r of records) {
    if (r.lon === null || r.lat === null) continue;
    features.push({
      type: 'Feature',
      properties: {
        id: r.id,
        stage: r.stage,
        precision: r.precision,
        segment: r.segment ?? '',
        county: r.county ?? '',
        zone: r.zone ?? resolvedZones?.[r.id] ?? NO_ZONE,
      },
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function zoneFeatures(zones: readonly Zone[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    // A zone known only by name (geometry null, issue 7) has nothing to draw.
    features: zones.flatMap((z) =>
      z.geometry
        ? [
            {
              type: 'Feature',
              properties: { id: z.id, name_zh: z.name, name_en: z.nameEn ?? z.name, level: z.level },
              geometry: z.geometry,
            } as GeoJSON.Feature,
          ]
        : [],
    ),
  };
}

/**
 * A cluster as the map draws it (what the style and the hit tests read, and what crosses to MapLibre's
 * worker: cluster-columns.ts): its key `<stage>/<n>`, first member (what a click selects, whatever
 * number the cluster has by then), stage, size, whether its locations are mostly approximate, centre
 * and outline.
 */
export interface MapCluster {
  key: string;
  anchor: string;
  stage: ChainStage;
  members: number;
  approx: boolean;
  center: [number, number];
  hull: GeoJSON.Polygon | null;
}

/** Every stage's clusters as the map draws them, stage by stage. */
export function mapClusters(clusters: MapFrame['clusters']): MapCluster[] {
  const out: MapCluster[] = [];
  for (const st of Object.values(clusters ?? {})) {
    for (const c of st.clusters) {
      out.push({
        key: `${c.stage}/${c.id}`,
        anchor: c.memberIds[0] ?? '',
        stage: c.stage,
        members: c.memberIds.length,
        approx: isApproximateCluster(c),
        center: c.center,
        hull: c.hull,
      });
    }
  }
  return out;
}

/** What the style and the hit tests read of a cluster. */
function clusterProps(c: MapCluster) {
  return { key: c.key, anchor: c.anchor, stage: c.stage, members: c.members };
}

/** The clusters' outlines (those with a hull), keyed `<stage>/<n>`, of every stage. */
export function hullFeatures(clusters: readonly MapCluster[]): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const c of clusters) {
    if (!c.hull) continue;
    features.push({
      type: 'Feature',
      properties: { ...clusterProps(c), approx: c.approx },
      geometry: c.hull,
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Largest radius of a cluster symbol, px (the largest cluster of the frame). */
export const CLUSTER_SYMBOL_MAX_RADIUS = 30;

/**
 * Issue 8: every cluster as one point at its centre, for the overview symbols: `r` is its radius in
 * px, so that areas are proportional to members across every stage of the frame.
 */
export function clusterCentreFeatures(
  all: readonly MapCluster[],
  names: readonly NameSite[] = [],
  largeText = false,
): GeoJSON.FeatureCollection {
  let max = 1;
  for (const c of all) max = Math.max(max, c.members);
  const sites = all.map((c) => ({
    lon: c.center[0],
    lat: c.center[1],
    members: c.members,
    stage: c.stage,
    r: CLUSTER_SYMBOL_MAX_RADIUS * Math.sqrt(c.members / max),
  }));
  // Which label shows at each zoom for each set of visible stages (cluster-labels.ts).
  const scale = largeText ? LARGE_TEXT_SCALE : 1;
  const masks = labelMasks(sites, CLUSTER_LABEL_PX * scale, names, scale);
  return {
    type: 'FeatureCollection',
    features: all.map((c, i) => {
      const properties: Record<string, unknown> = { ...clusterProps(c), r: sites[i]!.r };
      const m = masks[i]!;
      for (let zi = 0; zi < MASK_PROPERTIES.length; zi++) properties[MASK_PROPERTIES[zi]!] = m[zi];
      return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: c.center } };
    }),
  };
}

/** The label masks' property names, one per zoom step. */
const MASK_PROPERTIES = LABEL_ZOOMS.map((z) => maskProperty(z));

/** The county names as places the cluster sizes give way to: label point and width, in ems, in `lang`. */
export function countyNameSites(counties: GeoJSON.FeatureCollection, lang: Lang): NameSite[] {
  return countyLabelFeatures(counties).features.map((f) => {
    const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
    // The name the style shows (labelField), Chinese characters an em wide, Latin letters about 0.6.
    const p = f.properties ?? {};
    const name = String((lang === 'zh' ? (p.name_zh ?? p.name_en) : (p.name_en ?? p.name_zh)) ?? '');
    let ems = 0;
    for (const ch of name) ems += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6;
    return { lon, lat, ems };
  });
}

/** County label points (the `label_lon`/`label_lat` of each county feature). */
export function countyLabelFeatures(counties: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const f of counties.features) {
    const p = f.properties ?? {};
    if (typeof p.label_lon === 'number' && typeof p.label_lat === 'number') {
      features.push({
        type: 'Feature',
        properties: { name_zh: p.name_zh, name_en: p.name_en },
        geometry: { type: 'Point', coordinates: [p.label_lon, p.label_lat] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
