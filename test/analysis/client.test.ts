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

/** Loads worker.ts into a fake DedicatedWorkerGlobalScope and wraps it as a Worker. */
async function fakeWorker(log: { transfers: unknown[][] }, sent: ToWorker[] = []): Promise<Worker> {
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
      sent.push(msg);
      const data = structuredClone(msg, { transfer });
      setTimeout(() => scope.onmessage?.({ data } as MessageEvent), 0);
    },
    terminate() {},
  };
  return w as unknown as Worker;
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const settle = async <T>(v: T | Promise<T>): Promise<T> => v;
const CHAIN = ['upstream', 'midstream', 'downstream'] as const;

describe('AnalysisClient in-process (no Worker in Node)', () => {
  it('answers each part exactly as analyze() computes it', async () => {
    const client = new AnalysisClient();
    expect(client.usesWorker).toBe(false);
    const ds = await client.load(records, zones, shangrao);
    const f = all();
    const want = analyze({
      records: records.filter((r) => r.stage !== 'upstream'),
      chainRecords: records,
      zones,
      studyArea: shangrao,
      params: { maxDistanceKm: 2 },
    });
    const mid = await settle(
      client.figures({ kind: 'stage', stage: 'midstream', maxDistanceKm: 2, minPoints: 3 }, f),
    );
    expect(mid).toEqual(want.stages.midstream);
    const cross = await settle(client.figures({ kind: 'cross', stages: ['midstream', 'downstream'] }, f));
    expect(cross).toEqual({ lq: want.lq, clq: want.clq });
    const chain = await settle(client.figures({ kind: 'chain' }, f));
    expect(chain).toEqual({ zoneChains: want.zoneChains, countyChains: want.countyChains });
    const hex = await settle(client.figures({ kind: 'hex', hexSideKm: 3 }, f));
    expect(hex).toEqual(analyze({ records, zones, studyArea: shangrao }).hexGrid);
    expect(ds.resolvedZones).toEqual(analyze({ records, zones, studyArea: shangrao }).resolvedZones);
    expect(ds.areaKm2).toBeCloseTo(want.stages.midstream.nni.areaKm2, 9);
  });

  it('a known answer comes at once, without a message; a filter crosses once', async () => {
    const client = new AnalysisClient();
    await client.load(records, zones, shangrao);
    const f = all();
    const ask = { kind: 'stage', stage: 'upstream', maxDistanceKm: 1.5, minPoints: 3 } as const;
    const first = client.figures(ask, f);
    expect(first).toBeInstanceOf(Promise);
    const again = client.figures(ask, f);
    expect(again).toBeInstanceOf(Promise); // not yet known; it replaces the first, unanswered
    await expect(first).rejects.toSatisfy(isSuperseded);
    const v = await again;
    expect(client.figures(ask, f)).toBe(v);
    // Another array with the same indices is another filter: it is asked for again.
    expect(client.figures(ask, all())).toBeInstanceOf(Promise);
  });

  it('a filter the engine has forgotten (many filters later) is sent again', async () => {
    const client = new AnalysisClient();
    await client.load(records, zones, shangrao);
    const first = all();
    const chainOf = (f: Uint32Array) => settle(client.figures({ kind: 'chain' }, f));
    const want = await chainOf(first);
    for (let i = 0; i < 20; i++) await chainOf(Uint32Array.from(records.keys()).subarray(0, 50 + i));
    await expect(chainOf(first)).resolves.toEqual(want);
  });

  it('a newer request of the same slot supersedes a queued one; other slots do not', async () => {
    const client = new AnalysisClient();
    await client.load(records, zones, shangrao);
    const f = all();
    const ask = (minPoints: number) =>
      settle(client.figures({ kind: 'stage', stage: 'midstream', maxDistanceKm: 1.5, minPoints }, f));
    const [r1, r2, r3, other] = await Promise.allSettled([
      ask(3),
      ask(4),
      ask(5),
      settle(client.figures({ kind: 'stage', stage: 'upstream', maxDistanceKm: 1.5, minPoints: 3 }, f)),
    ]);
    expect(r1.status === 'rejected' && isSuperseded(r1.reason)).toBe(true);
    expect(r2.status === 'rejected' && isSuperseded(r2.reason)).toBe(true);
    expect(r3.status).toBe('fulfilled');
    expect(other.status).toBe('fulfilled');
  });

  it('computes ahead the quotients one stage toggle away, once the page is quiet', async () => {
    const client = new AnalysisClient();
    await client.load(records, zones, shangrao);
    const f = all();
    await settle(client.figures({ kind: 'cross', stages: [...CHAIN] }, f));
    for (let i = 0; i < 5; i++) await tick();
    // Only once the page says it is quiet (figure-server.test.ts: never before).
    client.quiet();
    for (let i = 0; i < 5; i++) await tick();
    for (const off of CHAIN) {
      const got = client.figures({ kind: 'cross', stages: CHAIN.filter((s) => s !== off) }, f);
      expect(got, off).not.toBeInstanceOf(Promise);
      expect(got).toEqual({
        lq: analyze({ records: records.filter((r) => r.stage !== off) }).lq,
        clq: analyze({ records: records.filter((r) => r.stage !== off) }).clq,
      });
    }
  });

  it('load() supersedes requests made before it', async () => {
    const client = new AnalysisClient();
    const oldLoad = client.load(records, zones, shangrao);
    const old = settle(client.figures({ kind: 'chain' }, all()));
    const ds = client.load(records.slice(0, 10), zones, shangrao);
    await expect(old).rejects.toSatisfy(isSuperseded);
    await expect(oldLoad).rejects.toSatisfy(isSuperseded);
    await ds;
    const r = await settle(
      client.figures({ kind: 'chain' }, Uint32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 500)),
    );
    const counted = r.countyChains.reduce((n, c) => n + c.total, 0);
    expect(counted).toBe(records.slice(0, 10).filter((x) => CHAIN.includes(x.stage as never)).length);
  });
});

