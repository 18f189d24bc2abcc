import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSample } from '../../scripts/lib/sample.ts';
import { AnalysisClient } from '../../src/analysis/client.ts';
import {
  decodeRecords,
  encodeRecords,
  encodeRecordsBuilder,
  type RecordColumns,
} from '../../src/analysis/columns.ts';
import type { ToWorker } from '../../src/analysis/protocol.ts';
import { createAnalysisSession } from '../../src/analysis/session.ts';
import { toAnalysisRecord } from '../../src/analysis/to-analysis-record.ts';
import type { AnalysisRecord } from '../../src/analysis/types.ts';

/** What the worker receives: the columns cloned with their buffers transferred. */
function overTheWire(records: readonly AnalysisRecord[]): RecordColumns {
  const { transfer, ...columns } = encodeRecords(records);
  return structuredClone(columns, { transfer });
}

const mixed: AnalysisRecord[] = [
  {
    id: 'e1',
    stage: 'upstream',
    segment: 'mining',
    county: '361125',
    zone: 'z1',
    lon: 117.9,
    lat: 28.4,
    precision: 'exact',
  },
  // Unlocated, every nullable field null, no precision at all.
  { id: 'e2', stage: 'unclassified', segment: null, county: null, zone: null, lon: null, lat: null },
  // Only one coordinate null; −0 and an extreme value kept bit for bit.
  {
    id: 'e3',
    stage: 'midstream',
    segment: 'smelting',
    county: '361125',
    zone: null,
    lon: -0,
    lat: null,
    precision: 'none',
  },
  {
    id: '上饶·铜业-001',
    stage: 'downstream',
    segment: 'wire-cable',
    county: '361102',
    zone: '经开区',
    lon: 1e-300,
    lat: -89.999999999999,
    precision: 'county',
  },
  // Astral-plane characters, an empty id, and ids that contain a NUL or look like separators.
  { id: '🏭𝟘', stage: 'support', segment: 'park', county: '361102', zone: 'z1', lon: 118, lat: 28.5 },
  { id: '', stage: 'upstream', segment: 'scrap', county: '361125', zone: 'z2', lon: 118.1, lat: 28.6 },
  {
    id: 'a\u0000b',
    stage: 'upstream',
    segment: 'mining',
    county: '361125',
    zone: null,
    lon: 117,
    lat: 28,
    precision: 'street',
  },
  { id: ',', stage: 'midstream', segment: 'casting', county: null, zone: 'z2', lon: 117.5, lat: 28.1 },
];

describe('encodeRecords / decodeRecords', () => {
  it('round-trips records with nulls, missing precision and unicode ids', () => {
    expect(decodeRecords(encodeRecords(mixed))).toStrictEqual(mixed);
    expect(decodeRecords(overTheWire(mixed))).toStrictEqual(mixed);
    expect(Object.is(decodeRecords(overTheWire(mixed))[2]!.lon, -0)).toBe(true);
  });

  it('round-trips 0 records', () => {
    const enc = encodeRecords([]);
    expect(enc.length).toBe(0);
    expect(decodeRecords(enc)).toStrictEqual([]);
    expect(decodeRecords(overTheWire([]))).toStrictEqual([]);
  });

  it('round-trips the sample dataset', () => {
    const records = generateSample({ seed: 11, count: 3000 }).enterprises.map(toAnalysisRecord);
    expect(decodeRecords(overTheWire(records))).toStrictEqual(records);
  });

  it('sends only typed arrays and small string tables; every buffer is listed for transfer', () => {
    const enc = encodeRecords(mixed);
    expect(enc.transfer).toHaveLength(8);
    expect(new Set(enc.transfer).size).toBe(8);
    for (const b of enc.transfer) expect(b).toBeInstanceOf(ArrayBuffer);
    expect(typeof enc.ids).toBe('string');
    expect(enc.segments).toEqual(['mining', 'smelting', 'wire-cable', 'park', 'scrap', 'casting']);
    expect(enc.counties).toEqual(['361125', '361102']);
    expect(enc.zones).toEqual(['z1', '经开区', 'z2']);
    expect([...enc.zone]).toEqual([0, -1, -1, 1, 0, 2, -1, 2]);
    // Transferred: the encoder's arrays are detached, the received ones intact.
    const { transfer, ...columns } = enc;
    const got = structuredClone(columns, { transfer });
    expect(enc.lon.length).toBe(0);
    expect(got.lon.length).toBe(mixed.length);
  });

  it('treats a NaN coordinate as null (both are unlocated)', () => {
    const r: AnalysisRecord = { ...mixed[0]!, lon: Number.NaN, lat: Number.NaN };
    expect(decodeRecords(encodeRecords([r]))).toStrictEqual([{ ...r, lon: null, lat: null }]);
  });

  it('rejects a stage or precision it cannot encode', () => {
    expect(() => encodeRecords([{ ...mixed[0]!, stage: 'bogus' as never }])).toThrow(RangeError);
    expect(() => encodeRecords([{ ...mixed[0]!, precision: 'bogus' as never }])).toThrow(RangeError);
  });

  it('gives the session the same analysis as the original records', () => {
    const shangrao = (
      JSON.parse(
        readFileSync(new URL('../../geodata/shangrao-prefecture.geojson', import.meta.url), 'utf8'),
      ) as GeoJSON.FeatureCollection<GeoJSON.Polygon>
    ).features[0]!;
    const { enterprises, zones } = generateSample({ seed: 7, count: 1500 });
    // Some records without precision (they count as exact).
    const records = enterprises.map((e, i) => {
      const r = toAnalysisRecord(e);
      if (i % 7 === 0) delete r.precision;
      return r;
    });
    const direct = createAnalysisSession();
    const viaColumns = createAnalysisSession();
    expect(viaColumns.load(decodeRecords(overTheWire(records)), zones, shangrao)).toStrictEqual(
      direct.load(records, zones, shangrao),
    );
    const filter = Uint32Array.from(records.keys()).filter((i) => i % 3 !== 0);
    for (const s of [direct, viaColumns]) s.setFilter(1, filter);
    const asks = [
      ...(['upstream', 'midstream', 'downstream'] as const).map(
        (stage) => ({ kind: 'stage', filter: 1, stage, maxDistanceKm: 1.5, minPoints: 3 }) as const,
      ),
      { kind: 'cross', filter: 1, stages: ['upstream', 'downstream'] } as const,
      { kind: 'chain', filter: 1 } as const,
      { kind: 'hex', filter: 1, hexSideKm: 3 } as const,
    ];
    for (const ask of asks) expect(viaColumns.compute(ask), ask.kind).toStrictEqual(direct.compute(ask));
  });
});

