/**
 * The seeded SYNTHETIC SAMPLE generator.
 *
 * WHAT IT IS. Public sources reachable for this project have no enterprise or park coordinates, so the map
 * ships with an invented, clearly labelled sample ("示例数据") until a user loads a real registry. The
 * sample is shaped like the picture drawn by the field survey of Shangrao's non-ferrous industry
 * (domain.md): a recycled-copper economy, midstream processing dominant (~57 %) and spread along the
 * development zones, a thin downstream (~13.5 %), upstream scrap recycling dispersed widely, copper mining
 * around two town points in Dexing (德兴) and Yanshan (铅山), ~8 % support services, a handful unclassified.
 *
 * HOW. A mulberry32 PRNG seeded with `seed` (no Math.random, no clock): the same seed and count give
 * byte-identical output. Stage and segment counts are fixed shares of `count` (largest remainder), so the
 * proportions hold exactly; counties are drawn from per-segment weights; each firm is then placed
 *   - `zone` precision: uniformly inside the approximate area of a sample zone of its county (~70 % of
 *     the firms of zone-affine segments), or
 *   - `township` precision: 0.3–2 km from a GeoNames township seat of its county (信州区 has no matched
 *     seat: GeoNames populated places inside it are used), or
 *   (both re-drawn until the point lies inside the county's polygon, geodata/counties.geojson), or
 *   - `county` precision (~2 %): exactly at the county's label point, or
 *   - unlocated, precision `none` (~1.5 %), county kept.
 * Mining firms sit around 泗洲镇 (Sizhou, Dexing) and 永平镇 (Yongping, Yanshan): these are TOWN points from
 * GeoNames, not mine coordinates. Zones: one invented park per county unit (`示例·…工业园区（位置示意）`) plus
 * the real, national-level 上饶经济技术开发区 (id `srjk`), whose location is NOT public: it is drawn as a
 * ~3 km hexagon around the 广信区 seat point (GeoNames Xuri; NBS lists 兴园街道, the zone's street office,
 * under 广信区), with precision `county`. Every zone: realBoundary false.
 *
 * WHAT IT IS NOT. No record describes a real enterprise; no coordinate is a real firm, park or mine
 * location; counts per county or zone mean nothing about the real economy. Every sample name starts with
 * 示例· / "Sample", every source says `synthetic sample (seeded generator, seed N)`. The two firms named in
 * public reporting of the survey are added (option `reportedFirms`, default true) UNLOCATED with county,
 * segment and Chinese name unknown (stage `unclassified`), their source naming the survey.
 */
import { COUNTIES, type CountyAdcode } from '../../src/data/counties.ts';
import { enterprisesToGeoJSON, featureCollectionToText, zonesToGeoJSON } from '../../src/data/serialize.ts';
import {
  type Enterprise,
  type Precision,
  SEGMENT_STAGE,
  SEGMENTS,
  type Segment,
  type Stage,
  type Zone,
  type ZoneLevel,
} from '../../src/data/types.ts';
import { type Anchor, type GeneratorGeodata, generatorGeodata } from './geodata.ts';

export const DEFAULT_SEED = 20261129;
export const DEFAULT_COUNT = 1000;
export const SAMPLE_SOURCE_PREFIX = 'synthetic sample (seeded generator';
export const sampleSource = (seed: number) => `synthetic sample (seeded generator, seed ${seed})`;
/** True for records made by this generator (not for the reported firms it adds). */
export const isSampleRecord = (r: { source: string }) => r.source.startsWith(SAMPLE_SOURCE_PREFIX);

export const REPORTED_FIRMS_SOURCE =
  "Named in public reporting (in English) of the field survey of Shangrao's non-ferrous metal industry by the " +
  'Jiangxi provincial academy of social sciences and the China Nonferrous Metals Industry Association; ' +
  'Chinese name, county, segment and location not verified — unlocated';
const REPORTED_FIRMS = [
  { id: 'survey-jinye', name: 'Jiangxi Jinye Big Copper Technology Co., Ltd.' },
  { id: 'survey-strontium-copper', name: 'Jiangxi Strontium Copper Industry Co., Ltd.' },
];