describe('AnalysisClient with the worker module', () => {
  it('runs worker.ts: the same answers, the filter sent once, its buffer transferred', async () => {
    const log = { transfers: [] as unknown[][] };
    const sent: ToWorker[] = [];
    const worker = await fakeWorker(log, sent);
    const c = new AnalysisClient({ mode: 'worker', createWorker: () => worker });
    expect(c.usesWorker).toBe(true);
    await c.load(records, zones, shangrao);
    const f = all();
    const want = analyze({ records, zones, studyArea: shangrao });
    for (const stage of CHAIN) {
      const got = await settle(c.figures({ kind: 'stage', stage, maxDistanceKm: 1.5, minPoints: 3 }, f));
      expect(got).toEqual(want.stages[stage]);
    }
    expect(await settle(c.figures({ kind: 'cross', stages: [...CHAIN] }, f))).toEqual({
      lq: want.lq,
      clq: want.clq,
    });
    expect(sent.filter((m) => m.type === 'filter')).toHaveLength(1);
    expect(f.length).toBe(records.length); // the caller's array is intact (a copy was transferred)
    const filterAt = sent.findIndex((m) => m.type === 'filter');
    expect(log.transfers[filterAt]!.length).toBe(1);
  });

  it('falls back in-process when the worker fails before answering', async () => {
    let w: { onerror: ((ev: unknown) => void) | null; onmessage: unknown } | null = null;
    const broken = () => {
      w = {
        onerror: null,
        onmessage: null,
        postMessage(m: ToWorker) {
          if (m.type === 'figures') setTimeout(() => w!.onerror?.({ preventDefault() {} }), 0);
        },
        terminate() {},
      } as never;
      return w as unknown as Worker;
    };
    const c = new AnalysisClient({ mode: 'worker', createWorker: broken });
    void c.load(records, zones, shangrao);
    const r = await settle(c.figures({ kind: 'chain' }, all()));
    expect(c.usesWorker).toBe(false);
    expect(r.zoneChains).toEqual(analyze({ records, zones, studyArea: shangrao }).zoneChains);
  });
});
