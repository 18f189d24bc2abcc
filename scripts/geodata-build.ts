/**
 * npm run geodata:build — turns the shared, documented source layers in ../shared/geodata-sources into
 * the compact files the app loads from geodata/ (and the generator's extra anchors, geodata/generator/).
 *
 * Nothing is digitised or guessed here: every coordinate comes from a source file; the script only
 * selects, rounds, simplifies (Douglas–Peucker, stated tolerances) and renames properties.
 * See geodata/SOURCES.md for what each output contains.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { COUNTIES } from '../src/data/counties.ts';
import { featureCollectionToText } from '../src/data/serialize.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const SRC = path.resolve(repoRoot, '..', 'shared', 'geodata-sources');
const OUT = path.join(repoRoot, 'geodata');

type Pos = number[];
type Geom = GeoJSON.Geometry;
type Props = Record<string, unknown>;
interface FC {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Props; geometry: Geom }[];
}

function readJSON(rel: string): FC {
  return JSON.parse(readFileSync(path.join(SRC, rel), 'utf8')) as FC;
}

function readCSV(rel: string): Record<string, string>[] {
  const lines = readFileSync(path.join(SRC, rel), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (q) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') q = false;
        else cur += ch;
      } else if (ch === '"') q = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const [head, ...rows] = lines;
  const cols = split(head ?? '');
  return rows.map((l) => {
    const cells = split(l);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

const round = (x: number, d: number) => {
  const f = 10 ** d;
  return Math.round(x * f) / f;
};

/** Perpendicular distance (in degrees, planar) of p from segment a–b. */
function segDist(p: Pos, a: Pos, b: Pos): number {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas–Peucker on an open line (keeps both ends). */
function dp(line: Pos[], tol: number): Pos[] {
  if (line.length <= 2 || tol <= 0) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop()!;
    let max = -1;
    let idx = -1;
    for (let i = s + 1; i < e; i++) {
      const d = segDist(line[i]!, line[s]!, line[e]!);
      if (d > max) {
        max = d;
        idx = i;
      }
    }
    if (max > tol && idx > 0) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

function roundLine(line: Pos[], d: number): Pos[] {
  const out: Pos[] = [];
  for (const p of line) {
    const q = [round(p[0]!, d), round(p[1]!, d)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Simplify a closed ring: split at the farthest vertex from the start so both halves keep their shape. */
function ring(r: Pos[], tol: number, d: number): Pos[] | null {
  let pts = r;
  if (tol > 0 && r.length > 8) {
    const open = r.slice(0, -1);
    let far = 1;
    let best = -1;
    for (let i = 1; i < open.length; i++) {
      const dd = Math.hypot(open[i]![0]! - open[0]![0]!, open[i]![1]! - open[0]![1]!);
      if (dd > best) {
        best = dd;
        far = i;
      }
    }
    const a = dp(open.slice(0, far + 1), tol);
    const b = dp([...open.slice(far), open[0]!], tol);
    pts = [...a.slice(0, -1), ...b];
  }
  const out = roundLine(pts, d);
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0]!, first[1]!]);
  return out.length >= 4 ? out : null;
}

function polygon(rings: Pos[][], tol: number, d: number): Pos[][] | null {
  const outer = ring(rings[0] ?? [], tol, d);
  if (!outer) return null;
  const holes = rings
    .slice(1)
    .map((h) => ring(h, tol, d))
    .filter((h): h is Pos[] => h !== null);
  return [outer, ...holes];
}

function shrink(g: Geom, tol: number, d: number): Geom | null {
  switch (g.type) {
    case 'Polygon': {
      const p = polygon(g.coordinates, tol, d);
      return p ? { type: 'Polygon', coordinates: p } : null;
    }
    case 'MultiPolygon': {
      const ps = g.coordinates.map((p) => polygon(p, tol, d)).filter((p): p is Pos[][] => p !== null);
      if (ps.length === 0) return null;
      return ps.length === 1
        ? { type: 'Polygon', coordinates: ps[0]! }
        : { type: 'MultiPolygon', coordinates: ps };
    }
    case 'LineString': {
      const l = roundLine(dp(g.coordinates, tol), d);
      return l.length >= 2 ? { type: 'LineString', coordinates: l } : null;
    }
    case 'MultiLineString': {
      const ls = g.coordinates.map((l) => roundLine(dp(l, tol), d)).filter((l) => l.length >= 2);
      if (ls.length === 0) return null;
      return ls.length === 1
        ? { type: 'LineString', coordinates: ls[0]! }
        : { type: 'MultiLineString', coordinates: ls };
    }
    case 'Point':
      return { type: 'Point', coordinates: [round(g.coordinates[0]!, d), round(g.coordinates[1]!, d)] };
    default:
      throw new Error(`unexpected geometry ${g.type}`);
  }
}

function km2(g: Geom): number {
  return round(area({ type: 'Feature', properties: {}, geometry: g }) / 1e6, 1);
}

function write(
  name: string,
  fc: { type: 'FeatureCollection'; features: unknown[] } & Record<string, unknown>,
) {
  const text = featureCollectionToText(fc);
  writeFileSync(path.join(OUT, name), text);
  console.log(
    `${name.padEnd(30)} ${fc.features.length.toString().padStart(4)} features  ${(text.length / 1024).toFixed(1)} KB`,
  );
}

// Tolerances (degrees) and decimals, stated in geodata/SOURCES.md.
const COUNTY_DECIMALS = 5;
const NEIGHBOUR_TOL = 0.003;
const NEIGHBOUR_DECIMALS = 4;
const WATER_TOL = 0.002;
const WATER_DECIMALS = 4;

mkdirSync(path.join(OUT, 'licenses'), { recursive: true });

// ---------------------------------------------------------------- gazetteer (names, label points, seats)
const gaz = readCSV('gazetteer/county_units_shangrao_yingtan.csv').filter(
  (r) => r.prefecture_adcode === '361100',
);
const gazBy = new Map(gaz.map((r) => [r.adcode!, r]));
for (const c of COUNTIES) {
  const g = gazBy.get(c.adcode);
  if (!g) throw new Error(`gazetteer lacks ${c.adcode}`);
  if (g.name_zh !== c.nameZh || g.name_en !== c.nameEn)
    throw new Error(`src/data/counties.ts disagrees with gazetteer for ${c.adcode}`);
}

// ---------------------------------------------------------------- counties
const countiesSrc = readJSON('boundaries/shangrao_counties.mapchina-osm.geojson');
const countyFeatures = countiesSrc.features.map((f) => {
  const adcode = String(f.properties.adcode);
  const g = gazBy.get(adcode)!;
  const geometry = shrink(f.geometry, 0, COUNTY_DECIMALS)!;
  return {
    type: 'Feature',
    properties: {
      adcode,
      name_zh: g.name_zh,
      name_en: g.name_en,
      label_lon: Number(g.label_point_lon),
      label_lat: Number(g.label_point_lat),
      area_km2: km2(geometry),
    },
    geometry,
  };
});
write('counties.geojson', { type: 'FeatureCollection', features: countyFeatures });

// ---------------------------------------------------------------- prefecture
const prefSrc = readJSON('boundaries/shangrao_prefecture.mapchina-osm.geojson');
const prefGeom = shrink(prefSrc.features[0]!.geometry, 0, COUNTY_DECIMALS)!;
write('shangrao-prefecture.geojson', {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { adcode: '361100', name_zh: '上饶市', name_en: 'Shangrao', area_km2: km2(prefGeom) },
      geometry: prefGeom,
    },
  ],
});

