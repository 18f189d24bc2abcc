import { describe, expect, it } from 'vitest';
import { CHAIN_SEGMENTS } from '../../src/analysis/chain-segments.ts';
import { createFigureServer } from '../../src/analysis/figure-server.ts';
import { gapList } from '../../src/analysis/gap-list.ts';
import { type FromWorker, keyOf } from '../../src/analysis/protocol.ts';
import { resolveZones } from '../../src/analysis/resolve-zones.ts';
import { segmentColocation } from '../../src/analysis/segment-colocation.ts';
import type { AnalysisRecord } from '../../src/analysis/types.ts';
import { SEGMENT_STAGE } from '../../src/data/types.ts';
import { mulberry32, uniform } from './random.ts';

const rnd = mulberry32(5);
const records: AnalysisRecord[] = uniform(rnd, 300).map(([lon, lat], i) => {
  const segment = CHAIN_SEGMENTS[i % CHAIN_SEGMENTS.length]!;
  return { id: `r${i}`, stage: SEGMENT_STAGE[segment], segment, county: '361102', zone: null, lon, lat };
});

/** A server whose queue runs when the test says so. */
function setup() {
  const posted: FromWorker[] = [];
  const tasks: (() => void)[] = [];
  const srv = createFigureServer(
    (m) => posted.push(m),
    (f) => tasks.push(f),
  );
  const run = () => {
    while (tasks.length) tasks.shift()!();
  };
  srv.loadRecords(1, records, [], null);
  srv.receive({ type: 'filter', dataset: 1, filter: 1, indices: Uint32Array.from(records.keys()) });
  return { srv, posted, run };
}

describe('figure server: the chain diagram and list parts (issue 8)', () => {
  it('answers segments and gaps with the kernels over the named filter', () => {
    const { srv, posted, run } = setup();
    srv.receive({
      type: 'figures',
      dataset: 1,
      id: 1,
      request: { kind: 'segments', filter: 1, stages: ['midstream', 'upstream'] },
    });
    srv.receive({ type: 'figures', dataset: 1, id: 2, request: { kind: 'gaps', filter: 1 } });
    run();
    const seg = posted.find((m) => m.type === 'result' && m.id === 1);
    const gaps = posted.find((m) => m.type === 'result' && m.id === 2);
    expect(seg && 'result' in seg && seg.result).toEqual(
      segmentColocation(records.filter((r) => r.stage !== 'downstream')),
    );
    expect(gaps && 'result' in gaps && gaps.result).toEqual(
      gapList(records, resolveZones(records, []).zoneOf, []),
    );
  });

  it('keys segments on the set of stages (any order) and warms the sets one toggle away', () => {
    expect(keyOf({ kind: 'segments', filter: 1, stages: ['upstream', 'midstream'] })).toBe(
      keyOf({ kind: 'segments', filter: 1, stages: ['midstream', 'upstream'] }),
    );
    expect(keyOf({ kind: 'gaps', filter: 2 })).not.toBe(keyOf({ kind: 'gaps', filter: 1 }));
    const { srv, posted, run } = setup();
    srv.receive({
      type: 'figures',
      dataset: 1,
      id: 1,
      request: { kind: 'segments', filter: 1, stages: ['upstream', 'midstream', 'downstream'] },
    });
    run();
    const warm = () => posted.filter((m) => m.type === 'warm').map((m) => (m.type === 'warm' ? m.key : ''));
    // Nothing ahead while the page is drawing what it asked for (a load, a change).
    expect(warm()).toEqual([]);
    srv.receive({ type: 'quiet', dataset: 1 });
    run();
    const warmed = warm();
    expect(warmed.sort()).toEqual(
      [
        ['midstream', 'downstream'],
        ['upstream', 'downstream'],
        ['upstream', 'midstream'],
      ]
        .map((stages) => keyOf({ kind: 'segments', filter: 1, stages: stages as never }))
        .sort(),
    );
  });

  it('stops computing ahead at the next request, and starts again only when the page is quiet', () => {
    const { srv, posted, run } = setup();
    const ask = (id: number, stages: string[]) =>
      srv.receive({
        type: 'figures',
        dataset: 1,
        id,
        request: { kind: 'segments', filter: 1, stages: stages as never },
      });
    const warmed = () => posted.filter((m) => m.type === 'warm').length;
    ask(1, ['upstream', 'midstream', 'downstream']);
    run();
    srv.receive({ type: 'quiet', dataset: 1 });
    // A request arrives before the first set ahead is computed: it is answered, and nothing is warmed.
    ask(2, ['upstream']);
    run();
    expect(posted.some((m) => m.type === 'result' && m.id === 2)).toBe(true);
    expect(warmed()).toBe(0);
    // A quiet message of an earlier dataset is not the page being quiet now.
    srv.receive({ type: 'quiet', dataset: 0 });
    run();
    expect(warmed()).toBe(0);
    srv.receive({ type: 'quiet', dataset: 1 });
    run();
    expect(warmed()).toBeGreaterThan(0);
  });
});
