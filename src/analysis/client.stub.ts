import type { AnalysisParams, AnalysisResult } from './types.ts';
export class AnalysisClient {
  load(_r: unknown, _z: unknown, _s: unknown) {}
  async analyze(_v: Uint32Array, _c: Uint32Array, params: AnalysisParams): Promise<AnalysisResult> {
    const st = (stage: 'upstream' | 'midstream' | 'downstream') => ({
      stage,
      count: 0,
      located: 0,
      clusters: [],
      clusteredShare: null,
      nni: { n: 0, areaKm2: 0, observedMeanKm: null, expectedMeanKm: null, R: 1, z: null },
      level: 'none' as const,
    });
    return {
      params,
      total: 0,
      stages: { upstream: st('upstream'), midstream: st('midstream'), downstream: st('downstream') },
      lq: [],
      clq: {},
      zoneChains: [],
      countyChains: [],
      resolvedZones: {},
      hexGrid: { type: 'FeatureCollection', features: [] },
      elapsedMs: 0,
    };
  }
}
