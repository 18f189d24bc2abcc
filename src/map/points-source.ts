/**
 * The enterprise points as MapLibre's worker receives them: columns (analysis/columns.ts) instead of
 * GeoJSON objects. Handing 100,000 point features to `GeoJSONSource.setData` costs the page a long
 * task (MapLibre walks and clones every object on the main thread); the same points as a few typed
 * arrays and string tables cross in a few milliseconds, their buffers transferred. The controller
 * sends them with a message of their own (POINTS_MESSAGE), then gives the source pointsMarker(n);
 * points-worker.ts, imported into MapLibre's worker, puts columnFeatures() of those columns in the
 * marker's place before MapLibre loads it. (A URL that the worker answers would not do: MapLibre
 * sends data it loaded from a URL back to the page, a longer task still.) The features are exactly
 * frame.ts enterpriseFeatures() of the same records.
 */
import type { RecordColumns } from '../analysis/columns.ts';
import { PRECISION_UNSET } from '../analysis/columns.ts';
import { NO_ZONE } from '../data/filters.ts';
import { PRECISIONS, STAGES } from '../data/types.ts';
import type { ClusterColumns } from './cluster-columns.ts';
import type { NameSite } from './cluster-labels.ts';

/** The message that carries the points to MapLibre's worker (getGlobalDispatcher().broadcast). */
export const POINTS_MESSAGE = 'belt-points:data';
/** The message that lets MapLibre's worker forget a map's points (the map is gone): their number. */
export const POINTS_DROP = 'belt-points:drop';
/** The message points-worker.ts answers with POINTS_PLUGIN once it is in the worker. */
export const POINTS_HELLO = 'belt-points:hello';
export const POINTS_PLUGIN = 'belt-points/1';

/** The message that carries a map's clusters (outlines and centres) to MapLibre's worker. */
export const CLUSTERS_MESSAGE = 'belt-points:clusters';

/**
 * The points of one setData: `n` numbers them (unique on the page: the marker names it), `columns`
 * are the records' columns with `zones`/`zone` the zone each point shows (DatasetFigures.zoneColumn);
 * `drop` names the data of the same map and kind that these replace (the worker lets them go).
 */
export interface PointsMessage {
  kind: 'points';
  n: number;
  columns: RecordColumns;
  drop?: number;
}

/**
 * The clusters of the cluster sources' next data: the outlines are frame.ts hullFeatures() of
 * them, the centres clusterCentreFeatures() with the county names and text size given here.
 */
export interface ClustersMessage {
  kind: 'clusters';
  n: number;
  columns: ClusterColumns;
  names: NameSite[];
  largeText: boolean;
  drop?: number;
}

/** A cluster source's data that names the clusters to build it from, and which of the two it is. */
export interface ClustersMarker extends GeoJSON.FeatureCollection {
  beltClusters: number;
  part: 'hulls' | 'centres';
}

export function clustersMarker(n: number, part: ClustersMarker['part']): ClustersMarker {
  return { type: 'FeatureCollection', features: [], beltClusters: n, part };
}

/** What a clustersMarker() names, or null for any other data. */
export function markedClusters(data: unknown): { n: number; part: ClustersMarker['part'] } | null {
  const m = data as Partial<ClustersMarker> | null;
  const n = m?.beltClusters;
  if (typeof n !== 'number' || !Number.isInteger(n)) return null;
  return m?.part === 'hulls' || m?.part === 'centres' ? { n, part: m.part } : null;
}

/** Whether the data is a marker (an empty collection that stands for data built in the worker). */
export function isMarker(data: unknown): boolean {
  return markedPoints(data) !== null || markedClusters(data) !== null;
}

/** What the page gives the points source: an empty collection naming the points that replace it. */
export interface PointsMarker extends GeoJSON.FeatureCollection {
  beltPoints: number;
}

export function pointsMarker(n: number): PointsMarker {
  return { type: 'FeatureCollection', features: [], beltPoints: n };
}

/** The number a pointsMarker() names, or null for any other data. */
export function markedPoints(data: unknown): number | null {
  const n = (data as Partial<PointsMarker> | null)?.beltPoints;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/** The located records of `c` as enterpriseFeatures() gives them (in record order). */
export function columnFeatures(c: RecordColumns): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  const label = (table: readonly string[], i: number, none: string) => (i === -1 ? none : table[i]!);
  let start = 0;
  for (let i = 0; i < c.length; i++) {
    const end = c.idEnd[i]!;
    const lon = c.lon[i]!;
    const lat = c.lat[i]!;
    if (!Number.isNaN(lon) && !Number.isNaN(lat)) {
      const p = c.precision[i]!;
      const properties: GeoJSON.GeoJsonProperties = {
        id: c.ids.slice(start, end),
        stage: STAGES[c.stage[i]!]!,
      };
      if (p !== PRECISION_UNSET) properties.precision = PRECISIONS[p]!;
      properties.segment = label(c.segments, c.segment[i]!, '');
      properties.county = label(c.counties, c.county[i]!, '');
      properties.zone = label(c.zones, c.zone[i]!, NO_ZONE);
      features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } });
    }
    start = end;
  }
  return { type: 'FeatureCollection', features };
}
