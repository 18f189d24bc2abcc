/// <reference lib="webworker" />
/**
 * Imported into MapLibre's worker (maplibregl.importScriptInWorkers, by controller.ts): keeps the
 * latest points and clusters the page sent (POINTS_MESSAGE, CLUSTERS_MESSAGE) and, when MapLibre loads
 * a source whose data is a marker (pointsMarker, clustersMarker), loads the features of those instead,
 * built here rather than on the page (points-source.ts says why). It wraps MapLibre's own load handler,
 * as MapLibre's documentation of importScriptInWorkers suggests, and answers POINTS_HELLO so that the
 * page knows it is in place.
 */
import { decodeClusters } from './cluster-columns.ts';
import { clusterCentreFeatures, hullFeatures } from './frame.ts';
import {
  CLUSTERS_MESSAGE,
  type ClustersMessage,
  columnFeatures,
  markedClusters,
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

type Message = PointsMessage | ClustersMessage;

/** The data received and not replaced yet, by number (per map on the page: its points, its clusters). */
const received = new Map<number, Message>();
/** Loads waiting for data not received yet, by number. */
const waiting = new Map<number, ((m: Message | null) => void)[]>();
/**
 * The numbers of data replaced: a load that names one (its data replaced while it crossed) answers with
 * the marker as it is, since MapLibre sends the source's next load, the newer data's, only after it.
 */
const dropped = new Set<number>();

function dataFor(n: number, abort: AbortController): Promise<Message | null> {
  const known = received.get(n);
  if (known) return Promise.resolve(known);
  if (dropped.has(n)) return Promise.resolve(null);
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

/** The features a marker stands for. */
async function features(data: unknown, abort: AbortController): Promise<GeoJSON.FeatureCollection | null> {
  const p = markedPoints(data);
  if (p !== null) {
    const msg = await dataFor(p, abort);
    return msg?.kind === 'points' ? columnFeatures(msg.columns) : null;
  }
  const c = markedClusters(data);
  if (c === null) return null;
  const msg = await dataFor(c.n, abort);
  if (msg?.kind !== 'clusters') return null;
  const clusters = decodeClusters(msg.columns);
  return c.part === 'hulls'
    ? hullFeatures(clusters)
    : clusterCentreFeatures(clusters, msg.names, msg.largeText);
}

function drop(n: number): void {
  received.delete(n);
  dropped.add(n);
  for (const r of waiting.get(n) ?? []) r(null);
  waiting.delete(n);
}

const actor = (self as unknown as MapLibreWorkerScope).worker?.actor;
const load = actor?.messageHandlers?.[LOAD_DATA];
if (actor && load) {
  const keep = async (_mapId: string, params: unknown) => {
    const msg = params as Message;
    if (msg.drop !== undefined) drop(msg.drop);
    received.set(msg.n, msg);
    for (const r of waiting.get(msg.n) ?? []) r(msg);
    waiting.delete(msg.n);
  };
  actor.registerMessageHandler(POINTS_MESSAGE, keep);
  actor.registerMessageHandler(CLUSTERS_MESSAGE, keep);
  actor.registerMessageHandler(LOAD_DATA, async (mapId, params, abort) => {
    const p = params as { data?: unknown };
    const built = await features(p.data, abort);
    if (built) p.data = built;
    return load(mapId, p, abort);
  });
  actor.registerMessageHandler(POINTS_DROP, async (_mapId, n) => drop(n as number));
  actor.registerMessageHandler(POINTS_HELLO, async () => POINTS_PLUGIN);
}
