import { factors } from '@turf/helpers';

/** Kilometres per radian, exactly as `@turf/helpers` (earthRadius 6371008.8 m / 1000). */
export const KM_PER_RADIAN: number = factors.kilometers as number;

/**
 * The one copy of `@turf/distance` 7.4's haversine (default units, km), with exactly its
 * floating-point operations, so results are bit-identical:
 *
 *   a = sin²(Δφ/2) + sin²(Δλ/2)·cos φ1·cos φ2,   d = 2·atan2(√a, √(1−a)) · 6371.0088 km
 *
 * It takes what Turf computes first, so loops can keep cos φ per point:
 * @param dLonDeg λ2 − λ1 and
 * @param dLatDeg φ2 − φ1, in degrees, with Turf's `from` as point 1 (the order matters in the last bit);
 *   converted here as (deg % 360)·π/180, like Turf's `degreesToRadians`
 * @param cosLat1 Math.cos(degreesToRadians(φ1)) and
 * @param cosLat2 Math.cos(degreesToRadians(φ2)), multiplied in this order
 */
export function haversineKm(dLonDeg: number, dLatDeg: number, cosLat1: number, cosLat2: number): number {
  const dLat = ((dLatDeg % 360) * Math.PI) / 180;
  const dLon = ((dLonDeg % 360) * Math.PI) / 180;
  const a =
    // biome-ignore lint/style/useExponentiationOperator: same operations as Turf, for bit-identical results
    Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * cosLat1 * cosLat2;
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * KM_PER_RADIAN;
}
