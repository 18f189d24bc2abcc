/**
 * points-worker.ts in a stand-in for MapLibre's worker scope: its load handler ('LD') and actor.
 * A load naming data that newer data replaced (dropped) must not wait for it forever: MapLibre sends
 * a source's next load only once this one answers, so the source would never change again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeRecords } from '../../src/analysis/columns.ts';
import { POINTS_MESSAGE, pointsMarker } from '../../src/map/points-source.ts';

type Handler = (mapId: string, params: unknown, abort: AbortController) => Promise<unknown>;
const handlers: Record<string, Handler> = {
  LD: async (_mapId, params) => (params as { data: unknown }).data,
};

beforeAll(async () => {
  const scope = globalThis as unknown as { self?: unknown };
  scope.self ??= globalThis;
  (scope.self as { worker: unknown }).worker = {
    actor: {
      messageHandlers: handlers,
      registerMessageHandler(type: string, h: Handler) {
        handlers[type] = h;
      },
    },
  };
  await import('../../src/map/points-worker.ts');
});

const columns = () => {
  const { transfer: _, ...c } = encodeRecords([]);
  return { ...c, zones: [], zone: new Int32Array(0) };
};
const load = (data: unknown) => handlers.LD!('1', { data }, new AbortController());
const within = <T>(p: Promise<T>, ms = 500) =>
  Promise.race([p, new Promise<'waits'>((r) => setTimeout(() => r('waits'), ms))]);

describe('points-worker', () => {
  it('builds the features of a marker from the data sent for it', async () => {
    await handlers[POINTS_MESSAGE]!(
      '',
      { kind: 'points', n: 101, columns: columns() },
      new AbortController(),
    );
    expect(await within(load(pointsMarker(101)))).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('a load naming dropped data answers (with the marker as it is), not waits forever', async () => {
    await handlers[POINTS_MESSAGE]!(
      '',
      { kind: 'points', n: 201, columns: columns() },
      new AbortController(),
    );
    await handlers[POINTS_MESSAGE]!(
      '',
      { kind: 'points', n: 202, columns: columns(), drop: 201 },
      new AbortController(),
    );
    expect(await within(load(pointsMarker(201)))).toEqual(pointsMarker(201));
  });
});
