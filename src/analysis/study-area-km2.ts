import { area } from '@turf/area';
import { convertArea } from '@turf/helpers';

/** A study region: a (Multi)Polygon geometry, a Feature of one, or a FeatureCollection of them. */
export type StudyArea =
  | GeoJSON.Polygon
  | GeoJSON.MultiPolygon
  | GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>
  | GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;

/**
 * Area of the study region in km², computed exactly as `@turf/nearest-neighbor-analysis` does:
 * `convertArea(area(studyArea), 'meters', 'kilometers')` — `@turf/area`'s spherical-excess formula
 * (earth radius 6378137 m), holes subtracted; a FeatureCollection sums its features.
 */
export function studyAreaKm2(studyArea: StudyArea): number {
  return convertArea(area(studyArea), 'meters', 'kilometers');
}
