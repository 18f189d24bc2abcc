/** Centre of a geometry's bounding box (where the map flies to show a zone). */
export function bboxCentre(g: GeoJSON.Polygon | GeoJSON.MultiPolygon | GeoJSON.Point): [number, number] {
  if (g.type === 'Point') return g.coordinates as [number, number];
  const pts = (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).flat();
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts as [number, number][]) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}