// ---------------------------------------------------------------- neighbours
/** Conventional pinyin of the neighbouring prefectures (compiled for this project, like the gazetteer's name_en). */
const NEIGHBOUR_EN: Record<string, string> = {
  衢州市: 'Quzhou',
  黄山市: 'Huangshan',
  池州市: 'Chizhou',
  南平市: 'Nanping',
  南昌市: 'Nanchang',
  景德镇市: 'Jingdezhen',
  九江市: 'Jiujiang',
  鹰潭市: 'Yingtan',
  抚州市: 'Fuzhou',
};
const neighbours = readJSON('boundaries/aoi_prefectures.mapchina-osm.geojson')
  .features.filter((f) => f.properties.touches_shangrao === true && f.properties.adcode !== '361100')
  .map((f) => ({
    type: 'Feature',
    properties: {
      adcode: String(f.properties.adcode),
      name_zh: String(f.properties.name_zh),
      name_en: NEIGHBOUR_EN[String(f.properties.name_zh)] ?? null,
      province_zh: String(f.properties.province_zh),
    },
    geometry: shrink(f.geometry, NEIGHBOUR_TOL, NEIGHBOUR_DECIMALS)!,
  }));
write('neighbours.geojson', { type: 'FeatureCollection', features: neighbours });

// ---------------------------------------------------------------- water
const NE_LAKE_ZH: Record<string, string> = { 'Poyang Hu': '鄱阳湖', 'Xinanjiang Shuiku': '新安江水库' };
const NE_RIVER_ZH: Record<string, string> = {
  Yangtze: '长江',
  Gan: '赣江',
  Fuchun: '富春江',
  Min: '闽江',
  Ou: '瓯江',
};
const neLakes = readJSON('water/lakes_aoi.naturalearth10m.geojson').features;
const poyangNE = neLakes.find((f) => f.properties.name === 'Poyang Hu');
if (!poyangNE) throw new Error('Natural Earth lakes lack Poyang Hu');

