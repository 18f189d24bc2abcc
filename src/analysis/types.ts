/**
 * Input and output of the agglomeration analysis (definitions: ../shared/docs/domain.md).
 * Pure data: imports nothing from map/ or ui/.
 */
import type { ChainStage, Enterprise, Segment, Stage, Zone } from '../data/types.ts';

export type Level = 'high' | 'medium' | 'low' | 'none';

/** The part of an enterprise the analysis needs (what crosses to the worker). */
export type AnalysisRecord = Pick<
  Enterprise,
  'id' | 'stage' | 'segment' | 'county' | 'zone' | 'lon' | 'lat'
> & {
  /** Location precision; a record without it counts as exact. See thresholds.ts SPATIAL_PRECISIONS. */
  precision?: Enterprise['precision'];
};

export interface AnalysisParams {
  /** DBSCAN neighbourhood radius, km (geodesic). Default 1.5. */
  maxDistanceKm: number;
  /** DBSCAN minimum points (Turf's meaning). Default 3. */
  minPoints: number;
  /** Hexagon side, km (Turf hexGrid cellSide). Default 3. */
  hexSideKm: number;
}

export const DEFAULT_PARAMS: AnalysisParams = { maxDistanceKm: 1.5, minPoints: 3, hexSideKm: 3 };

/** The range a user (UI) or an administrator (belt.config.json) may set the DBSCAN parameters to. */
export const PARAM_LIMITS = {
  maxDistanceKm: { min: 0.1, max: 50 },
  minPoints: { min: 1, max: 100 },
} as const;

export function validMaxDistanceKm(v: unknown): v is number {
  return typeof v === 'number' && v >= PARAM_LIMITS.maxDistanceKm.min && v <= PARAM_LIMITS.maxDistanceKm.max;
}
export function validMinPoints(v: unknown): v is number {
  return (
    Number.isInteger(v) &&
    (v as number) >= PARAM_LIMITS.minPoints.min &&
    (v as number) <= PARAM_LIMITS.minPoints.max
  );
}

export interface ClusterInfo {
  /** 0-based, per stage, in order of discovery. */
  id: number;
  stage: ChainStage;
  memberIds: string[];
  /**
   * Members labelled core / edge by Turf's rule: a member is `edge` only when DBSCAN's main loop met it
   * as noise before a cluster reached it (so a border point reached early counts as core, as in Turf).
   */
  core: number;
  edge: number;
  /** Members whose location is approximate (township, zone or county precision). */
  approximate: number;
  /** Convex hull (null when the members are fewer than 3 distinct, or collinear). */
  hull: GeoJSON.Polygon | null;
  /** Hull area, km² (0 when no hull). */
  areaKm2: number;
  /** Members per km² of hull (null when area is 0). */
  density: number | null;
  dominantSegment: Segment | null;
  /** Most frequent county adcode among members. */
  county: string | null;
  /** Most frequent zone id among members (null when none has one). */
  zone: string | null;
  /** Mean of member coordinates [lon, lat]. */
  center: [number, number];
}

export interface NearestNeighbour {
  /** Located points used. */
  n: number;
  /** Study area, km². */
  areaKm2: number;
  /** Mean observed nearest-neighbour distance, km (null when n < 2). */
  observedMeanKm: number | null;
  /** 0.5 / sqrt(n / A), km (null when n < 2). */
  expectedMeanKm: number | null;
  /** Clark–Evans R (null when n < 2). */
  R: number | null;
  /** z-score (null when n < 2). */
  z: number | null;
}

export interface StageFigures {
  stage: ChainStage;
  /** Visible enterprises of the stage, located or not. */
  count: number;
  /** Visible and located. */
  located: number;
  clusters: ClusterInfo[];
  /** Members of clusters / located (null when located = 0). */
  clusteredShare: number | null;
  nni: NearestNeighbour;
  level: Level;
}

export interface LocationQuotient {
  county: string;
  stage: ChainStage;
  /** n_cs */
  count: number;
  /** n_c (chain-stage enterprises of the county) */
  countyTotal: number;
  /** LQ (null when undefined: county or stage empty). */
  value: number | null;
  specialised: boolean;
}

export interface ChainCompleteness {
  /** Zone id or county adcode. */
  id: string;
  kind: 'zone' | 'county';
  counts: Record<ChainStage, number>;
  /** Sum of the three counts (chain-stage members). */
  total: number;
  /** Stages missing (count 0). */
  gaps: ChainStage[];
  /** Stages present but thin (see thresholds). */
  thin: ChainStage[];
}

export interface AnalysisResult {
  params: AnalysisParams;
  /** Visible enterprises analysed (all stages). */
  total: number;
  stages: Record<ChainStage, StageFigures>;
  lq: LocationQuotient[];
  /** Key `${A}/${B}` for A,B in CHAIN_STAGES; null when undefined. */
  clq: Record<string, number | null>;
  zoneChains: ChainCompleteness[];
  countyChains: ChainCompleteness[];
  /** Resolved zone per enterprise id, where containment assigned one (for the export). */
  resolvedZones: Record<string, string>;
  /**
   * Hexagons (`@turf/hex-grid` cells, hexSideKm side, over the study area's bbox ∪ the points' bbox,
   * padded by two cell sides) with counts of visible located chain-stage records; only non-empty cells.
   */
  hexGrid: GeoJSON.FeatureCollection<GeoJSON.Polygon, Record<ChainStage | 'total', number>>;
  /** Milliseconds spent. */
  elapsedMs: number;
}

export type { ChainStage, Stage, Zone };
