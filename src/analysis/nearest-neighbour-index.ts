import { nearestNeighbours } from './nearest-neighbours.ts';
import type { NearestNeighbour } from './types.ts';

/**
 * Clark–Evans nearest-neighbour index of n points in a study region of `areaKm2` km², with exactly
 * the arithmetic of `@turf/nearest-neighbor-analysis` 7.4 (units km):
 *
 *   d̄_obs = Σ_i d_i / n   (d_i: haversine distance to the nearest other point, km, summed in input order;
 *                          0 for a point sharing its exact coordinates with another)
 *   ρ = n / A,   d̄_exp = 1 / (2·√ρ)  [= 0.5 / √(n/A)],   SE = 0.26136 / √(n·ρ)  [= 0.26136 / √(n²/A)]
 *   R = d̄_obs / d̄_exp,   z = (d̄_obs − d̄_exp) / SE
 *
 * R < 1 clustered, ≈ 1 random, > 1 dispersed. Degenerate inputs give nulls, never NaN: n < 2 (no
 * nearest neighbour) ⇒ every figure null; A not > 0 or not finite ⇒ expected, R and z null.
 *
 * @param coords interleaved WGS84 degrees [lon0, lat0, …]
 * @param areaKm2 study-region area, km² (see studyAreaKm2; never the points' bounding box)
 * @param distKm optional precomputed nearest-neighbour distances (from nearestNeighbours)
 */
export function nearestNeighbourIndex(
  coords: Float64Array,
  areaKm2: number,
  distKm?: Float64Array,
): NearestNeighbour {
  const n = coords.length >> 1;
  const result: NearestNeighbour = {
    n,
    areaKm2,
    observedMeanKm: null,
    expectedMeanKm: null,
    R: null,
    z: null,
  };
  if (n < 2) return result;
  const d = distKm ?? nearestNeighbours(coords).distKm;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d[i]!;
  const observed = sum / n;
  result.observedMeanKm = Number.isFinite(observed) ? observed : null;
  if (!(areaKm2 > 0) || !Number.isFinite(areaKm2) || result.observedMeanKm === null) return result;
  const density = n / areaKm2;
  const expected = 1 / (2 * Math.sqrt(density));
  const variance = 0.26136 / Math.sqrt(n * density);
  const R = observed / expected;
  const z = (observed - expected) / variance;
  result.expectedMeanKm = Number.isFinite(expected) && expected > 0 ? expected : null;
  result.R = result.expectedMeanKm !== null && Number.isFinite(R) ? R : null;
  result.z = result.expectedMeanKm !== null && Number.isFinite(z) ? z : null;
  return result;
}