const gshhgLakes = readJSON('water/lakes_aoi.gshhg.geojson').features;
const water: unknown[] = [];
const GSHHG = 'GSHHG 2.3.7 (Wessel & Smith), LGPL-3+';
const NE = 'Natural Earth 10 m (public domain)';
/** A vertex of `g`'s outer ring lying inside `other` — good enough to detect overlap of these lakes. */
const overlaps = (g: Geom, other: Geom): boolean => {
  const rings =
    g.type === 'Polygon'
      ? [g.coordinates[0]!]
      : g.type === 'MultiPolygon'
        ? g.coordinates.map((p) => p[0]!)
        : [];
  const poly = other as GeoJSON.Polygon | GeoJSON.MultiPolygon;
  return rings.some((r) => r.some((p, i) => i % 3 === 0 && booleanPointInPolygon(p, poly)));
};
const namedNE = neLakes.filter((f) => typeof f.properties.name === 'string');
for (const f of gshhgLakes) {
  // A GSHHG lake takes the name of the Natural Earth lake it overlaps (Poyang Hu, Xinanjiang Shuiku…).
  const ne = namedNE.find((n) => overlaps(f.geometry, n.geometry) || overlaps(n.geometry, f.geometry));
  const name = ne ? String(ne.properties.name) : null;
  const geometry = shrink(f.geometry, WATER_TOL, WATER_DECIMALS);
  if (!geometry) continue;
  water.push({
    type: 'Feature',
    properties: {
      kind: 'lake',
      name,
      name_zh: name ? (NE_LAKE_ZH[name] ?? null) : null,
      source: name ? `${GSHHG}; name from ${NE}` : GSHHG,
      ...(name === 'Poyang Hu'
        ? {
            note: 'GSHHG stores Poyang Lake and the double-lined Yangtze as one water body; one static lake stage',
          }
        : {}),
    },
    geometry,
  });
}
// Natural Earth lakes that no GSHHG polygon already covers (e.g. the Xin'anjiang reservoir).
for (const f of neLakes) {
  if (gshhgLakes.some((g) => overlaps(f.geometry, g.geometry) || overlaps(g.geometry, f.geometry))) continue;
  const geometry = shrink(f.geometry, WATER_TOL, WATER_DECIMALS);
  if (!geometry) continue;
  const name = (f.properties.name as string | null) ?? null;
  water.push({
    type: 'Feature',
    properties: { kind: 'lake', name, name_zh: name ? (NE_LAKE_ZH[name] ?? null) : null, source: NE },
    geometry,
  });
}
for (const f of readJSON('water/rivers_aoi.gshhg-wdbii.geojson').features) {
  const geometry = shrink(f.geometry, WATER_TOL, WATER_DECIMALS);
  if (!geometry) continue;
  water.push({
    type: 'Feature',
    properties: {
      kind: 'river',
      name: null,
      name_zh: null,
      source: `${GSHHG}, WDBII rivers`,
      level: f.properties.gshhg_river_level,
    },
    geometry,
  });
}
for (const f of readJSON('water/rivers_aoi.naturalearth10m.geojson').features) {
  const geometry = shrink(f.geometry, WATER_TOL, WATER_DECIMALS);
  if (!geometry) continue;
  const name = String(f.properties.name);
  water.push({
    type: 'Feature',
    properties: {
      kind: 'river',
      name,
      name_zh: NE_RIVER_ZH[name] ?? null,
      source: NE,
      featurecla: f.properties.featurecla,
    },
    geometry,
  });
}
write('water.geojson', { type: 'FeatureCollection', features: water });

