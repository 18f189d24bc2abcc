import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSample } from '../../scripts/lib/sample.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { AnalysisClient, isSuperseded } from '../../src/analysis/client.ts';
import type { ToWorker } from '../../src/analysis/protocol.ts';
import type { AnalysisRecord } from '../../src/analysis/types.ts';

const shangrao = (
  JSON.parse(
    readFileSync(new URL('../../geodata/shangrao-prefecture.geojson', import.meta.url), 'utf8'),
  ) as GeoJSON.FeatureCollection<GeoJSON.Polygon>
).features[0]!;
const { enterprises, zones } = generateSample({ seed: 5, count: 400 });
const records: AnalysisRecord[] = enterprises.map(({ id, stage, segment, county, zone, lon, lat }) => ({
  id,
  stage,
  segment,
  county,
  zone,
  lon,
  lat,
}));
const all = () => Uint32Array.from(records.keys());
const stageIdx = (stage: string) =>
  Uint32Array.from(records.flatMap((r, i) => (r.stage === stage ? [i] : [])));
const strip = <T extends { elapsedMs: number }>(r: T) => ({ ...r, elapsedMs: 0 });

/** Loads worker.ts into a fake DedicatedWorkerGlobalScope and wraps it as a Worker. */
async function fakeWorker(log: { transfers: unknown[][] }): Promise<Worker> {
  const scope: { onmessage?: (ev: MessageEvent) => void; postMessage: (m: unknown) => void } = {
    postMessage: (m) => setTimeout(() => w.onmessage?.({ data: structuredClone(m) } as MessageEvent), 0),
  };
  (globalThis as { self?: unknown }).self = scope;
  await import('../../src/analysis/worker.ts');
  const w = {
    onmessage: null as ((ev: MessageEvent) => void) | null,
    onerror: null,
    postMessage(msg: ToWorker, transfer: Transferable[] = []) {
      log.transfers.push(transfer);
      const data = structuredClone(msg, { transfer });
      setTimeout(() => scope.onmessage?.({ data } as MessageEvent), 0);
    },
    terminate() {},
  };
  return w as unknown as Worker;
}

describe('AnalysisClient in-process (no Worker in Node)', () => {
  it('runs inline and gives the same result as analyze()', async () => {
    const client = new AnalysisClient();
    expect(client.usesWorker).toBe(false);
    client.load(records, zones, shangrao);
    const up = stageIdx('upstream');
    const got = await client.analyze(up, all(), { maxDistanceKm: 2 });
    const want = analyze({
      records: records.filter((r) => r.stage === 'upstream'),
      chainRecords: records,
      zones,
      studyArea: shangrao,
      params: { maxDistanceKm: 2 },
    });
    expect(strip(got)).toEqual(strip(want));
  });

  it('a newer request supersedes older ones; only the newest resolves', async () => {
    const client = new AnalysisClient();
    client.load(records, zones, shangrao);
    const p1 = client.analyze(all(), all());
    const p2 = client.analyze(stageIdx('midstream'), all());
    const p3 = client.analyze(stageIdx('downstream'), all());
    const [r1, r2, r3] = await Promise.allSettled([p1, p2, p3]);
    expect(r1.status === 'rejected' && isSuperseded(r1.reason)).toBe(true);
    expect(r2.status === 'rejected' && isSuperseded(r2.reason)).toBe(true);
    expect(r3.status).toBe('fulfilled');
    if (r3.status === 'fulfilled')
      expect(r3.value.stages.downstream.count).toBe(stageIdx('downstream').length);
  });

  it('load() supersedes requests made before it', async () => {
    const client = new AnalysisClient();
    client.load(records, zones, shangrao);
    const old = client.analyze(all(), all());
    client.load(records.slice(0, 10), zones, shangrao);
    await expect(old).rejects.toSatisfy(isSuperseded);
    const r = await client.analyze(Uint32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 500), Uint32Array.of());
    expect(r.total).toBe(10);
  });
});

describe('AnalysisClient with the worker module', () => {
  it('runs worker.ts, transfers index buffers once proven, and supersedes', async () => {
    const log = { transfers: [] as unknown[][] };
    const worker = await fakeWorker(log);
    const c = new AnalysisClient({ mode: 'worker', createWorker: () => worker });
    expect(c.usesWorker).toBe(true);
    c.load(records, zones, shangrao);
    const first = all();
    const r1 = await c.analyze(first, first);
    expect(strip(r1)).toEqual(strip(analyze({ records, zones, studyArea: shangrao })));
    // First request: copies were sent (the caller's array stays usable for a fallback).
    expect(first.length).toBe(records.length);
    const v = stageIdx('upstream');
    const ch = all();
    const pA = c.analyze(v, ch);
    const pB = c.analyze(stageIdx('midstream'), all());
    const pC = c.analyze(stageIdx('downstream'), all());
    // pA is in flight (transferred), pB queued then replaced by pC.
    expect(v.length).toBe(0);
    await expect(pB).rejects.toSatisfy(isSuperseded);
    await expect(pA).rejects.toSatisfy(isSuperseded);
    const rc = await pC;
    expect(rc.stages.downstream.count).toBe(stageIdx('downstream').length);
    expect(log.transfers.at(-1)!.length).toBe(2);
  });

  it('falls back in-process when the worker fails before answering', async () => {
    let w: { onerror: ((ev: unknown) => void) | null; onmessage: unknown } | null = null;
    const broken = () => {
      w = {
        onerror: null,
        onmessage: null,
        postMessage(m: ToWorker) {
          if (m.type === 'analyze') setTimeout(() => w!.onerror?.({ preventDefault() {} }), 0);
        },
        terminate() {},
      } as never;
      return w as unknown as Worker;
    };
    const c = new AnalysisClient({ mode: 'worker', createWorker: broken });
    c.load(records, zones, shangrao);
    const r = await c.analyze(all(), all());
    expect(c.usesWorker).toBe(false);
    expect(r.total).toBe(records.length);
  });
});
