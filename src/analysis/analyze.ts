import { lengthToDegrees } from '@turf/helpers';
import { CHAIN_STAGES, type ChainStage, isApproximate, type Segment, type Zone } from '../data/types.ts';
import { agglomerationLevel } from './agglomeration-level.ts';
import { chainCompleteness } from './chain-completeness.ts';
import { clusterSummaries } from './cluster-summaries.ts';
import { colocationQuotients } from './colocation-quotients.ts';
import { dbscan } from './dbscan.ts';
import { hexDensity } from './hex-density.ts';
import { locationQuotients } from './location-quotients.ts';
import { nearestNeighbourIndex } from './nearest-neighbour-index.ts';
import { nearestNeighbours } from './nearest-neighbours.ts';
import { resolveZones } from './resolve-zones.ts';
import { studyAreaBbox } from './study-area-bbox.ts';
import { type StudyArea, studyAreaKm2 } from './study-area-km2.ts';
import { SPATIAL_PRECISIONS } from './thresholds.ts';
import {
  type AnalysisParams,
  type AnalysisRecord,
  type AnalysisResult,
  DEFAULT_PARAMS,
  type StageFigures,
} from './types.ts';

export interface AnalysisInput {
  /** The visible records (after EVERY filter, stage filter included): all figures but completeness. */
  records: readonly AnalysisRecord[];
  /**
   * The visible records ignoring the stage filter (every other filter applied), for chain
   * completeness. Defaults to `records`.
   */
  chainRecords?: readonly AnalysisRecord[];
  /** Known zones: each is listed in zoneChains; real boundaries assign records without a zone id. */
  zones?: readonly Zone[];
  /** Study region A of the Clark–Evans index (prefecture outline or visible counties). None ⇒ R, z null. */
  studyArea?: StudyArea | null;
  /** Precomputed studyAreaKm2(studyArea) (e.g. once per dataset in the worker). */
  studyAreaKm2?: number;
  params?: Partial<AnalysisParams>;
  /**
   * Precomputed zone resolution by record id (own zone or containment), e.g. resolveZones over the
   * whole dataset once; record ids missing from it are resolved here.
   */
  zoneById?: ReadonlyMap<string, { zone: string | null; byContainment: boolean }>;
}

const STAGE_CODE: Record<string, number> = { upstream: 0, midstream: 1, downstream: 2 };

/**
 * Every agglomeration figure of shared/docs/domain.md for the visible records:
 * - per chain stage (visible & located points of the stage): DBSCAN clusters (Turf semantics,
 *   `maxDistanceKm`, `minPoints`) with hulls, areas (km²), densities (/km²), dominant segment, county
 *   and zone; Clark–Evans R and z over the study area (km, km²); clustered share S = cluster members /
 *   located; level (thresholds.ts; `none` when n < 5 or R/z undefined);
 * - location quotients per county (visible chain records with a county, located or not);
 * - the 3×3 co-location quotient matrix over all visible located chain records (keys `A/B`);
 * - chain completeness per zone and per county over `chainRecords` (stage filter ignored); every
 *   known zone of a county that has visible records is listed, members or not;
 * - hexagon counts per stage (`@turf/hex-grid` cells of `hexSideKm` km over the study area's bbox
 *   united with the points' bbox, padded by two cell sides; non-empty cells only).
 * `support` and `unclassified` records never enter chain metrics. Never throws on degenerate input
 * and never returns NaN (undefined figures are null).
 */