// ---------------------------------------------------------------- townships and county seats
const seats = readJSON('places/township_seats_matched.geonames.geojson').features.filter((f) =>
  String(f.properties.county_adcode).startsWith('3611'),
);
const points: unknown[] = [];
for (const c of COUNTIES) {
  const g = gazBy.get(c.adcode)!;
  const hasSeat = g.seat_lon !== '' && g.seat_lat !== '';
  const weak = g.seat_evidence?.startsWith('WEAK') ?? false;
  const lon = Number(hasSeat ? g.seat_lon : g.label_point_lon);
  const lat = Number(hasSeat ? g.seat_lat : g.label_point_lat);
  const kind = hasSeat ? 'county-seat' : 'county-label';
  points.push({
    type: 'Feature',
    properties: {
      kind,
      name_zh: c.nameZh,
      name_en: c.nameEn,
      county: c.adcode,
      nbs_code: null,
      place_zh: hasSeat
        ? ((g.seat_names_zh ?? '').split('|').find((n) => !/[县区市]$/.test(n)) ?? null)
        : null,
      place_en: hasSeat ? g.seat_name : null,
      geonameid: hasSeat ? Number(g.seat_geonameid) : null,
      evidence: hasSeat
        ? weak
          ? 'weak: GeoNames town named after the county, not confirmed as the seat'
          : 'GeoNames point linked to the county (see SOURCES.md)'
        : 'no seat coordinate in any open source: representative point inside the county polygon, for labels only',
    },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  });
}
for (const f of seats) {
  const p = f.properties;
  const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
  points.push({
    type: 'Feature',
    properties: {
      kind: 'township',
      name_zh: p.name_zh,
      name_en: p.gn_name,
      county: p.county_adcode,
      nbs_code: p.nbs_code,
      geonameid: p.geonameid,
    },
    geometry: { type: 'Point', coordinates: [round(lon, 5), round(lat, 5)] },
  });
}
write('townships.geojson', { type: 'FeatureCollection', features: points });

// Counties with fewer than 3 matched township seats (信州区 has none) get the GeoNames populated places
// lying inside their OSM polygon as generator anchors (kind 'place'): geodata/generator/places.geojson,
// read by scripts/lib/geodata.ts, not served (only top-level files are).
const places = readJSON('places/places_shangrao_yingtan.geonames.geojson').features;
const generatorPlaces: unknown[] = [];
const seatIds = new Set(seats.map((f) => String(f.properties.geonameid)));
for (const c of COUNTIES) {
  if (seats.filter((f) => f.properties.county_adcode === c.adcode).length >= 3) continue;
  for (const f of places) {
    const p = f.properties;
    if (p.inside_county_adcode_mapchina !== c.adcode || seatIds.has(String(p.geonameid))) continue;
    const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
    generatorPlaces.push({
      type: 'Feature',
      properties: {
        kind: 'place',
        name_zh: (p.names_zh as string[]).find((n) => !/[饒]/.test(n)) ?? String(p.name),
        name_en: String(p.name),
        county: c.adcode,
        geonameid: p.geonameid,
        feature_code: p.feature_code,
      },
      geometry: { type: 'Point', coordinates: [round(lon, 5), round(lat, 5)] },
    });
  }
}
mkdirSync(path.join(OUT, 'generator'), { recursive: true });
write('generator/places.geojson', { type: 'FeatureCollection', features: generatorPlaces });

// ---------------------------------------------------------------- licences
for (const f of [
  'CC-BY-4.0.txt',
  'GPL-3.txt',
  'LGPL-3.txt',
  'GSHHG-debian-copyright.txt',
  'DCW-GMT-debian-copyright.txt',
]) {
  writeFileSync(path.join(OUT, 'licenses', f), readFileSync(path.join(SRC, 'licenses', f)));
}
writeFileSync(
  path.join(OUT, 'licenses', 'ODbL-1.0-NOTICE.txt'),
  `Open Database License (ODbL) v1.0
=================================

The boundary files counties.geojson, shangrao-prefecture.geojson and neighbours.geojson are derived from
OpenStreetMap data (via the mapchina R package, GPL-3) and are made available under the
Open Database License v1.0:

  https://opendatacommons.org/licenses/odbl/1-0/

Attribution: © OpenStreetMap contributors (https://www.openstreetmap.org/copyright).
Share-alike: a database derived from these files must be offered under the ODbL as well.

The full licence text was not available offline when these files were built; it is published at the
URL above (summary: https://opendatacommons.org/licenses/odbl/summary/).
`,
);
console.log('licenses/ copied');
