import { factors } from '@turf/helpers';

/** Kilometres per radian, exactly as `@turf/helpers` (earthRadius 6371008.8 m / 1000). */
export const KM_PER_RADIAN: number = factors.kilometers as number;

/**
 * Great-circle (haversine) distance in km between (lon1, lat1) and (lon2, lat2), in WGS84 degrees,
 * computed with exactly the floating-point operations of `@turf/distance` 7.4 with the default units,
 * so results are bit-identical (argument order matters in the last bit: the first point is Turf's `from`):
 *
 *   a = sin²(Δφ/2) + sin²(Δλ/2)·cos φ1·cos φ2,   d = 2·atan2(√a, √(1−a)) · 6371.0088 km
 *
 * where every angle is converted as (deg % 360)·π/180.
 */
export function turfDistanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (((lat2 - lat1) % 360) * Math.PI) / 180;
  const dLon = (((lon2 - lon1) % 360) * Math.PI) / 180;
  const phi1 = ((lat1 % 360) * Math.PI) / 180;
  const phi2 = ((lat2 % 360) * Math.PI) / 180;
  const a =
    // biome-ignore lint/style/useExponentiationOperator: same operations as Turf, for bit-identical results
    Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * Math.cos(phi1) * Math.cos(phi2);
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * KM_PER_RADIAN;
}
