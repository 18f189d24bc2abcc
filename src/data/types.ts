/**
 * The record model shared by every layer of the app (see ../shared/docs/domain.md).
 * Pure data: imports nothing from map/ or ui/.
 */

/** Every stage a record can carry, in display order. */
export const STAGES = ['upstream', 'midstream', 'downstream', 'support', 'unclassified'] as const;
export type Stage = (typeof STAGES)[number];

/** The three industry-chain stages; `support` and `unclassified` never enter chain metrics. */
export const CHAIN_STAGES = ['upstream', 'midstream', 'downstream'] as const;
export type ChainStage = (typeof CHAIN_STAGES)[number];

export function isChainStage(s: string): s is ChainStage {
  return (CHAIN_STAGES as readonly string[]).includes(s);
}
export function isStage(s: string): s is Stage {
  return (STAGES as readonly string[]).includes(s);
}

/** Segment code -> the stage it belongs to. */
export const SEGMENT_STAGE = {
  mining: 'upstream',
  scrap: 'upstream',
  'raw-trade': 'upstream',
  smelting: 'midstream',
  casting: 'midstream',
  processing: 'midstream',
  'wire-cable': 'downstream',
  electrical: 'downstream',
  hardware: 'downstream',
  'new-energy': 'downstream',
  park: 'support',
  logistics: 'support',
  service: 'support',
} as const satisfies Record<string, Stage>;
export type Segment = keyof typeof SEGMENT_STAGE;
export const SEGMENTS = Object.keys(SEGMENT_STAGE) as Segment[];
export function isSegment(s: string): s is Segment {
  return Object.hasOwn(SEGMENT_STAGE, s);
}

export const PRECISIONS = ['exact', 'street', 'township', 'zone', 'county', 'none'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * True for precisions that place a firm only approximately (near a township seat, somewhere in a zone's
 * approximate area, or at the county's label point): drawn as approximate, never as surveyed.
 */
/** Precisions that place a record only approximately (drawn as hollow rings, clusters dashed). */
export const APPROXIMATE_PRECISIONS: readonly Precision[] = ['township', 'zone', 'county'];

export function isApproximate(p: Precision | undefined): boolean {
  return p !== undefined && APPROXIMATE_PRECISIONS.includes(p);
}

export const ZONE_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;
export type ZoneLevel = (typeof ZONE_LEVELS)[number];

/** A value of an extra column, kept as it came. */
export type ExtraValue = string | number | boolean | null;

/** One enterprise. Coordinates are always WGS84; `lon`/`lat` null = unlocated. */
export interface Enterprise {
  id: string;
  name: string;
  nameEn: string | null;
  stage: Stage;
  segment: Segment | null;
  /** County adcode (6 digits, NBS 2023) or null when unknown. */
  county: string | null;
  /** Development-zone id or null. */
  zone: string | null;
  lon: number | null;
  lat: number | null;
  precision: Precision;
  /** Who says so (registry, report, generator...). */
  source: string;
  /** Every other column of the source registry, unchanged, in source order. */
  extra: Record<string, ExtraValue>;
}

/** A development zone / industrial park. */
export interface Zone {
  id: string;
  name: string;
  nameEn: string | null;
  /** `unknown`: an imported zone whose file does not say (issue 7). */
  level: ZoneLevel | 'unknown';
  /** County adcode; '' when an imported file does not say. */
  county: string;
  /**
   * Polygon where known (area); Point with `precision` otherwise. WGS84. null: a zone known only by the
   * name a registry gave (issue 7), precision `none`.
   */
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | GeoJSON.Point | null;
  precision: Precision;
  source: string;
  /** True when the polygon is a real boundary (containment may assign members). */
  realBoundary: boolean;
  /**
   * Every other attribute of the zone's file, unchanged, in file order (issue 7), with nothing in its
   * prototype chain (extra.ts). Absent: the zone came with none (the synthetic sample).
   */
  extra?: Record<string, ExtraValue>;
}

/** One county-level unit of Shangrao. */
export interface County {
  adcode: string;
  nameZh: string;
  nameEn: string;
}
