/** Shared by the parse and normalize tests: a good enterprise row, and GeoJSON wrappers. */
export const feature = (
  properties: Record<string, unknown>,
  coordinates: [number, number] | null = [117.9, 28.45],
) => ({
  type: 'Feature',
  properties,
  geometry: coordinates ? { type: 'Point', coordinates } : null,
});
export const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
export const base = {
  id: 'a1',
  name: '某铜业',
  stage: 'midstream',
  segment: 'processing',
  county: '361104',
  source: 'test',
};
