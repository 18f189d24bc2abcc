/**
 * The generator's and the validator's view of geodata/ (Node only): read from the same files the app
 * serves, so there is one copy of every boundary and point.
 *
 * - counties.geojson: the 12 county polygons (the generator keeps each point inside its county) and
 *   their label points (`label_lon`/`label_lat`: 'county'-precision points);
 * - townships.geojson: township seats (kind 'township') as generator anchors, and per county the seat
 *   point (kind 'county-seat') or, where none is known, the label point (kind 'county-label');
 * - generator/places.geojson (not served): GeoNames populated places used as anchors where a county has
 *   fewer than 3 matched township seats (信州区 has none);
 * - shangrao-prefecture.geojson: the prefecture's bounding box (the validator's extent).
 *
 * Every point is a GeoNames township/county seat, populated place or a representative label point, never
 * an enterprise, park or mine location. `npm run geodata:build` writes all of these files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const GEODATA_DIR = path.resolve(import.meta.dirname, '..', '..', 'geodata');

/** A township seat (kind 'township': NBS 2023 township matched to GeoNames by exact name) or, where a
 * county has fewer than 3 matched seats, a GeoNames populated place inside it (kind 'place'). */
export interface Anchor {
  name: string;
  nameEn: string;
  county: string;
  lon: number;
  lat: number;
  kind: 'township' | 'place';
  ref: string;
}

/** County seat (GeoNames, kind 'seat') or, where none is known, the county's label point (kind 'label'). */
export interface CountyPoint {
  county: string;
  lon: number;
  lat: number;
  kind: 'seat' | 'label';
  name: string;
  ref: string;
}

type Ring = readonly (readonly [number, number])[];

export interface GeneratorGeodata {
  /** Township seats in file order, then the places; per county in that order too. */
  anchors: readonly Anchor[];
  countySeats: readonly CountyPoint[];
  /** Representative point inside each county polygon (labels and 'county'-precision points). */
  countyLabelPoints: Readonly<Record<string, readonly [number, number]>>;
  /** Each county's polygon(s) as MultiPolygon coordinates. */
  countyShapes: Readonly<Record<string, readonly (readonly Ring[])[]>>;
}

type Props = Record<string, unknown>;
type FC = { features: { properties: Props; geometry: GeoJSON.Geometry }[] };

function read(dir: string, file: string): FC {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as FC;
}

const pointOf = (g: GeoJSON.Geometry) => (g as GeoJSON.Point).coordinates as [number, number];

function anchor(p: Props, g: GeoJSON.Geometry, kind: Anchor['kind'], ref: string): Anchor {
  const [lon, lat] = pointOf(g);
  return {
    name: String(p.name_zh),
    nameEn: String(p.name_en),
    county: String(p.county),
    lon,
    lat,
    kind,
    ref,
  };
}

/** `load`, run once per geodata folder (default geodata/). */
function oncePerDir<T>(load: (dir: string) => T): (dir?: string) => T {
  const cache = new Map<string, T>();
  return (dir = GEODATA_DIR) => {
    if (!cache.has(dir)) cache.set(dir, load(dir));
    return cache.get(dir)!;
  };
}

/** What the sample generator needs from geodata/ (read once per folder). */
export const generatorGeodata = oncePerDir((dir): GeneratorGeodata => {
  const anchors: Anchor[] = [];
  const countySeats: CountyPoint[] = [];
  for (const { properties: p, geometry: g } of read(dir, 'townships.geojson').features) {
    if (p.kind === 'township') {
      anchors.push(anchor(p, g, 'township', `GeoNames ${p.geonameid}, NBS ${p.nbs_code}`));
      continue;
    }
    const [lon, lat] = pointOf(g);
    const seat = p.kind === 'county-seat';
    countySeats.push({
      county: String(p.county),
      lon,
      lat,
      kind: seat ? 'seat' : 'label',
      name: seat ? `${p.place_en} (GeoNames ${p.geonameid})` : `${p.name_zh} label point`,
      ref: seat ? `GeoNames ${p.geonameid}` : 'label point',
    });
  }
  for (const { properties: p, geometry: g } of read(dir, 'generator/places.geojson').features) {
    anchors.push(anchor(p, g, 'place', `GeoNames ${p.geonameid} (${p.feature_code})`));
  }
  const countyLabelPoints: Record<string, readonly [number, number]> = {};
  const countyShapes: Record<string, readonly (readonly Ring[])[]> = {};
  for (const { properties: p, geometry: g } of read(dir, 'counties.geojson').features) {
    const adcode = String(p.adcode);
    countyLabelPoints[adcode] = [Number(p.label_lon), Number(p.label_lat)];
    const poly = g as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    countyShapes[adcode] = (poly.type === 'Polygon'
      ? [poly.coordinates]
      : poly.coordinates) as unknown as Ring[][];
  }
  return { anchors, countySeats, countyLabelPoints, countyShapes };
});

/** Bounding box of the Shangrao prefecture polygon [west, south, east, north], WGS84 (read once). */
export const shangraoBbox = oncePerDir((dir): readonly [number, number, number, number] => {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of read(dir, 'shangrao-prefecture.geojson').features) {
    visit((f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon).coordinates);
  }
  return b;
});
