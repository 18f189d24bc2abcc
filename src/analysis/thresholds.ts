/**
 * Every threshold and tolerance of the agglomeration analysis, in one place
 * (definitions: shared/docs/domain.md, "Agglomeration: what the numbers mean").
 * Pure constants: imports nothing.
 */

/**
 * Location precisions fine enough for the spatial figures (DBSCAN, Clark–Evans, co-location, hexagons).
 * A `county`-precision point is the county's label point: it says which county, not where, and a
 * county's such points would sit on one spot and form an artificial cluster. Such records are still
 * drawn (as approximate), listed, and counted in the location quotients and chain completeness.
 */
export const SPATIAL_PRECISIONS: ReadonlySet<string> = new Set(['exact', 'street', 'township', 'zone']);

/**
 * Location precisions fine enough to place a record without a zone id inside a zone's real boundary.
 * A township- or county-level point is a few km off at best: it must not join a zone by containment.
 */
export const CONTAINMENT_PRECISIONS: ReadonlySet<string> = new Set(['exact', 'street']);

/** A stage with fewer located, visible enterprises than this has level `none` (too few to judge). */
export const LEVEL_MIN_POINTS = 5;

/** `high`: R < HIGH_MAX_R and z < HIGH_MAX_Z and clustered share S ≥ HIGH_MIN_SHARE. */
export const HIGH_MAX_R = 0.5;
/** z-score bound for `high` (one-sided 0.5 % significance). */
export const HIGH_MAX_Z = -2.58;
/** Minimum clustered share S (members of DBSCAN clusters / located points) for `high`. */
export const HIGH_MIN_SHARE = 0.6;

/** `medium`: R < MEDIUM_MAX_R and z < MEDIUM_MAX_Z (otherwise `low`). */
export const MEDIUM_MAX_R = 1;
/** z-score bound for `medium` (one-sided 2.5 % significance). */
export const MEDIUM_MAX_Z = -1.96;

/** A county's location quotient above this reads as "specialised" in the stage. */
export const LQ_SPECIALISED = 1.25;

/**
 * Chain completeness: a stage that is present (count ≥ 1) is THIN when
 * count < THIN_MIN_COUNT, or count / (chain total of the zone or county) < THIN_MIN_SHARE.
 * A stage with count 0 is a GAP (not thin). Both are investment-promotion targets.
 */
export const THIN_MIN_COUNT = 2;
/** See THIN_MIN_COUNT. */
export const THIN_MIN_SHARE = 0.1;

/**
 * Co-location quotient: two neighbours of a point are "tied" for nearest when their distances
 * differ by at most this many km (1 µm), which absorbs floating-point noise of the haversine
 * formula; points at identical coordinates are exact ties.
 */
export const CLQ_TIE_TOLERANCE_KM = 1e-9;
