/**
 * Coordinate reference systems of imported coordinates. Everything the app stores and shows is WGS84;
 * Amap/Tencent geocodes are GCJ-02 and Baidu geocodes BD-09, converted on import with gcoord
 * (approximate, ~1–5 m). Near Shangrao GCJ-02 → WGS84 moves a point about 500 m west and 360 m north.
 */
import gcoord from 'gcoord';

export const CRS_NAMES = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_NAMES)[number];

const CRS_ALIASES: Record<string, Crs> = {
  wgs84: 'wgs84',
  wgs1984: 'wgs84',
  epsg4326: 'wgs84',
  '4326': 'wgs84',
  cgcs2000: 'wgs84', // CGCS2000 differs from WGS84 by well under a metre
  epsg4490: 'wgs84',
  '4490': 'wgs84',
  天地图: 'wgs84',
  gps: 'wgs84',
  gcj02: 'gcj02',
  gcj: 'gcj02',
  高德: 'gcj02',
  高德地图: 'gcj02',
  amap: 'gcj02',
  腾讯: 'gcj02',
  腾讯地图: 'gcj02',
  tencent: 'gcj02',
  火星坐标: 'gcj02',
  国测局: 'gcj02',
  bd09: 'bd09',
  bd09ll: 'bd09',
  百度: 'bd09',
  百度地图: 'bd09',
  baidu: 'bd09',
};

/**
 * Map a coordinate-system name as found in a registry (WGS84, CGCS2000, GCJ-02, 高德, 腾讯, BD-09, 百度…;
 * case-, space- and punctuation-insensitive) to a Crs. Undefined when not recognised.
 */
export function parseCrsName(s: string): Crs | undefined {
  const k = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_./()（）]+/g, '')
    .replace(/坐标系?$/, '');
  return CRS_ALIASES[k];
}

/** Convert a lon/lat pair in `crs` to WGS84. */
export function toWGS84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  const [x, y] = gcoord.transform([lon, lat] as [number, number], from, gcoord.WGS84) as [number, number];
  return [x, y];
}

/**
 * Convert many lon/lat pairs in `crs` to WGS84, in place: one gcoord call over a MultiPoint (issue 7's
 * import, 100,000 rows), the very conversion `toWGS84` applies to each pair, without its per-call checks.
 */
export function toWGS84InPlace(points: [number, number][], crs: Crs): void {
  if (crs === 'wgs84' || points.length === 0) return;
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  gcoord.transform({ type: 'MultiPoint', coordinates: points }, from, gcoord.WGS84);
}
