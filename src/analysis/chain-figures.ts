import type { Zone } from '../data/types.ts';
import { chainCompleteness } from './chain-completeness.ts';
import type { AnalysisRecord, AnalysisResult } from './types.ts';

/** Chain completeness of zones and counties: independent of the stage filter. */
export type ChainFigures = Pick<AnalysisResult, 'zoneChains' | 'countyChains'>;

/**
 * Chain completeness per zone and per county over `records` (every filter but the stage filter).
 * Known zones are listed (even when empty: all gaps) when their county has records, so a county
 * filter hides other counties' zones; zones with members are always listed.
 *
 * @param zoneOf zone of each record (parallel to `records`: own zone or containment)
 */
export function chainFigures(
  records: readonly AnalysisRecord[],
  zoneOf: readonly (string | null)[],
  zones: readonly Zone[],
): ChainFigures {
  const countyKeys = records.map((r) => r.county);
  const stages = records.map((r) => r.stage);
  const counties = new Set(countyKeys);
  return {
    zoneChains: chainCompleteness(
      'zone',
      zoneOf,
      stages,
      zones.filter((z) => counties.has(z.county)).map((z) => z.id),
    ),
    countyChains: chainCompleteness('county', countyKeys, stages),
  };
}
