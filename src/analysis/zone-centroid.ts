import { centroid } from '@turf/centroid';
import type { Zone } from '../data/types.ts';

/**
 * Where the investment-promotion list measures a zone's candidates from: Turf `centroid` (mean of the
 * vertices) of its polygon, or its point; null for a zone without a location (precision `none`, e.g. a
 * zone known only by name from a registry, which has no geometry).
 */
export function zoneCentroid(z: Pick<Zone, 'geometry' | 'precision'>): [number, number] | null {
  if (z.precision === 'none' || !z.geometry) return null;
  const [lon, lat] = centroid(z.geometry).geometry.coordinates as [number, number];
  return Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}
