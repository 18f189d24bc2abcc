import type { Zone } from '../data/types.ts';
import { analyze } from './analyze.ts';
import { resolveZones } from './resolve-zones.ts';
import type { StudyArea } from './study-area-km2.ts';
import { studyAreaKm2 } from './study-area-km2.ts';
import type { AnalysisParams, AnalysisRecord, AnalysisResult } from './types.ts';

export interface AnalysisSession {
  /** Keeps the dataset; resolves zone containment and the study area's km² once. */
  load(records: readonly AnalysisRecord[], zones: readonly Zone[], studyArea: StudyArea | null): void;
  /**
   * analyze() over the loaded records at `visibleIdx` (fully filtered) and `chainIdx` (visible
   * ignoring the stage filter, for chain completeness). Out-of-range indices are ignored.
   */
  analyze(
    visibleIdx: ArrayLike<number>,
    chainIdx: ArrayLike<number>,
    params?: Partial<AnalysisParams>,
  ): AnalysisResult;
}

/**
 * A loaded dataset and the per-dataset precomputation (zone of every record, study-area km²), shared
 * by the Web Worker and the client's in-process fallback. Filter changes then only pass indices.
 */
export function createAnalysisSession(): AnalysisSession {
  let records: readonly AnalysisRecord[] = [];
  let zones: readonly Zone[] = [];
  let studyArea: StudyArea | null = null;
  let areaKm2 = 0;
  let zoneById = new Map<string, { zone: string | null; byContainment: boolean }>();
  const pick = (idx: ArrayLike<number>): AnalysisRecord[] => {
    const out: AnalysisRecord[] = [];
    for (let t = 0; t < idx.length; t++) {
      const r = records[idx[t]!];
      if (r) out.push(r);
    }
    return out;
  };
  return {
    load(r, z, s) {
      records = r;
      zones = z;
      studyArea = s;
      areaKm2 = s ? studyAreaKm2(s) : 0;
      const res = resolveZones(r, z);
      zoneById = new Map();
      r.forEach((rec, i) => {
        zoneById.set(rec.id, { zone: res.zoneOf[i]!, byContainment: res.byContainment[i] === 1 });
      });
    },
    analyze(visibleIdx, chainIdx, params) {
      const visible = pick(visibleIdx);
      const chain = visibleIdx === chainIdx ? visible : pick(chainIdx);
      return analyze({
        records: visible,
        chainRecords: chain,
        zones,
        studyArea,
        studyAreaKm2: areaKm2,
        zoneById,
        ...(params ? { params } : {}),
      });
    },
  };
}