describe('AnalysisClient.load with a worker', () => {
  const recordingWorker = (sent: { msg: ToWorker; transfer: Transferable[] }[]) => () =>
    ({
      onmessage: null,
      onerror: null,
      postMessage(msg: ToWorker, transfer: Transferable[] = []) {
        sent.push({ msg: structuredClone(msg, { transfer }), transfer });
      },
      terminate() {},
    }) as unknown as Worker;

  it('posts the records as columns with their buffers transferred; the caller keeps its records', () => {
    const sent: { msg: ToWorker; transfer: Transferable[] }[] = [];
    const c = new AnalysisClient({ mode: 'worker', createWorker: recordingWorker(sent) });
    const input = structuredClone(mixed);
    c.load(input, [], null);
    expect(sent).toHaveLength(1);
    const { msg, transfer } = sent[0]!;
    expect(msg.type).toBe('load');
    expect(transfer).toHaveLength(8);
    if (msg.type === 'load') {
      expect(msg.records).not.toHaveProperty('transfer');
      expect(decodeRecords(msg.records)).toStrictEqual(mixed);
    }
    expect(input).toStrictEqual(mixed);
    expect(c.usesWorker).toBe(true);
  });

  it('takes the columns built ahead, once: columns already sent (or of other records) are encoded again', () => {
    const sent: { msg: ToWorker; transfer: Transferable[] }[] = [];
    const c = new AnalysisClient({ mode: 'worker', createWorker: recordingWorker(sent) });
    const b = encodeRecordsBuilder(mixed);
    for (let i = 0; i < mixed.length; i += 2) b.fill(i, Math.min(mixed.length, i + 2));
    const ahead = b.finish();
    expect(ahead).toStrictEqual(encodeRecords(mixed));
    const superseded = () => {}; // each load supersedes the one before
    c.load(mixed, [], null, ahead).catch(superseded);
    expect(sent[0]!.transfer).toStrictEqual(ahead.transfer);
    expect(ahead.idEnd.length).toBe(0); // transferred
    c.load(mixed, [], null, ahead).catch(superseded);
    c.load(mixed.slice(1), [], null, encodeRecords(mixed));
    for (const [k, want] of [
      [1, mixed],
      [2, mixed.slice(1)],
    ] as const) {
      const m = sent[k]!.msg;
      expect(m.type === 'load' && decodeRecords(m.records)).toStrictEqual(want);
    }
  });

  it('runs in-process when the records cannot be encoded', async () => {
    const sent: { msg: ToWorker; transfer: Transferable[] }[] = [];
    const c = new AnalysisClient({ mode: 'worker', createWorker: recordingWorker(sent) });
    c.load([...mixed, { ...mixed[0]!, id: 'odd', stage: 'bogus' as never }], [], null);
    expect(sent).toHaveLength(0);
    expect(c.usesWorker).toBe(false);
    const r = await c.figures({ kind: 'chain' }, Uint32Array.of(0, 1, 8));
    expect(r.countyChains.reduce((n, x) => n + x.total, 0)).toBeGreaterThan(0);
  });
});
