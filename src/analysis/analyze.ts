import { CHAIN_STAGES, type ChainStage, type Zone } from '../data/types.ts';
import { chainFigures } from './chain-figures.ts';
import { crossStageFigures } from './cross-stage-figures.ts';
import { hexFigures } from './hex-figures.ts';
import { resolveZones } from './resolve-zones.ts';
import { stageFigures } from './stage-figures.ts';
import { type StudyArea, studyAreaKm2 } from './study-area-km2.ts';
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
  /** Precomputed studyAreaKm2(studyArea) (benchmarks time the figures without it). */
  studyAreaKm2?: number;
  params?: Partial<AnalysisParams>;
}

/**
 * Every agglomeration figure of shared/docs/domain.md for the visible records, in one call (the
 * command line and the tests; the page asks for the same parts separately, see session.ts):
 * - per chain stage: stageFigures (clusters, Clark–Evans R and z, clustered share, level);
 * - crossStageFigures: location quotients per county and the 3×3 co-location quotient matrix;
 * - chainFigures over `chainRecords` (stage filter ignored): completeness per zone and county;
 * - hexFigures: hexagon counts per stage of the visible spatial chain records;
 * - resolvedZones: the zone containment assigned to records without a zone id.
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

  const resolvedZones: Record<string, string> = Object.create(null);
  const zoneOfSet = (set: readonly AnalysisRecord[]): (string | null)[] => {
    const res = resolveZones(set, zones);
    set.forEach((r, i) => {
      const z = res.zoneOf[i];
      if (res.byContainment[i] && z) resolvedZones[r.id] = z;
    });
    return res.zoneOf;
  };
  const zoneOf = zoneOfSet(records);
  const chainZoneOf = chainRecords === records ? zoneOf : zoneOfSet(chainRecords);

  const stages = {} as Record<ChainStage, StageFigures>;
  for (const stage of CHAIN_STAGES) stages[stage] = stageFigures(stage, records, zoneOf, params, areaKm2);

  return {
    params,
    total: records.length,
    stages,
    ...crossStageFigures(records),
    ...chainFigures(chainRecords, chainZoneOf, zones),
    resolvedZones,
    hexGrid: hexFigures(records, input.studyArea, params.hexSideKm),
    elapsedMs: performance.now() - t0,
  };
}