export interface SampleOptions {
  seed: number;
  count: number;
  /** Add the two firms named in public reporting (unlocated). Default true. They count towards `count`. */
  reportedFirms?: boolean;
  /** Anchors, seats, label points and county polygons; default: read from geodata/. */
  geodata?: GeneratorGeodata;
}

/** mulberry32: tiny, fast, good enough for a sample; deterministic across platforms. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stage shares of the synthetic firms (the survey's picture). */
export const SAMPLE_STAGE_SHARES: Record<Stage, number> = {
  upstream: 0.2,
  midstream: 0.575,
  downstream: 0.135,
  support: 0.08,
  unclassified: 0.01,
};

/** Segment shares within their stage. */
const SEGMENT_SHARES: Record<Segment, number> = {
  scrap: 0.6,
  'raw-trade': 0.25,
  mining: 0.15,
  processing: 0.6,
  casting: 0.25,
  smelting: 0.15,
  'wire-cable': 0.4,
  hardware: 0.25,
  electrical: 0.2,
  'new-energy': 0.15,
  logistics: 0.45,
  service: 0.4,
  park: 0.15,
};

type Weights = Partial<Record<CountyAdcode, number>>;
const MID: Weights = {
  '361104': 20,
  '361102': 6,
  '361103': 7,
  '361123': 6,
  '361124': 10,
  '361125': 10,
  '361126': 10,
  '361127': 9,
  '361128': 8,
  '361129': 6,
  '361130': 3,
  '361181': 5,
};
const DOWN: Weights = {
  '361104': 25,
  '361102': 12,
  '361103': 10,
  '361123': 9,
  '361124': 6,
  '361125': 6,
  '361126': 6,
  '361127': 6,
  '361128': 5,
  '361129': 5,
  '361130': 3,
  '361181': 7,
};
const SCRAP: Weights = {
  '361104': 9,
  '361102': 5,
  '361103': 7,
  '361123': 6,
  '361124': 7,
  '361125': 7,
  '361126': 7,
  '361127': 9,
  '361128': 10,
  '361129': 6,
  '361130': 5,
  '361181': 6,
};
const SUPPORT: Weights = {
  '361104': 20,
  '361102': 15,
  '361103': 6,
  '361123': 6,
  '361124': 6,
  '361125': 6,
  '361126': 6,
  '361127': 6,
  '361128': 6,
  '361129': 6,
  '361130': 4,
  '361181': 6,
};
const FLAT: Weights = Object.fromEntries(COUNTIES.map((c) => [c.adcode, 1]));
const COUNTY_WEIGHTS: Record<Segment | 'none', Weights> = {
  mining: { '361181': 6, '361124': 4 },
  scrap: SCRAP,
  'raw-trade': MID,
  smelting: MID,
  casting: MID,
  processing: MID,
  'wire-cable': DOWN,
  electrical: DOWN,
  hardware: DOWN,
  'new-energy': DOWN,
  park: FLAT,
  logistics: SUPPORT,
  service: SUPPORT,
  none: FLAT,
};
/** Probability that a located firm of the segment sits in a (sample) zone. */
const ZONE_AFFINITY: Record<Segment | 'none', number> = {
  mining: 0,
  scrap: 0.1,
  'raw-trade': 0.4,
  smelting: 0.75,
  casting: 0.7,
  processing: 0.7,
  'wire-cable': 0.6,
  electrical: 0.6,
  hardware: 0.5,
  'new-energy': 0.6,
  park: 0.9,
  logistics: 0.3,
  service: 0.4,
  none: 0.3,
};
/** Mining anchors: town points (not mine coordinates) and the probability of using them. */
const MINING_TOWNS: Partial<Record<CountyAdcode, { town: string; p: number }>> = {
  '361181': { town: '泗洲镇', p: 0.65 },
  '361124': { town: '永平镇', p: 0.7 },
};

