import { CHAIN_STAGES, type ChainStage, isChainStage, type Stage } from '../data/types.ts';
import { THIN_MIN_COUNT, THIN_MIN_SHARE } from './thresholds.ts';
import type { ChainCompleteness } from './types.ts';

/**
 * Chain completeness of zones or counties: per group, the count of each chain stage among its
 * members (support / unclassified ignored), the GAPS (stages with count 0) and the THIN stages
 * (present but count < THIN_MIN_COUNT or count / group chain total < THIN_MIN_SHARE).
 *
 * @param kind 'zone' or 'county'
 * @param keys group of each member (zone id / county adcode; null = none, skipped)
 * @param stages stage of each member (parallel to keys)
 * @param include groups listed even without members (e.g. every known zone: all stages are gaps),
 *   first, in the given order; the other groups follow in sorted order
 */
export function chainCompleteness(
  kind: 'zone' | 'county',
  keys: readonly (string | null)[],
  stages: readonly Stage[],
  include: readonly string[] = [],
): ChainCompleteness[] {
  const groups = new Map<string, Record<ChainStage, number>>();
  const empty = (): Record<ChainStage, number> => ({ upstream: 0, midstream: 0, downstream: 0 });
  for (const id of include) if (!groups.has(id)) groups.set(id, empty());
  const extra: string[] = [];
  keys.forEach((key, i) => {
    const stage = stages[i]!;
    if (key === null || !isChainStage(stage)) return;
    let g = groups.get(key);
    if (!g) {
      g = empty();
      groups.set(key, g);
      extra.push(key);
    }
    g[stage]++;
  });
  const order = [...new Set(include), ...extra.sort()];
  return order.map((id) => {
    const counts = groups.get(id)!;
    const total = counts.upstream + counts.midstream + counts.downstream;
    const gaps = CHAIN_STAGES.filter((s) => counts[s] === 0);
    const thin = CHAIN_STAGES.filter(
      (s) => counts[s] > 0 && (counts[s] < THIN_MIN_COUNT || counts[s] / total < THIN_MIN_SHARE),
    );
    return { id, kind, counts, total, gaps, thin };
  });
}
