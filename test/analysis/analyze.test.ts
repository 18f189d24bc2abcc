import { readFileSync } from 'node:fs';
import { clustersDbscan } from '@turf/clusters-dbscan';
import { distance } from '@turf/distance';
import { nearestNeighborAnalysis } from '@turf/nearest-neighbor-analysis';
import { describe, expect, it } from 'vitest';
import { generateSample } from '../../scripts/lib/sample.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import type { AnalysisRecord, AnalysisResult } from '../../src/analysis/types.ts';
import { CHAIN_STAGES, type Stage, type Zone } from '../../src/data/types.ts';

const shangrao = (
  JSON.parse(
    readFileSync(new URL('../../geodata/shangrao-prefecture.geojson', import.meta.url), 'utf8'),
  ) as GeoJSON.FeatureCollection<GeoJSON.Polygon>
).features[0]!;

const toRecord = (e: AnalysisRecord): AnalysisRecord => ({
  id: e.id,
  stage: e.stage,
  segment: e.segment,
  county: e.county,
  zone: e.zone,
  lon: e.lon,
  lat: e.lat,
});

function sample(count: number, seed = 7) {
  const { enterprises, zones } = generateSample({ seed, count });
  return { records: enterprises.map(toRecord), zones };
}

/** Every number anywhere in the result is finite (no NaN / Infinity). */
function expectNoNaN(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) expectNoNaN(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) expectNoNaN(v, `${path}.${k}`);
}

describe('analyze on the synthetic sample', () => {
  const { records, zones } = sample(900);
  const params = { maxDistanceKm: 1.5, minPoints: 3, hexSideKm: 3 };
  const result = analyze({ records, zones, studyArea: shangrao, params });

  it('has no NaN and counts every visible record', () => {
    expectNoNaN({ ...result, elapsedMs: 0 });
    expect(result.total).toBe(records.length);
  });

  for (const stage of CHAIN_STAGES) {
    it(`${stage}: clusters are Turf's partition, NNI is Turf's, S and level follow`, () => {
      const located = records.filter((r) => r.stage === stage && r.lon !== null && r.lat !== null);
      const fig = result.stages[stage];
      expect(fig.count).toBe(records.filter((r) => r.stage === stage).length);
      expect(fig.located).toBe(located.length);
      const fc: GeoJSON.FeatureCollection<GeoJSON.Point> = {
        type: 'FeatureCollection',
        features: located.map((r) => ({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [r.lon!, r.lat!] },
        })),
      };
      const turf = clustersDbscan(fc, 1.5, { minPoints: 3 });
      const turfClusters = new Map<number, string[]>();
      turf.features.forEach((f, i) => {
        const c = f.properties.cluster;
        if (c !== undefined) turfClusters.set(c, [...(turfClusters.get(c) ?? []), located[i]!.id]);
      });
      expect(fig.clusters.map((c) => c.memberIds)).toEqual(
        [...turfClusters.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]),
      );
      const coreCount = turf.features.filter((f) => f.properties.dbscan === 'core').length;
      expect(fig.clusters.reduce((s, c) => s + c.core, 0)).toBe(coreCount);
      const members = turf.features.filter((f) => f.properties.cluster !== undefined).length;
      expect(fig.clusteredShare).toBe(members / located.length);

      const nni = nearestNeighborAnalysis(fc, { studyArea: structuredClone(shangrao) }).properties
        ?.nearestNeighborAnalysis as unknown as Record<string, number>;
      expect(fig.nni.R).toBe(nni.nearestNeighborIndex);
      expect(fig.nni.z).toBe(nni.zScore);
      for (const c of fig.clusters) {
        if (c.hull) expect(c.density).toBeCloseTo(c.memberIds.length / c.areaKm2, 9);
        expect(c.stage).toBe(stage);
      }
    });
  }

  it('CLQ matrix equals the brute-force definition over all located chain points', () => {
    const pts = records.filter((r) => CHAIN_STAGES.includes(r.stage as never) && r.lon !== null);
    const N = pts.length;
    const nA: Record<string, number> = {};
    const nAB: Record<string, number> = {};
    for (const p of pts) nA[p.stage] = (nA[p.stage] ?? 0) + 1;
    for (const p of pts) {
      const d = pts.map((q) =>
        q === p ? Number.POSITIVE_INFINITY : distance([p.lon!, p.lat!], [q.lon!, q.lat!]),
      );
      const m = Math.min(...d);
      const tied = pts.filter((_, j) => d[j]! <= m + 1e-9);
      for (const q of tied)
        nAB[`${p.stage}/${q.stage}`] = (nAB[`${p.stage}/${q.stage}`] ?? 0) + 1 / tied.length;
    }
    for (const a of CHAIN_STAGES)
      for (const b of CHAIN_STAGES) {
        const denom = a === b ? nA[a]! - 1 : nA[b]!;
        expect(result.clq[`${a}/${b}`]).toBeCloseTo((nAB[`${a}/${b}`] ?? 0) / nA[a]! / (denom / (N - 1)), 10);
      }
  });

  it('hex grid counts every located chain point exactly once', () => {
    const located = records.filter((r) => CHAIN_STAGES.includes(r.stage as never) && r.lon !== null);
    const sum = (k: 'total' | (typeof CHAIN_STAGES)[number]) =>
      result.hexGrid.features.reduce((s, f) => s + f.properties[k], 0);
    expect(sum('total')).toBe(located.length);
    for (const s of CHAIN_STAGES) expect(sum(s)).toBe(located.filter((r) => r.stage === s).length);
    expect(result.hexGrid.features.every((f) => f.properties.total > 0)).toBe(true);
  });

  it('lists every zone of the visible counties and every county with chain records', () => {
    expect(result.zoneChains.map((z) => z.id).sort()).toEqual(zones.map((z) => z.id).sort());
    const counties = new Set(
      records.filter((r) => r.county && CHAIN_STAGES.includes(r.stage as never)).map((r) => r.county),
    );
    expect(result.countyChains.map((c) => c.id).sort()).toEqual([...counties].sort());
  });
});

