/// <reference lib="webworker" />
/**
 * Imported into MapLibre's worker (maplibregl.importScriptInWorkers, by controller.ts): keeps the
 * latest points the page sent (POINTS_MESSAGE) and, when MapLibre loads a source whose data is a
 * pointsMarker(n), loads columnFeatures() of those points instead, built here rather than on the page
 * (points-source.ts says why). It wraps MapLibre's own load handler, as MapLibre's documentation of
 * importScriptInWorkers suggests, and answers POINTS_HELLO so that the page knows it is in place.
 */
import {
  columnFeatures,
  markedPoints,
  POINTS_DROP,
  POINTS_HELLO,
  POINTS_MESSAGE,
  POINTS_PLUGIN,
  type PointsMessage,
} from './points-source.ts';

type Handler = (mapId: string, params: unknown, abort: AbortController) => Promise<unknown>;

interface MapLibreWorkerScope {
  worker?: {
    actor?: {
      messageHandlers?: Record<string, Handler | undefined>;
      registerMessageHandler(type: string, handler: Handler): void;
    };
  };
}

/** MessageType.loadData in MapLibre (util/actor_messages.ts): a GeoJSON source's setData. */
const LOAD_DATA = 'LD';

/** The points received and not replaced yet, by number (one set per map on the page). */
const received = new Map<number, PointsMessage>();
/** Loads waiting for points not received yet, by number. */
const waiting = new Map<number, ((m: PointsMessage) => void)[]>();

function pointsFor(n: number, abort: AbortController): Promise<PointsMessage> {
  const known = received.get(n);
  if (known) return Promise.resolve(known);
  return new Promise((resolve, reject) => {
    waiting.set(n, [...(waiting.get(n) ?? []), resolve]);
    abort.signal.addEventListener('abort', () => {
      waiting.set(
        n,
        (waiting.get(n) ?? []).filter((r) => r !== resolve),
      );
      reject(abort.signal.reason ?? new DOMException('aborted', 'AbortError'));
    });
  });
}

const actor = (self as unknown as MapLibreWorkerScope).worker?.actor;
const load = actor?.messageHandlers?.[LOAD_DATA];
if (actor && load) {
  actor.registerMessageHandler(POINTS_MESSAGE, async (_mapId, params) => {
    const msg = params as PointsMessage;
    if (msg.drop !== undefined) received.delete(msg.drop);
    received.set(msg.n, msg);
    for (const r of waiting.get(msg.n) ?? []) r(msg);
    waiting.delete(msg.n);
  });
  actor.registerMessageHandler(LOAD_DATA, async (mapId, params, abort) => {
    const p = params as { data?: unknown };
    const n = markedPoints(p.data);
    if (n !== null) p.data = columnFeatures((await pointsFor(n, abort)).columns);
    return load(mapId, p, abort);
  });
  actor.registerMessageHandler(POINTS_DROP, async (_mapId, n) => void received.delete(n as number));
  actor.registerMessageHandler(POINTS_HELLO, async () => POINTS_PLUGIN);
}
