/**
 * The clusters as MapLibre's worker receives them (points-source.ts says why): a few typed arrays and
 * two long strings instead of hundreds of GeoJSON features with nested coordinate arrays, which
 * MapLibre walks one by one on the page. decodeClusters(encodeClusters(c)) equals c.
 */
import { CHAIN_STAGES } from '../data/types.ts';
import type { MapCluster } from './frame.ts';

export interface ClusterColumns {
  length: number;
  /** Every key concatenated; cluster i's is keys.slice(keyEnd[i − 1] ?? 0, keyEnd[i]). */
  keys: string;
  keyEnd: Uint32Array;
  /** The same for the anchors (first members' ids: any string). */
  anchors: string;
  anchorEnd: Uint32Array;
  /** Index into CHAIN_STAGES. */
  stage: Uint8Array;
  members: Uint32Array;
  approx: Uint8Array;
  /** lon, lat of each centre. */
  center: Float64Array;
  /** Cluster i's rings are ringEnd[hullRings[i] … hullRings[i + 1] − 1] (none: no hull). */
  hullRings: Uint32Array;
  /** End of each ring in `coords`, in positions. */
  ringEnd: Uint32Array;
  /** lon, lat of every ring position, ring after ring. */
  coords: Float64Array;
}

const STAGE_CODE = new Map<string, number>(CHAIN_STAGES.map((s, i) => [s, i]));

export function encodeClusters(clusters: readonly MapCluster[]): ClusterColumns {
  const n = clusters.length;
  const keyEnd = new Uint32Array(n);
  const anchorEnd = new Uint32Array(n);
  const stage = new Uint8Array(n);
  const members = new Uint32Array(n);
  const approx = new Uint8Array(n);
  const center = new Float64Array(2 * n);
  const hullRings = new Uint32Array(n + 1);
  const ends: number[] = [];
  const xy: number[] = [];
  let keys = '';
  let anchors = '';
  for (let i = 0; i < n; i++) {
    const c = clusters[i]!;
    keys += c.key;
    keyEnd[i] = keys.length;
    anchors += c.anchor;
    anchorEnd[i] = anchors.length;
    const code = STAGE_CODE.get(c.stage);
    if (code === undefined) throw new RangeError(`cluster ${c.key}: not a chain stage`);
    stage[i] = code;
    members[i] = c.members;
    approx[i] = c.approx ? 1 : 0;
    center[2 * i] = c.center[0];
    center[2 * i + 1] = c.center[1];
    for (const ring of c.hull?.coordinates ?? []) {
      for (const p of ring) xy.push(p[0]!, p[1]!);
      ends.push(xy.length / 2);
    }
    hullRings[i + 1] = ends.length;
  }
  return {
    length: n,
    keys,
    keyEnd,
    anchors,
    anchorEnd,
    stage,
    members,
    approx,
    center,
    hullRings,
    ringEnd: Uint32Array.from(ends),
    coords: Float64Array.from(xy),
  };
}

export function decodeClusters(c: ClusterColumns): MapCluster[] {
  const out: MapCluster[] = new Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const from = c.hullRings[i]!;
    const to = c.hullRings[i + 1]!;
    let hull: GeoJSON.Polygon | null = null;
    if (to > from) {
      const rings: GeoJSON.Position[][] = [];
      for (let r = from; r < to; r++) {
        const ring: GeoJSON.Position[] = [];
        for (let p = r > 0 ? c.ringEnd[r - 1]! : 0; p < c.ringEnd[r]!; p++)
          ring.push([c.coords[2 * p]!, c.coords[2 * p + 1]!]);
        rings.push(ring);
      }
      hull = { type: 'Polygon', coordinates: rings };
    }
    out[i] = {
      key: c.keys.slice(i > 0 ? c.keyEnd[i - 1]! : 0, c.keyEnd[i]!),
      anchor: c.anchors.slice(i > 0 ? c.anchorEnd[i - 1]! : 0, c.anchorEnd[i]!),
      stage: CHAIN_STAGES[c.stage[i]!]!,
      members: c.members[i]!,
      approx: c.approx[i] === 1,
      center: [c.center[2 * i]!, c.center[2 * i + 1]!],
      hull,
    };
  }
  return out;
}

/** The same columns in fresh buffers: one copy can be transferred while the other is kept. */
export function copyClusters(c: ClusterColumns): ClusterColumns {
  return {
    ...c,
    keyEnd: c.keyEnd.slice(),
    anchorEnd: c.anchorEnd.slice(),
    stage: c.stage.slice(),
    members: c.members.slice(),
    approx: c.approx.slice(),
    center: c.center.slice(),
    hullRings: c.hullRings.slice(),
    ringEnd: c.ringEnd.slice(),
    coords: c.coords.slice(),
  };
}