describe('analyze: stage filter, completeness and zones', () => {
  const { records, zones } = sample(600, 3);
  const upstreamOnly = records.filter((r) => r.stage === 'upstream');

  it('completeness ignores the stage filter (chainRecords); the other figures follow records', () => {
    const full = analyze({ records, zones, studyArea: shangrao });
    const filtered = analyze({ records: upstreamOnly, chainRecords: records, zones, studyArea: shangrao });
    expect(filtered.zoneChains).toEqual(full.zoneChains);
    expect(filtered.countyChains).toEqual(full.countyChains);
    expect(filtered.stages.midstream).toMatchObject({
      count: 0,
      located: 0,
      clusters: [],
      clusteredShare: null,
      level: 'none',
    });
    expect(filtered.stages.upstream).toEqual(full.stages.upstream);
    expect(filtered.clq['upstream/midstream']).toBeNull();
    // Without chainRecords, completeness counts only what is passed.
    const onlyUp = analyze({ records: upstreamOnly, zones, studyArea: shangrao });
    expect(onlyUp.countyChains.every((c) => c.counts.midstream === 0)).toBe(true);
  });

  it('support and unclassified never enter chain metrics', () => {
    const extra: AnalysisRecord[] = Array.from({ length: 50 }, (_, i) => ({
      id: `x${i}`,
      stage: (i % 2 ? 'support' : 'unclassified') as Stage,
      segment: null,
      county: '361102',
      zone: zones[0]!.id,
      lon: 117.97 + i * 1e-4,
      lat: 28.45,
    }));
    const a = analyze({ records, zones, studyArea: shangrao });
    const b = analyze({ records: [...records, ...extra], zones, studyArea: shangrao });
    expect(b.total).toBe(a.total + 50);
    expect({ ...b, total: 0, elapsedMs: 0 }).toEqual({ ...a, total: 0, elapsedMs: 0 });
  });

  it('containment assigns records without a zone id to real boundaries and reports them', () => {
    const z0 = zones[0]!;
    const real: Zone = { ...z0, id: 'real-zone', realBoundary: true };
    const inside = records.filter((r) => r.lon !== null && r.zone === z0.id).slice(0, 10);
    expect(inside.length).toBe(10);
    const changed = records.map((r) => (inside.includes(r) ? { ...r, zone: null } : r));
    const res = analyze({ records: changed, zones: [...zones, real], studyArea: shangrao });
    for (const r of inside) expect(res.resolvedZones[r.id]).toBe('real-zone');
    const rz = res.zoneChains.find((z) => z.id === 'real-zone')!;
    expect(rz.total).toBe(inside.filter((r) => CHAIN_STAGES.includes(r.stage as never)).length);
  });
});

