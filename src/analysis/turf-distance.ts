import { degreesToRadians } from '@turf/helpers';
import { haversineKm } from './haversine.ts';

/**
 * Great-circle distance in km between (lon1, lat1) and (lon2, lat2), in WGS84 degrees, bit-identical
 * to `@turf/distance` 7.4 with the default units (see haversineKm; the first point is Turf's `from`).
 */
export function turfDistanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return haversineKm(
    lon2 - lon1,
    lat2 - lat1,
    Math.cos(degreesToRadians(lat1)),
    Math.cos(degreesToRadians(lat2)),
  );
}
