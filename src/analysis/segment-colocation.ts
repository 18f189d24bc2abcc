import { CHAIN_SEGMENTS, chainSegmentCode } from './chain-segments.ts';
import { colocationQuotients } from './colocation-quotients.ts';
import { isSpatial } from './is-spatial.ts';
import type { AnalysisRecord } from './types.ts';

/** The chain diagram's links (domain.md, "Segment co-location"). */
export interface SegmentColocation {
  /** CLQ(g→h) for every pair of the ten chain segments, key `g/h`; null when undefined. */
  clq: Record<string, number | null>;
  /** Located chain firms of each segment that entered the quotients (N_g). */
  located: Record<string, number>;
}

/**
 * Co-location quotients between the ten chain segments over `records` (the visible ones): the stage
 * co-location quotient's exact kernel (colocation-quotients.ts: ties shared equally, coincident points
 * grouped) with the segment as category, over the records that are located (isSpatial) and carry a chain
 * segment. A record of a chain stage without a segment does not enter (it has no category).
 */
export function segmentColocation(records: readonly AnalysisRecord[]): SegmentColocation {
  const picked: number[] = [];
  const cats: number[] = [];
  records.forEach((r, i) => {
    const c = chainSegmentCode(r.segment);
    if (c >= 0 && isSpatial(r)) {
      picked.push(i);
      cats.push(c);
    }
  });
  const coords = new Float64Array(picked.length * 2);
  picked.forEach((i, t) => {
    coords[2 * t] = records[i]!.lon!;
    coords[2 * t + 1] = records[i]!.lat!;
  });
  const colo = colocationQuotients(coords, Uint8Array.from(cats), CHAIN_SEGMENTS.length);
  const clq: Record<string, number | null> = {};
  const located: Record<string, number> = {};
  CHAIN_SEGMENTS.forEach((g, ig) => {
    located[g] = colo.counts[ig]!;
    CHAIN_SEGMENTS.forEach((h, ih) => {
      clq[`${g}/${h}`] = colo.clq[ig]![ih]!;
    });
  });
  return { clq, located };
}
