import { CHAIN_STAGES } from '../data/types.ts';

const CODE = new Map<string, number>(CHAIN_STAGES.map((s, i) => [s, i]));

/** Index of a chain stage in CHAIN_STAGES (0 upstream, 1 midstream, 2 downstream); −1 for any other. */
export function chainStageCode(stage: string): number {
  return CODE.get(stage) ?? -1;
}
