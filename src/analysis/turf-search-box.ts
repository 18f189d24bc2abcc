import { degreesToRadians } from '@turf/helpers';

/**
 * The bounding box `@turf/clusters-dbscan` 7.4 searches around (x, y) for candidate neighbours, with
 * exactly its operations: ±latDeg in latitude, clamped to ±90; in longitude ±latDeg widened by
 * 1/cos of the box's latitude edge farther from the equator (not widened when the box straddles the
 * equator), clamped to ±360. Turf keeps the points with minX ≤ x ≤ maxX and minY ≤ y ≤ maxY (edges
 * included) and only then measures the distance.
 *
 * Writes [minX, minY, maxX, maxY] to box[at … at + 3] (no object per query in the hot loops) and
 * returns the longitude half-width before clamping.
 *
 * @param latDeg Turf's `lengthToDegrees(maxDistance, units)`
 */
export function turfSearchBox(x: number, y: number, latDeg: number, box: Float64Array, at: number): number {
  const minY = Math.max(y - latDeg, -90);
  const maxY = Math.min(y + latDeg, 90);
  let lonDeg: number;
  if (minY < 0 && maxY > 0) lonDeg = latDeg;
  else if (Math.abs(minY) < Math.abs(maxY)) lonDeg = latDeg / Math.cos(degreesToRadians(maxY));
  else lonDeg = latDeg / Math.cos(degreesToRadians(minY));
  box[at] = Math.max(x - lonDeg, -360);
  box[at + 1] = minY;
  box[at + 2] = Math.min(x + lonDeg, 360);
  box[at + 3] = maxY;
  return lonDeg;
}
