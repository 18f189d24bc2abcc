import { turfDistanceKm } from './turf-distance.ts';

export type HexCellProperties = Record<string, number> & { total: number };

/**
 * Hexagon density grid: counts points per category per cell of the grid that `@turf/hex-grid` 7.4
 * builds over `bbox` with `cellSide` km (same centres, same vertices, bit for bit), returning only the
 * non-empty cells. Points are assigned arithmetically in O(1) each — in the grid's normalised space
 * (x / (cellWidth/2), y / (cellHeight/2)) the cells are regular hexagons, so the containing cell is the
 * nearest centre among three candidate columns — instead of testing points against hexagons.
 * Points outside every generated hexagon (Turf's grid leaves margins: pad the bbox) are not counted.
 *
 * @param coords interleaved WGS84 degrees [lon0, lat0, …]
 * @param categories category (0 … names.length − 1) per point
 * @param names property name of each category; `total` is added
 * @param bbox [west, south, east, north] degrees
 * @param cellSideKm hexagon side, km (Turf's cellSide; x and y scales from distances along the bbox's
 *   centre lines, so cells are in degrees and not exactly regular on the ground)
 */
export function hexDensity(
  coords: Float64Array,
  categories: ArrayLike<number>,
  names: readonly string[],
  bbox: [number, number, number, number],
  cellSideKm: number,
): GeoJSON.FeatureCollection<GeoJSON.Polygon, HexCellProperties> {
  const out: GeoJSON.FeatureCollection<GeoJSON.Polygon, HexCellProperties> = {
    type: 'FeatureCollection',
    features: [],
  };
  const n = coords.length >> 1;
  const [west, south, east, north] = bbox;
  if (n === 0 || !(cellSideKm > 0) || !(east > west) || !(north > south)) return out;
  // Turf's grid parameters, same operations.
  const centerY = (south + north) / 2;
  const centerX = (west + east) / 2;
  const xFraction = (cellSideKm * 2) / turfDistanceKm(west, centerY, east, centerY);
  const cellWidth = xFraction * (east - west);
  const yFraction = (cellSideKm * 2) / turfDistanceKm(centerX, south, centerX, north);
  const cellHeight = yFraction * (north - south);
  const radius = cellWidth / 2;
  const hex_width = radius * 2;
  const hex_height = (Math.sqrt(3) / 2) * cellHeight;
  const box_width = east - west;
  const box_height = north - south;
  const x_interval = (3 / 4) * hex_width;
  const y_interval = hex_height;
  const x_span = (box_width - hex_width) / (hex_width - radius / 2);
  const x_count = Math.floor(x_span);
  const x_adjust = (x_count * x_interval - radius / 2 - box_width) / 2 - radius / 2 + x_interval / 2;
  const y_count = Math.floor((box_height - hex_height) / hex_height);
  let y_adjust = (box_height - y_count * hex_height) / 2;
  const hasOffsetY = y_count * hex_height - box_height > hex_height / 2;
  if (hasOffsetY) y_adjust -= hex_height / 4;
  const cosines: number[] = [];
  const sines: number[] = [];
  for (let i = 0; i < 6; i++) {
    const angle = ((2 * Math.PI) / 6) * i;
    cosines.push(Math.cos(angle));
    sines.push(Math.sin(angle));
  }
  const rx = cellWidth / 2;
  const ry = cellHeight / 2;
  const x0 = west - x_adjust;
  const y0 = south + y_adjust;
  const SQ3 = Math.sqrt(3);
  const k = names.length;
  const rows = y_count + 1;
  const cells = new Map<number, Float64Array>();
  for (let i = 0; i < n; i++) {
    const u = (coords[2 * i]! - x0) / rx;
    const v = (coords[2 * i + 1]! - y0) / ry;
    const xc = Math.round(u / 1.5);
    let best = Number.POSITIVE_INFINITY;
    let bx = 0;
    let by = 0;
    for (let x = xc - 1; x <= xc + 1; x++) {
      const shift = (x & 1) === 1 ? SQ3 / 2 : 0;
      const y = Math.round((v + shift) / SQ3);
      const du = u - 1.5 * x;
      const dv = v - (SQ3 * y - shift);
      const d = du * du + dv * dv;
      if (d < best) {
        best = d;
        bx = x;
        by = y;
      }
    }
    if (bx < 0 || bx > x_count || by < 0 || by > y_count) continue;
    if (by === 0 && ((bx & 1) === 1 || hasOffsetY)) continue;
    const key = bx * rows + by;
    let c = cells.get(key);
    if (!c) {
      c = new Float64Array(k);
      cells.set(key, c);
    }
    c[categories[i]!]! += 1;
  }
  for (const key of [...cells.keys()].sort((a, b) => a - b)) {
    const counts = cells.get(key)!;
    const x = Math.floor(key / rows);
    const y = key - x * rows;
    const center_x = x * x_interval + west - x_adjust;
    let center_y = y * y_interval + south + y_adjust;
    if (x % 2 === 1) center_y -= hex_height / 2;
    const ring: number[][] = [];
    for (let t = 0; t < 6; t++) ring.push([center_x + rx * cosines[t]!, center_y + ry * sines[t]!]);
    ring.push(ring[0]!.slice());
    const properties = { total: 0 } as HexCellProperties;
    for (let c = 0; c < k; c++) {
      (properties as Record<string, number>)[names[c]!] = counts[c]!;
      properties.total += counts[c]!;
    }
    out.features.push({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  return out;
}
