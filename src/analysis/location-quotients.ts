import { CHAIN_STAGES, type ChainStage, isChainStage } from '../data/types.ts';
import { LQ_SPECIALISED } from './thresholds.ts';
import type { AnalysisRecord, LocationQuotient } from './types.ts';

/**
 * Location quotients of every county c and chain stage s, over the given (visible) records that have
 * a chain stage and a county, located or not:
 *
 *   LQ(c, s) = (n_cs / n_c) / (n_s / n)   (dimensionless; 1 = the prefecture's mix)
 *
 * n_cs: records of stage s in county c; n_c: chain records of c; n_s: chain records of s; n: all
 * chain records with a county. null when n_s = 0 (stage absent); `specialised` when LQ > 1.25
 * (LQ_SPECIALISED). Counties in adcode order, stages in chain order; only counties with n_c > 0.
 */
export function locationQuotients(
  records: readonly Pick<AnalysisRecord, 'stage' | 'county'>[],
): LocationQuotient[] {
  const byCounty = new Map<string, Record<ChainStage, number>>();
  const stageTotals: Record<ChainStage, number> = { upstream: 0, midstream: 0, downstream: 0 };
  let n = 0;
  for (const r of records) {
    if (!r.county || !isChainStage(r.stage)) continue;
    let c = byCounty.get(r.county);
    if (!c) {
      c = { upstream: 0, midstream: 0, downstream: 0 };
      byCounty.set(r.county, c);
    }
    c[r.stage]++;
    stageTotals[r.stage]++;
    n++;
  }
  const out: LocationQuotient[] = [];
  for (const county of [...byCounty.keys()].sort()) {
    const c = byCounty.get(county)!;
    const nc = c.upstream + c.midstream + c.downstream;
    for (const stage of CHAIN_STAGES) {
      const ns = stageTotals[stage];
      const value = ns === 0 ? null : c[stage] / nc / (ns / n);
      out.push({
        county,
        stage,
        count: c[stage],
        countyTotal: nc,
        value,
        specialised: value !== null && value > LQ_SPECIALISED,
      });
    }
  }
  return out;
}
