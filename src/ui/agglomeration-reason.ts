/**
 * Issue 8: the reason of a stage's agglomeration level in one plain line ("76 % of midstream firms sit
 * in 20 clusters; nearest-neighbour index 0.36, far below random"), from the stage's figures.
 */
import { HIGH_MAX_R, LEVEL_MIN_POINTS } from '../analysis/thresholds.ts';
import type { StageFigures } from '../analysis/types.ts';
import type { MessageKey } from '../i18n/index.ts';

/** Within this of 1, R reads as "close to random". */
const RANDOM_BAND = 0.05;

/** How R compares with randomness (1), as a dictionary key. */
export function nniComparison(R: number): MessageKey {
  if (R < HIGH_MAX_R) return 'agg.cmp.farBelow';
  if (R < 1 - RANDOM_BAND) return 'agg.cmp.below';
  if (R <= 1 + RANDOM_BAND) return 'agg.cmp.random';
  return 'agg.cmp.above';
}

export interface Reason {
  key: MessageKey;
  /** Placeholders; `cmp` and `stage` are dictionary keys to translate, the rest numbers to format. */
  share?: number;
  clusters?: number;
  R?: number;
  cmp?: MessageKey;
}

/** The reason of a stage's level (the sentence is assembled by the legend, in the interface language). */
export function agglomerationReason(f: StageFigures): Reason {
  if ((f.level === 'none' && f.located < LEVEL_MIN_POINTS) || f.clusteredShare === null)
    return { key: 'agg.reasonFew' };
  const base = { share: f.clusteredShare, clusters: f.clusters.length };
  const R = f.nni.R;
  // One cluster reads "1 cluster", not "1 clusters".
  const one = f.clusters.length === 1;
  if (R === null) return { key: one ? 'agg.reasonNoR1' : 'agg.reasonNoR', ...base };
  return { key: one ? 'agg.reason1' : 'agg.reason', ...base, R, cmp: nniComparison(R) };
}
