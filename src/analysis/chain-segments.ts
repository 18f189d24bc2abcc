import { type ChainStage, isChainStage, SEGMENT_STAGE, SEGMENTS, type Segment } from '../data/types.ts';

/** The ten chain segments (support segments never enter chain metrics), in the chain's order. */
export const CHAIN_SEGMENTS: readonly Segment[] = SEGMENTS.filter((s) => isChainStage(SEGMENT_STAGE[s]));

/** The chain stage of a chain segment. */
export const chainStageOf = (s: Segment): ChainStage => SEGMENT_STAGE[s] as ChainStage;

const CODE = new Map<string, number>(CHAIN_SEGMENTS.map((s, i) => [s, i]));

/** Index of a segment in CHAIN_SEGMENTS; −1 for a support segment, null or anything else. */
export function chainSegmentCode(segment: string | null): number {
  return segment === null ? -1 : (CODE.get(segment) ?? -1);
}