describe('analyze: degenerate inputs give defined results', () => {
  const cases: [string, AnalysisRecord[]][] = [
    ['no records', []],
    [
      'one record',
      [
        {
          id: 'a',
          stage: 'midstream',
          segment: 'casting',
          county: '361102',
          zone: null,
          lon: 117.9,
          lat: 28.4,
        },
      ],
    ],
    [
      'unlocated only',
      Array.from({ length: 8 }, (_, i) => ({
        id: `u${i}`,
        stage: 'downstream',
        segment: null,
        county: '361102',
        zone: 'z',
        lon: null,
        lat: null,
      })),
    ],
    [
      'all at one point',
      Array.from({ length: 8 }, (_, i) => ({
        id: `p${i}`,
        stage: 'upstream',
        segment: 'scrap',
        county: null,
        zone: null,
        lon: 117.9,
        lat: 28.4,
      })),
    ],
    [
      'four collinear',
      Array.from({ length: 4 }, (_, i) => ({
        id: `c${i}`,
        stage: 'upstream',
        segment: null,
        county: null,
        zone: null,
        lon: 117.9 + i * 0.001,
        lat: 28.4,
      })),
    ],
  ];
  for (const [name, records] of cases) {
    for (const studyArea of [shangrao, null]) {
      it(`${name}${studyArea ? '' : ', no study area'}`, () => {
        let r: AnalysisResult | undefined;
        expect(() => {
          r = analyze({ records, studyArea });
        }).not.toThrow();
        const res = r!;
        const { stages, ...rest } = res;
        expectNoNaN({ ...rest, elapsedMs: 0 });
        for (const s of CHAIN_STAGES) {
          const f = stages[s];
          for (const v of [f.nni.R, f.nni.z, f.nni.observedMeanKm, f.nni.expectedMeanKm, f.clusteredShare])
            expect(v === null || Number.isFinite(v)).toBe(true);
          if (f.located < 5 || !studyArea) expect(f.level).toBe('none');
          for (const c of f.clusters) expect(c.density === null || Number.isFinite(c.density)).toBe(true);
        }
      });
    }
  }
  it('all at one point: one cluster without hull, R = 0', () => {
    const r = analyze({ records: cases[3]![1], studyArea: shangrao });
    expect(r.stages.upstream.clusters).toHaveLength(1);
    expect(r.stages.upstream.clusters[0]).toMatchObject({ hull: null, areaKm2: 0, density: null, core: 8 });
    expect(r.stages.upstream.nni.R).toBe(0);
    expect(r.stages.upstream.level).toBe('high');
  });
});

describe('precision and the spatial figures', () => {
  it('county-precision points are counted but kept out of clusters and the nearest-neighbour index', () => {
    const base = {
      stage: 'midstream' as const,
      segment: 'processing' as const,
      county: '361104',
      zone: null,
    };
    // Six firms at one county label point, and five spread far apart at township precision.
    const recs = [
      ...Array.from({ length: 6 }, (_, i) => ({
        ...base,
        id: `c${i}`,
        lon: 117.8,
        lat: 28.4,
        precision: 'county' as const,
      })),
      ...Array.from({ length: 5 }, (_, i) => ({
        ...base,
        id: `t${i}`,
        lon: 116.5 + i * 0.3,
        lat: 28.9,
        precision: 'township' as const,
      })),
    ];
    const r = analyze({ records: recs });
    expect(r.stages.midstream.count).toBe(11);
    expect(r.stages.midstream.located).toBe(5);
    expect(r.stages.midstream.clusters).toEqual([]);
    // Without precision every located point enters: the six form a cluster.
    const r2 = analyze({ records: recs.map(({ precision: _p, ...x }) => x) });
    expect(r2.stages.midstream.clusters).toHaveLength(1);
    expect(r.lq.find((q) => q.county === '361104' && q.stage === 'midstream')?.count).toBe(11);
  });
});

describe('approximate cluster members', () => {
  it('counts members with township, zone or county precision', () => {
    const base = {
      stage: 'midstream' as const,
      segment: 'processing' as const,
      county: '361104',
      zone: null,
    };
    const recs = [
      ...Array.from({ length: 3 }, (_, i) => ({
        ...base,
        id: `t${i}`,
        lon: 117.8 + i * 0.001,
        lat: 28.4,
        precision: 'township' as const,
      })),
      ...Array.from({ length: 2 }, (_, i) => ({
        ...base,
        id: `e${i}`,
        lon: 117.8 + i * 0.001,
        lat: 28.401,
        precision: 'exact' as const,
      })),
    ];
    const [c] = analyze({ records: recs }).stages.midstream.clusters;
    expect(c!.memberIds).toHaveLength(5);
    expect(c!.approximate).toBe(3);
  });
});
