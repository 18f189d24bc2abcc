/**
 * Convex hull of the points `members` of `coords` (planar in lon/lat degrees, like `@turf/convex`),
 * by Andrew's monotone chain, O(m log m). Returns the closed counter-clockwise ring
 * [[lon, lat], …, first] or null when the points are fewer than 3 distinct or all collinear.
 *
 * @param coords interleaved WGS84 degrees [lon0, lat0, …]
 * @param members indices of the points to enclose
 */
export function convexHull(coords: Float64Array, members: ArrayLike<number>): [number, number][] | null {
  const m = members.length;
  if (m < 3) return null;
  const idx = Array.from(members).sort(
    (a, b) => coords[2 * a]! - coords[2 * b]! || coords[2 * a + 1]! - coords[2 * b + 1]!,
  );
  const cross = (o: number, a: number, b: number): number =>
    (coords[2 * a]! - coords[2 * o]!) * (coords[2 * b + 1]! - coords[2 * o + 1]!) -
    (coords[2 * a + 1]! - coords[2 * o + 1]!) * (coords[2 * b]! - coords[2 * o]!);
  const hull: number[] = [];
  for (const p of idx) {
    while (hull.length >= 2 && cross(hull[hull.length - 2]!, hull[hull.length - 1]!, p) <= 0) hull.pop();
    hull.push(p);
  }
  const lowerLen = hull.length + 1;
  for (let t = idx.length - 2; t >= 0; t--) {
    const p = idx[t]!;
    while (hull.length >= lowerLen && cross(hull[hull.length - 2]!, hull[hull.length - 1]!, p) <= 0)
      hull.pop();
    hull.push(p);
  }
  hull.pop();
  if (hull.length < 3) return null;
  const ring = hull.map((i): [number, number] => [coords[2 * i]!, coords[2 * i + 1]!]);
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}
