import { SPATIAL_PRECISIONS } from './thresholds.ts';
import type { AnalysisRecord } from './types.ts';

/**
 * Whether a record enters the spatial figures (clusters, nearest-neighbour and co-location indices,
 * hexagons): located with finite coordinates, at a precision finer than county level (a county-level
 * point is only the county's label point). A record without a precision counts as exact.
 */
export function isSpatial(r: Pick<AnalysisRecord, 'lon' | 'lat' | 'precision'>): boolean {
  if (r.lon === null || r.lat === null || !Number.isFinite(r.lon) || !Number.isFinite(r.lat)) return false;
  return r.precision === undefined || SPATIAL_PRECISIONS.has(r.precision);
}
