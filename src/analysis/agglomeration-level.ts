import {
  HIGH_MAX_R,
  HIGH_MAX_Z,
  HIGH_MIN_SHARE,
  LEVEL_MIN_POINTS,
  MEDIUM_MAX_R,
  MEDIUM_MAX_Z,
} from './thresholds.ts';
import type { Level } from './types.ts';

/**
 * Agglomeration level of a stage from its located point count n, Clark–Evans R, z-score and
 * clustered share S (members of DBSCAN clusters / n), with the thresholds of thresholds.ts:
 *
 *   none   if n < 5 (too few to judge), or R / z undefined (null: e.g. no study area);
 *   high   if R < 0.5 and z < −2.58 and S ≥ 0.6;
 *   medium if R < 1 and z < −1.96;
 *   low    otherwise.
 */
export function agglomerationLevel(
  n: number,
  R: number | null,
  z: number | null,
  share: number | null,
): Level {
  if (n < LEVEL_MIN_POINTS || R === null || z === null) return 'none';
  if (R < HIGH_MAX_R && z < HIGH_MAX_Z && share !== null && share >= HIGH_MIN_SHARE) return 'high';
  if (R < MEDIUM_MAX_R && z < MEDIUM_MAX_Z) return 'medium';
  return 'low';
}
