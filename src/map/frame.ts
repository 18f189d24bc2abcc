/**
 * What the map shows, as data (MapFrame), and the pure builders of the GeoJSON its sources get.
 * The state derives one frame per change; the controller applies it in one go (one MapLibre frame).
 */
import { isApproximateCluster } from '../analysis/is-approximate-cluster.ts';
import type { HexGrid } from '../analysis/protocol.ts';
import type { StageFigures } from '../analysis/types.ts';
import type { ChainStage, Enterprise, Stage, Zone } from '../data/types.ts';
import type { HexStage } from './style.ts';

export interface MapFrame {
  enterprises: readonly Enterprise[];
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

/** Located enterprises as points with what the style reads: id, stage, precision. */
export function enterpriseFeatures(records: readonly Enterprise[]): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const r of records) {
    if (r.lon === null || r.lat === null) continue;
    features.push({
      type: 'Feature',
      properties: { id: r.id, stage: r.stage, precision: r.precision },
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

/** The clusters' outlines (those with a hull), keyed `<stage>/<n>`, of every stage. */
export function hullFeatures(clusters: MapFrame['clusters']): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const st of Object.values(clusters ?? {})) {
    for (const c of st.clusters) {
      if (!c.hull) continue;
      features.push({
        type: 'Feature',
        properties: {
          key: `${c.stage}/${c.id}`,
          // The cluster's first member: what a click selects, whatever number the cluster has by then.
          anchor: c.memberIds[0],
          stage: c.stage,
          members: c.memberIds.length,
          approx: isApproximateCluster(c),
        },
        geometry: c.hull,
      });
    }
  }
  return { type: 'FeatureCollection', features };
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
