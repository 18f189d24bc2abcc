import { type ChainStage, isApproximate, type Segment } from '../data/types.ts';
import { agglomerationLevel } from './agglomeration-level.ts';
import { clusterSummaries } from './cluster-summaries.ts';
import { dbscan } from './dbscan.ts';
import { isSpatial } from './is-spatial.ts';
import { nearestNeighbourIndex } from './nearest-neighbour-index.ts';
import { nearestNeighbours } from './nearest-neighbours.ts';
import type { AnalysisParams, AnalysisRecord, StageFigures } from './types.ts';

/**
 * The figures of one chain stage over `records` (those of other stages are skipped): DBSCAN clusters
 * (Turf semantics) with hulls and summaries, the Clark–Evans index over `areaKm2`, the clustered share
 * and the agglomeration level. Spatial figures use the located records finer than county precision.
 * Depends only on the stage's own records and the parameters: a toggle of another stage leaves it
 * unchanged (the page caches it per stage, filter and parameters).
 *
 * @param zoneOf zone of each record (parallel to `records`: own zone or containment)
 */
export function stageFigures(
  stage: ChainStage,
  records: readonly AnalysisRecord[],
  zoneOf: readonly (string | null)[],
  params: Pick<AnalysisParams, 'maxDistanceKm' | 'minPoints'>,
  areaKm2: number,
): StageFigures {
  const idx: number[] = [];
  let count = 0;
  records.forEach((r, i) => {
    if (r.stage !== stage) return;
    count++;
    if (isSpatial(r)) idx.push(i);
  });
  const coords = new Float64Array(idx.length * 2);
  idx.forEach((i, t) => {
    coords[2 * t] = records[i]!.lon!;
    coords[2 * t + 1] = records[i]!.lat!;
  });
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
  return {
    stage,
    count,
    located: n,
    clusters,
    clusteredShare,
    nni,
    level: agglomerationLevel(n, nni.R, nni.z, clusteredShare),
  };
}