export function analyze(input: AnalysisInput): AnalysisResult {
  const t0 = performance.now();
  const params: AnalysisParams = { ...DEFAULT_PARAMS, ...input.params };
  const records = input.records;
  const chainRecords = input.chainRecords ?? records;
  const zones = input.zones ?? [];
  const areaKm2 = input.studyAreaKm2 ?? (input.studyArea ? studyAreaKm2(input.studyArea) : 0);

  // Zone of every record of both sets.
  const resolvedZones: Record<string, string> = {};
  const zoneOfSet = (set: readonly AnalysisRecord[]): (string | null)[] => {
    const known = input.zoneById;
    const missing: AnalysisRecord[] = [];
    const missingAt: number[] = [];
    const out: (string | null)[] = new Array(set.length).fill(null);
    set.forEach((r, i) => {
      const z = known?.get(r.id);
      if (z) {
        out[i] = z.zone;
        if (z.byContainment && z.zone) resolvedZones[r.id] = z.zone;
      } else {
        missing.push(r);
        missingAt.push(i);
      }
    });
    if (missing.length > 0) {
      const res = resolveZones(missing, zones);
      missingAt.forEach((i, t) => {
        const z = res.zoneOf[t]!;
        out[i] = z;
        if (res.byContainment[t] && z) resolvedZones[set[i]!.id] = z;
      });
    }
    return out;
  };
  const zoneOf = zoneOfSet(records);
  const chainZoneOf = chainRecords === records ? zoneOf : zoneOfSet(chainRecords);

  // Located chain points, grouped by stage.
  const idxByStage: Record<ChainStage, number[]> = { upstream: [], midstream: [], downstream: [] };
  const countByStage: Record<ChainStage, number> = { upstream: 0, midstream: 0, downstream: 0 };
  const located: number[] = [];
  records.forEach((r, i) => {
    const code = STAGE_CODE[r.stage];
    if (code === undefined) return;
    countByStage[r.stage as ChainStage]++;
    if (r.lon === null || r.lat === null || !Number.isFinite(r.lon) || !Number.isFinite(r.lat)) return;
    if (r.precision !== undefined && !SPATIAL_PRECISIONS.has(r.precision)) return;
    idxByStage[r.stage as ChainStage].push(i);
    located.push(i);
  });

  const coordsOf = (idx: readonly number[]): Float64Array => {
    const c = new Float64Array(idx.length * 2);
    idx.forEach((i, t) => {
      const r = records[i]!;
      c[2 * t] = r.lon!;
      c[2 * t + 1] = r.lat!;
    });
    return c;
  };

  const stages = {} as Record<ChainStage, StageFigures>;
  for (const stage of CHAIN_STAGES) {
    const idx = idxByStage[stage];
    const coords = coordsOf(idx);
    const db = dbscan(coords, params.maxDistanceKm, params.minPoints);
    const clusters = clusterSummaries(stage, coords, db, {
      ids: idx.map((i) => records[i]!.id),
      segments: idx.map((i) => records[i]!.segment as Segment | null),
      counties: idx.map((i) => records[i]!.county),
      zones: idx.map((i) => zoneOf[i]!),
      approximate: idx.map((i) => isApproximate(records[i]!.precision)),
    });
    let members = 0;
    for (const c of db.clusterIds) if (c >= 0) members++;
    const n = idx.length;
    const clusteredShare = n > 0 ? members / n : null;
    const nni = nearestNeighbourIndex(coords, areaKm2, n >= 2 ? nearestNeighbours(coords).distKm : undefined);
    stages[stage] = {
      stage,
      count: countByStage[stage],
      located: n,
      clusters,
      clusteredShare,
      nni,
      level: agglomerationLevel(n, nni.R, nni.z, clusteredShare),
    };
  }

  // Co-location quotients over every located chain point.
  const allCoords = coordsOf(located);
  const cats = Uint8Array.from(located, (i) => STAGE_CODE[records[i]!.stage]!);
  const colo = colocationQuotients(allCoords, cats, 3);
  const clq: Record<string, number | null> = {};
  CHAIN_STAGES.forEach((a, ia) => {
    CHAIN_STAGES.forEach((b, ib) => {
      clq[`${a}/${b}`] = colo.clq[ia]![ib]!;
    });
  });

  // Hexagon grid over the study area's bbox ∪ the points' bbox, padded by two cell sides.
  let box: [number, number, number, number] | null = input.studyArea ? studyAreaBbox(input.studyArea) : null;
  for (let t = 0; t < located.length; t++) {
    const x = allCoords[2 * t]!;
    const y = allCoords[2 * t + 1]!;
    if (!box) box = [x, y, x, y];
    else {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  let hexGrid: AnalysisResult['hexGrid'] = { type: 'FeatureCollection', features: [] };
  if (box && located.length > 0 && params.hexSideKm > 0) {
    const padLat = lengthToDegrees(2 * params.hexSideKm, 'kilometers');
    const maxAbsLat = Math.min(89, Math.max(Math.abs(box[1]), Math.abs(box[3])) + padLat);
    const padLon = padLat / Math.cos((maxAbsLat * Math.PI) / 180);
    const padded: [number, number, number, number] = [
      Math.max(-180, box[0] - padLon),
      Math.max(-90, box[1] - padLat),
      Math.min(180, box[2] + padLon),
      Math.min(90, box[3] + padLat),
    ];
    hexGrid = hexDensity(
      allCoords,
      cats,
      CHAIN_STAGES,
      padded,
      params.hexSideKm,
    ) as AnalysisResult['hexGrid'];
  }

  // Chain completeness (stage filter ignored).
  const countyKeys = chainRecords.map((r) => r.county);
  const chainStages = chainRecords.map((r) => r.stage);
  // Known zones are listed (even when empty: all gaps) when their county has visible records, so a
  // county filter hides other counties' zones; zones with visible members are always listed.
  const visibleCounties = new Set(countyKeys);
  const zoneChains = chainCompleteness(
    'zone',
    chainZoneOf,
    chainStages,
    zones.filter((z) => visibleCounties.has(z.county)).map((z) => z.id),
  );
  const countyChains = chainCompleteness('county', countyKeys, chainStages);

  return {
    params,
    total: records.length,
    stages,
    lq: locationQuotients(records),
    clq,
    zoneChains,
    countyChains,
    resolvedZones,
    hexGrid,
    elapsedMs: performance.now() - t0,
  };
}
