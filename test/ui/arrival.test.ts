import { describe, expect, it } from 'vitest';
import { encodeRecords } from '../../src/analysis/columns.ts';
import { facetCodes, withZoneCodes } from '../../src/data/facet-counts.ts';
import { type Enterprise, PRECISIONS, SEGMENTS, STAGES, type Zone } from '../../src/data/types.ts';
import { yieldToPage } from '../../src/data/yield-to-page.ts';
import { indexDataset } from '../../src/ui/arrival.ts';
import { ent } from '../ui/fixtures.ts';

const zone = (id: string): Zone => ({
  id,
  name: id,
  nameEn: null,
  level: 'provincial',
  county: '361104',
  geometry: null,
  precision: 'none',
  realBoundary: false,
  source: 'test',
});
const ZONES = [zone('z1'), zone('z2'), zone('__proto__')];

/** Every stage, segment (and none), precision; zones known, unknown to the list, prototype keys, none. */
const RECORDS: Enterprise[] = Array.from({ length: 103 }, (_, i) =>
  ent(i, {
    stage: STAGES[i % STAGES.length]!,
    segment: i % 7 === 0 ? null : SEGMENTS[i % SEGMENTS.length]!,
    county: i % 11 === 0 ? null : i % 13 === 0 ? 'not-a-county' : '361102',
    zone: [null, 'z1', 'z2', 'orphan', '__proto__', 'constructor', ''][i % 7]!,
    precision: PRECISIONS[i % PRECISIONS.length]!,
  }),
);
// A duplicate id: the later record wins, as new Map(records.map(…)) has it.
RECORDS.push(ent(5, { name: 'duplicate of E00005' }));

describe('indexDataset (what the state derives once per dataset, built in slices)', () => {
  it('equals the codes and the id map built in one go, whatever the slice', async () => {
    const whole = facetCodes(
      RECORDS,
      ZONES.map((z) => z.id),
    );
    const byId = new Map(RECORDS.map((e, i) => [e.id, i]));
    for (const slice of [1, 7, 50, 10_000]) {
      const ix = await indexDataset(RECORDS, ZONES, slice);
      expect(ix.records).toBe(RECORDS);
      expect(ix.zones).toBe(ZONES);
      expect(ix.codes).toEqual(whole);
      expect([...ix.byId]).toEqual([...byId]);
      expect(ix.columns).toStrictEqual(encodeRecords(RECORDS));
    }
  });

  it('lets the page run between slices (does not finish in one task)', async () => {
    let done = false;
    const p = indexDataset(RECORDS, ZONES, 10).then(() => (done = true));
    await yieldToPage();
    expect(done).toBe(false);
    await p;
    expect(done).toBe(true);
  });

  it('no columns when a record has a value they cannot carry (the client then falls back)', async () => {
    const odd = [...RECORDS, ent(999, { stage: 'bogus' as never })];
    const ix = await indexDataset(odd, ZONES, 7);
    expect(ix.columns).toBeNull();
    expect(ix.byId.get('E00999')).toBe(odd.length - 1);
  });

  it('an empty dataset', async () => {
    const ix = await indexDataset([], []);
    expect(ix.codes.n).toBe(0);
    expect(ix.codes.zoneValues).toEqual(['none']);
    expect(ix.byId.size).toBe(0);
  });
});

describe('withZoneCodes (the zones as containment resolves them)', () => {
  it('equals facetCodes with the same zoneOf, the other columns shared', () => {
    const ids = ZONES.map((z) => z.id);
    const own = facetCodes(RECORDS, ids);
    const zoneOf = (i: number) =>
      RECORDS[i]!.zone || (i % 3 === 0 ? 'z2' : i % 3 === 1 ? 'hasOwnProperty' : null);
    const resolved = withZoneCodes(own, ids, zoneOf);
    expect(resolved).toEqual(facetCodes(RECORDS, ids, zoneOf));
    expect(resolved.stage).toBe(own.stage);
    expect(own).toEqual(facetCodes(RECORDS, ids)); // the own codes are left as they were
  });
});