const SEG_ZH: Record<Segment | 'none', string> = {
  mining: '铜矿采选',
  scrap: '废杂铜回收',
  'raw-trade': '再生原料贸易',
  smelting: '再生铜冶炼',
  casting: '铜熔铸',
  processing: '铜材加工',
  'wire-cable': '电线电缆',
  electrical: '电机电器',
  hardware: '五金阀门',
  'new-energy': '新能源配套',
  park: '园区服务',
  logistics: '物流',
  service: '检测金融服务',
  none: '未分类',
};
const SEG_EN: Record<Segment | 'none', string> = {
  mining: 'copper mining firm',
  scrap: 'scrap-copper recycler',
  'raw-trade': 'recycled-material trader',
  smelting: 'secondary copper smelter',
  casting: 'copper caster',
  processing: 'copper processor',
  'wire-cable': 'wire and cable maker',
  electrical: 'electrical equipment maker',
  hardware: 'hardware and valve maker',
  'new-energy': 'new-energy supplier',
  park: 'park operator',
  logistics: 'logistics firm',
  service: 'testing and finance service',
  none: 'unclassified firm',
};
/** Median employees per stage (log-normal spread). */
const EMPLOYEES: Record<Stage, number> = {
  upstream: 25,
  midstream: 60,
  downstream: 80,
  support: 20,
  unclassified: 30,
};

const KM_PER_DEG = 111.32;
const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

function offset(lon: number, lat: number, km: number, angle: number): [number, number] {
  const dLat = (km * Math.sin(angle)) / KM_PER_DEG;
  const dLon = (km * Math.cos(angle)) / (KM_PER_DEG * Math.cos((lat * Math.PI) / 180));
  return [r5(lon + dLon), r5(lat + dLat)];
}

