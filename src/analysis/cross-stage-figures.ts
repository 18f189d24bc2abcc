import { CHAIN_STAGES, type ChainStage } from '../data/types.ts';
import { colocationQuotients } from './colocation-quotients.ts';
import { isSpatial } from './is-spatial.ts';
import { locationQuotients } from './location-quotients.ts';
import { chainStageCode } from './stage-code.ts';
import type { AnalysisRecord, AnalysisResult } from './types.ts';

/** The figures that compare stages: they change with the set of visible stages. */
export type CrossStageFigures = Pick<AnalysisResult, 'lq' | 'clq'>;

/**
 * Location quotients per county (visible chain records with a county, located or not) and the 3×3
 * co-location quotient matrix over every visible spatial chain record (keys `A/B`). Both depend on
 * which stages are visible, so the page recomputes them when a stage is toggled, and only them.
 */
export function crossStageFigures(records: readonly AnalysisRecord[]): CrossStageFigures {
  const located: number[] = [];
  records.forEach((r, i) => {
    if (chainStageCode(r.stage) >= 0 && isSpatial(r)) located.push(i);
  });
  const coords = new Float64Array(located.length * 2);
  const cats = new Uint8Array(located.length);
  located.forEach((i, t) => {
    const r = records[i]!;
    coords[2 * t] = r.lon!;
    coords[2 * t + 1] = r.lat!;
    cats[t] = chainStageCode(r.stage);
  });
  const colo = colocationQuotients(coords, cats, 3);
  const clq: Record<string, number | null> = {};
  CHAIN_STAGES.forEach((a: ChainStage, ia) => {
    CHAIN_STAGES.forEach((b, ib) => {
      clq[`${a}/${b}`] = colo.clq[ia]![ib]!;
    });
  });
  return { lq: locationQuotients(records), clq };
}
