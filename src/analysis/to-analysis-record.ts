import type { Enterprise } from '../data/types.ts';
import type { AnalysisRecord } from './types.ts';

/** The part of an enterprise the analysis needs (what crosses to the worker): no names, no extras. */
export function toAnalysisRecord(e: Enterprise): AnalysisRecord {
  return {
    id: e.id,
    stage: e.stage,
    segment: e.segment,
    county: e.county,
    zone: e.zone,
    lon: e.lon,
    lat: e.lat,
    precision: e.precision,
  };
}