function hexagon(lon: number, lat: number, km: number): GeoJSON.Polygon {
  const ring: [number, number][] = [];
  for (let i = 0; i < 6; i++) ring.push(offset(lon, lat, km, (Math.PI / 3) * i + Math.PI / 6));
  ring.push([ring[0]![0], ring[0]![1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

type Shape = GeneratorGeodata['countyShapes'][string];

/** Even–odd point-in-polygon test against a county's (multi)polygon. */
function insideCounty(shape: Shape | undefined, lon: number, lat: number): boolean {
  if (!shape) return false;
  let inside = false;
  for (const poly of shape) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

/** Draw points with `draw` until one falls inside the county (at most 30 tries). */
function drawInside(shape: Shape | undefined, draw: () => [number, number]): [number, number] | null {
  for (let t = 0; t < 30; t++) {
    const p = draw();
    if (insideCounty(shape, p[0], p[1])) return p;
  }
  return null;
}

/** Split `total` by `shares` (largest remainder), deterministic. */
function apportion<K extends string>(total: number, shares: [K, number][]): Map<K, number> {
  const sum = shares.reduce((s, [, w]) => s + w, 0);
  const raw = shares.map(([k, w]) => [k, (total * w) / sum] as const);
  const out = new Map<K, number>(raw.map(([k, x]) => [k, Math.floor(x)]));
  let left = total - [...out.values()].reduce((s, x) => s + x, 0);
  const order = raw
    .map(([k, x], i) => ({ k, rem: x - Math.floor(x), i }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { k } of order) {
    if (left <= 0) break;
    out.set(k, (out.get(k) ?? 0) + 1);
    left--;
  }
  return out;
}

function pickWeighted<K extends string>(rng: () => number, weights: Partial<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1]![0];
}

interface SampleZone {
  zone: Zone;
  lon: number;
  lat: number;
  radiusKm: number;
}

function makeZones(seed: number, rng: () => number, geo: GeneratorGeodata): SampleZone[] {
  const src = sampleSource(seed);
  const out: SampleZone[] = [];
  const xuri = geo.countySeats.find((s) => s.county === '361104')!;
  out.push({
    lon: xuri.lon,
    lat: xuri.lat,
    radiusKm: 3,
    zone: {
      id: 'srjk',
      name: '上饶经济技术开发区（位置示意）',
      nameEn: 'Shangrao Economic and Technological Development Zone (approximate location)',
      level: 'national',
      county: '361104',
      geometry: hexagon(xuri.lon, xuri.lat, 3),
      precision: 'county',
      source:
        'Name and national level: public record (上饶经济技术开发区). Location NOT public: a ~3 km hexagon drawn ' +
        `around the 广信区 seat point (${xuri.ref}) by the ${src}; only the county is defensible`,
      realBoundary: false,
    },
  });
  for (const c of COUNTIES) {
    const seat = geo.countySeats.find((s) => s.county === c.adcode)!;
    let anchor: { lon: number; lat: number; ref: string; name: string };
    if (seat.kind === 'seat' && c.adcode !== '361104') anchor = seat;
    else {
      const [lx, ly] = geo.countyLabelPoints[c.adcode]!;
      const candidates = geo.anchors.filter((a) => a.county === c.adcode);
      const best = candidates.reduce((b, a) =>
        Math.hypot(a.lon - lx, a.lat - ly) < Math.hypot(b.lon - lx, b.lat - ly) ? a : b,
      );
      anchor = { ...best, name: `${best.name} (${best.nameEn})` };
    }
    const radiusKm = Math.round((1.5 + rng() * 1.5) * 10) / 10;
    const level: ZoneLevel = c.adcode === '361102' ? 'municipal' : 'provincial';
    out.push({
      lon: anchor.lon,
      lat: anchor.lat,
      radiusKm,
      zone: {
        id: `sample-zone-${c.adcode}`,
        name: `示例·${c.nameZh}工业园区（位置示意）`,
        nameEn: `Sample industrial park, ${c.nameEn} (approximate location)`,
        level,
        county: c.adcode,
        geometry: hexagon(anchor.lon, anchor.lat, radiusKm),
        precision: 'county',
        source: `${src}: invented park; ${radiusKm} km hexagon around ${anchor.name}, ${anchor.ref}; level invented`,
        realBoundary: false,
      },
    });
  }
  return out;
}

/** Generate the synthetic sample (see the file header for what it is and is not). */
export function generateSample(opts: SampleOptions): { enterprises: Enterprise[]; zones: Zone[] } {
  const { seed, count } = opts;
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`count must be a non-negative integer, got ${count}`);
  const rng = mulberry32(seed);
  const source = sampleSource(seed);
  const geo = opts.geodata ?? generatorGeodata();
  const zones = makeZones(seed, rng, geo);
  const zonesByCounty = new Map<string, SampleZone[]>();
  for (const z of zones) zonesByCounty.set(z.zone.county, [...(zonesByCounty.get(z.zone.county) ?? []), z]);
  const anchorsByCounty = new Map<string, Anchor[]>();
  for (const a of geo.anchors) anchorsByCounty.set(a.county, [...(anchorsByCounty.get(a.county) ?? []), a]);

  const reported = opts.reportedFirms !== false ? REPORTED_FIRMS.slice(0, count) : [];
  const n = count - reported.length;

  // Exact stage and segment counts, then a deterministic shuffle.
  const kinds: (Segment | 'none')[] = [];
  const stageCounts = apportion(n, Object.entries(SAMPLE_STAGE_SHARES) as [Stage, number][]);
  for (const [stage, k] of stageCounts) {
    if (stage === 'unclassified') {
      for (let i = 0; i < k; i++) kinds.push('none');
      continue;
    }
    const segs = SEGMENTS.filter((s) => SEGMENT_STAGE[s] === stage).map(
      (s) => [s, SEGMENT_SHARES[s]] as [Segment, number],
    );
    for (const [seg, m] of apportion(k, segs)) for (let i = 0; i < m; i++) kinds.push(seg);
  }
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }

  const width = Math.max(4, String(count).length);
  const countyZh = new Map<string, string>(COUNTIES.map((c) => [c.adcode, c.nameZh]));
  const enterprises: Enterprise[] = kinds.map((kind, i) => {
    const serial = String(i + 1).padStart(width, '0');
    const segment = kind === 'none' ? null : kind;
    const stage: Stage = segment ? SEGMENT_STAGE[segment] : 'unclassified';
    const county = pickWeighted(rng, COUNTY_WEIGHTS[kind]);
    const u = rng();
    let lon: number | null = null;
    let lat: number | null = null;
    let precision: Precision;
    let zone: string | null = null;
    let placement: string;
    if (u < 0.015) {
      precision = 'none';
      placement = 'unlocated (sample)';
    } else if (u < 0.035) {
      [lon, lat] = geo.countyLabelPoints[county]!;
      precision = 'county';
      placement = 'at the county label point (county known only)';
    } else if (rng() < ZONE_AFFINITY[kind]) {
      const options = zonesByCounty.get(county)!;
      const z = options.length > 1 && rng() < 0.6 ? options[0]! : options[options.length - 1]!;
      // uniform in a disc of 0.85 × the hexagon's circumradius (inside the hexagon's inscribed circle ≈ 0.87),
      // and inside the county polygon (the srjk hexagon straddles the 信州区 line)
      const p = drawInside(geo.countyShapes[county], () =>
        offset(z.lon, z.lat, z.radiusKm * 0.85 * Math.sqrt(rng()), rng() * 2 * Math.PI),
      );
      if (p) {
        [lon, lat] = p;
        precision = 'zone';
        zone = z.zone.id;
        placement = `inside the approximate area of zone ${z.zone.id}`;
      } else {
        [lon, lat] = geo.countyLabelPoints[county]!;
        precision = 'county';
        placement = 'at the county label point (county known only)';
      }
    } else {
      const list = anchorsByCounty.get(county)!;
      const town = kind === 'mining' ? MINING_TOWNS[county] : undefined;
      const preferred = town && rng() < town.p ? list.find((a) => a.name === town.town) : undefined;
      const a = preferred ?? list[Math.floor(rng() * list.length)]!;
      let km = 0;
      const p = drawInside(geo.countyShapes[county], () => {
        km = 0.3 + 1.7 * rng();
        return offset(a.lon, a.lat, km, rng() * 2 * Math.PI);
      });
      if (p) {
        [lon, lat] = p;
        precision = 'township';
        placement =
          `${km.toFixed(1)} km from ${a.name} (${a.nameEn}), ${a.ref}` +
          (kind === 'mining' ? ' — a town point, not a mine location' : '');
      } else {
        [lon, lat] = geo.countyLabelPoints[county]!;
        precision = 'county';
        placement = 'at the county label point (county known only)';
      }
    }
    const median = EMPLOYEES[stage];
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    const employees = Math.max(3, Math.round(median * Math.exp(0.8 * z)));
    const founded = 1995 + Math.floor(rng() * 30);
    return {
      id: `sample-${serial}`,
      name: `示例·${countyZh.get(county)}${SEG_ZH[kind]}企业 ${serial}`,
      nameEn: `Sample ${SEG_EN[kind]} ${serial}`,
      stage,
      segment,
      county,
      zone,
      lon,
      lat,
      precision,
      source,
      extra: { employees, founded, placement },
    };
  });
  for (const r of reported) {
    enterprises.push({
      id: r.id,
      name: r.name,
      nameEn: r.name,
      stage: 'unclassified',
      segment: null,
      county: null,
      zone: null,
      lon: null,
      lat: null,
      precision: 'none',
      source: REPORTED_FIRMS_SOURCE,
      extra: { employees: null, founded: null, placement: 'unlocated: no public coordinates or county' },
    });
  }
  return { enterprises, zones: zones.map((z) => z.zone) };
}

/** Foreign member written at the top of the sample files, so any reader can tell they are samples. */
function sampleMetadata(seed: number, count: number) {
  return {
    sample: true,
    generator: 'scripts/lib/sample.ts (npm run geodata:sample)',
    seed,
    count,
    note: '示例数据 — synthetic sample: no record is a real enterprise or location, except the firms whose source names public reporting (unlocated). See geodata/SOURCES.md.',
  };
}

/** The two sample files as written by `npm run geodata:sample` (byte for byte), and their records. */
export function sampleFiles(opts: SampleOptions) {
  const sample = generateSample(opts);
  const metadata = sampleMetadata(opts.seed, opts.count);
  return {
    ...sample,
    enterprisesText: featureCollectionToText({ ...enterprisesToGeoJSON(sample.enterprises), metadata }),
    zonesText: featureCollectionToText({ ...zonesToGeoJSON(sample.zones), metadata }),
  };
}
