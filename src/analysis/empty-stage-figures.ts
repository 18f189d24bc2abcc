import type { ChainStage } from '../data/types.ts';
import type { StageFigures } from './types.ts';

/**
 * The figures of a stage with no visible firm (switched off), equal to what stageFigures() gives for
 * no records, without loading the kernels (the page shows it for an off stage, on the main thread).
 */
export function emptyStageFigures(stage: ChainStage, areaKm2: number): StageFigures {
  return {
    stage,
    count: 0,
    located: 0,
    clusters: [],
    clusteredShare: null,
    nni: { n: 0, areaKm2, observedMeanKm: null, expectedMeanKm: null, R: null, z: null },
    level: 'none',
  };
}
