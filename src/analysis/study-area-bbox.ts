import type { StudyArea } from './study-area-km2.ts';

/**
 * Bounding box [west, south, east, north] (degrees) of every coordinate of a study area
 * (Polygon, MultiPolygon, Feature or FeatureCollection of them); null when it has no coordinates.
 */
export function studyAreaBbox(studyArea: StudyArea): [number, number, number, number] | null {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const geoms: (GeoJSON.Polygon | GeoJSON.MultiPolygon)[] =
    studyArea.type === 'FeatureCollection'
      ? studyArea.features.map((f) => f.geometry)
      : studyArea.type === 'Feature'
        ? [studyArea.geometry]
        : [studyArea];
  for (const g of geoms) {
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys)
      for (const ring of poly)
        for (const p of ring) {
          const x = p[0]!;
          const y = p[1]!;
          if (x < box[0]) box[0] = x;
          if (y < box[1]) box[1] = y;
          if (x > box[2]) box[2] = x;
          if (y > box[3]) box[3] = y;
        }
  }
  return box[0] <= box[2] ? box : null;
}
