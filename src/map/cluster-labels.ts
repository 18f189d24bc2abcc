/**
 * Which cluster-size labels the overview shows, decided once per set of clusters for every zoom and
 * every set of visible chain stages, so that a stage toggle shows and hides labels by feature state
 * (no layer filter, no new layout: one change, one frame).
 *
 * The rule is the one MapLibre's own collision applied before: the larger cluster is labelled first,
 * and a label that would cover one already placed gives way. Here it is evaluated at the start of each
 * zoom step (through the step the map is only larger, so labels that do not overlap at its start never
 * do), with a conservative box for the digits.
 */
import { CHAIN_STAGES, type ChainStage } from '../data/types.ts';

/** The size labels' text, px, and the large-text mode's scale of every text and symbol. */
export const CLUSTER_LABEL_PX = 12;
export const LARGE_TEXT_SCALE = 1.4;

/**
 * The zooms from which a set of labels is drawn, each until the next (a label layer per step, style.ts):
 * the discs' zooms (the map's minZoom to the outline zoom) in quarter steps, so that a set chosen for
 * the start of its step is close to what the map shows all through it.
 */
export const LABEL_STEP = 0.25;
export const LABEL_ZOOMS: readonly number[] = Array.from(
  { length: (11 - 5) / LABEL_STEP },
  (_, i) => 5 + i * LABEL_STEP,
);

export interface LabelSite {
  lon: number;
  lat: number;
  members: number;
  stage: ChainStage;
  /** The disc's radius, px (before the large-text scale). */
  r: number;
}

/** A place name the sizes give way to (a county's label point and its longest name, in ems). */
export interface NameSite {
  lon: number;
  lat: number;
  ems: number;
}

/** The county names' text size, px, by zoom (the style interpolates linearly between the stops). */
export const COUNTY_LABEL_PX = [
  [7, 12],
  [10, 16],
] as const;

/** The county names' size at zoom `z` (COUNTY_LABEL_PX, held at its ends). */
export function countyLabelPx(z: number): number {
  const [[z0, p0], [z1, p1]] = COUNTY_LABEL_PX;
  const t = Math.max(0, Math.min(1, (z - z0) / (z1 - z0)));
  return p0 + t * (p1 - p0);
}

/** How far outside its disc a moved size sits, in ems (the style's text-radial-offset adds r/size). */
export const LABEL_OFFSET_EM = 0.4;

/** The bit of a set of visible chain stages: bit i of the set index is CHAIN_STAGES[i]. */
export function stageSetIndex(stages: Iterable<string>): number {
  let s = 0;
  for (const st of stages) {
    const i = (CHAIN_STAGES as readonly string[]).indexOf(st);
    if (i >= 0) s |= 1 << i;
  }
  return s;
}

/** The feature property holding a site's mask from zoom `z` on. */
export function maskProperty(z: number): string {
  return `l${Math.round(z / LABEL_STEP)}`;
}

/** Number of sets of chain stages (every subset of the three). */
export const STAGE_SETS = 1 << CHAIN_STAGES.length;

/** Digit box, in em: a digit's advance (rounded up) and MapLibre's line height, plus the text padding, px. */
const DIGIT_EM = 0.6;
const LINE_EM = 1.2;
const PAD_PX = 1;

/**
 * For each site and each zoom of LABEL_ZOOMS, a mask: bit `s` set when the site's label is shown
 * while the chain stages of set `s` (stageSetIndex) are visible. `fontPx` is the label's text size;
 * `names` are the place names drawn at those zooms, and `scale` the large-text scale of names and discs.
 */
export function labelMasks(
  sites: readonly LabelSite[],
  fontPx: number,
  names: readonly NameSite[] = [],
  scale = 1,
): number[][] {
  // Flat loops over typed arrays in one function: it runs once per set of clusters, so it must be fast
  // before the engine has optimised it (400 clusters, 24 steps, 7 sets).
  const n = sites.length;
  const nz = LABEL_ZOOMS.length;
  const nn = names.length;
  const mask = new Uint8Array(n * nz);
  // Larger first; ties in the order given (as MapLibre's sort key kept them).
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => sites[b]!.members - sites[a]!.members || a - b,
  );
  const bit = new Uint8Array(n);
  const halfW = new Float64Array(n);
  const ux = new Float64Array(n);
  const uy = new Float64Array(n);
  const down = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = sites[i]!;
    bit[i] = 1 << CHAIN_STAGES.indexOf(s.stage);
    halfW[i] = (String(s.members).length * DIGIT_EM * fontPx) / 2 + PAD_PX;
    [ux[i], uy[i]] = unitMercator(s);
    down[i] = s.r * scale + LABEL_OFFSET_EM * fontPx;
  }
  // For each set of stages, its sites in order.
  const inSet = Array.from({ length: STAGE_SETS }, (_, set) => order.filter((i) => (bit[i]! & set) !== 0));
  const nx = new Float64Array(nn);
  const ny = new Float64Array(nn);
  for (let k = 0; k < nn; k++) [nx[k], ny[k]] = unitMercator(names[k]!);
  const halfH = (LINE_EM * fontPx) / 2 + PAD_PX;
  // The names that can be near a site at some zoom (within the largest boxes at the smallest zoom,
  // with the moved box's drop): most sites have none, and skip the test.
  const world0 = 512 * 2 ** LABEL_ZOOMS[0]!;
  const namePxMax = countyLabelPx(LABEL_ZOOMS.at(-1)! + LABEL_STEP) * scale;
  const nearFrom = new Int32Array(n + 1);
  const nearList: number[] = [];
  for (let i = 0; i < n; i++) {
    nearFrom[i] = nearList.length;
    for (let k = 0; k < nn; k++) {
      const reachX = (halfW[i]! + (names[k]!.ems * namePxMax) / 2 + 2) / world0;
      const reachY = (down[i]! + 2 * halfH + LINE_EM * namePxMax + 2) / world0;
      if (Math.abs(ux[i]! - nx[k]!) < reachX && Math.abs(uy[i]! - ny[k]!) < reachY) nearList.push(k);
    }
  }
  nearFrom[n] = nearList.length;
  const near = Int32Array.from(nearList);
  const cell = Math.max(8, 4 * halfH);
  // Each label's box centre at a zoom, px (half sizes: halfW[i], halfH), or NaN where it cannot show.
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  const nbx = new Float64Array(nn);
  const nby = new Float64Array(nn);
  const nhw = new Float64Array(nn);
  let head = new Int32Array(0);
  let label = new Int32Array(4 * n + 16);
  let next = new Int32Array(4 * n + 16);
  let pairOf = new Int32Array(4 * n + 16);
  let pairNext = new Int32Array(4 * n + 16);
  const firstPair = new Int32Array(n);
  const placed = new Uint8Array(n);
  for (let zi = 0; zi < nz; zi++) {
    const z = LABEL_ZOOMS[zi]!;
    const world = 512 * 2 ** z;
    // The names at their largest over the step, in a box a little generous.
    const namePx = countyLabelPx(z + LABEL_STEP) * scale;
    const nhh = (LINE_EM * namePx) / 2 + 2 + halfH;
    for (let k = 0; k < nn; k++) {
      nbx[k] = nx[k]! * world;
      nby[k] = ny[k]! * world;
      nhw[k] = (names[k]!.ems * namePx) / 2 + 2;
    }
    // On its point or, where a name sits there, just below its disc (MapLibre's next anchor: the
    // text's top at text-radial-offset under the point); else it cannot show.
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const x = ux[i]! * world;
      let y = uy[i]! * world;
      for (let tries = 0; tries < 2; tries++) {
        let onName = false;
        for (let c = nearFrom[i]!; c < nearFrom[i + 1]! && !onName; c++) {
          const k = near[c]!;
          onName = Math.abs(x - nbx[k]!) < halfW[i]! + nhw[k]! && Math.abs(y - nby[k]!) < nhh;
        }
        if (!onName) break;
        y = tries === 0 ? y + down[i]! + halfH : Number.NaN;
      }
      bx[i] = x;
      by[i] = y;
      if (Number.isNaN(y)) continue;
      if (x - halfW[i]! < minX) minX = x - halfW[i]!;
      if (x + halfW[i]! > maxX) maxX = x + halfW[i]!;
      if (y - halfH < minY) minY = y - halfH;
      if (y + halfH > maxY) maxY = y + halfH;
    }
    if (minX > maxX) continue;
    // The pairs of labels that would overlap, each kept by the later one in `order`: a grid over the
    // labels' extent, per cell a linked list of the labels over it.
    const cols = Math.floor((maxX - minX) / cell) + 1;
    const rows = Math.floor((maxY - minY) / cell) + 1;
    if (head.length < cols * rows) head = new Int32Array(cols * rows);
    head.fill(-1, 0, cols * rows);
    let used = 0;
    let pairs = 0;
    for (let o = 0; o < n; o++) {
      const i = order[o]!;
      const x = bx[i]!;
      const y = by[i]!;
      const hw = halfW[i]!;
      firstPair[i] = -1;
      if (Number.isNaN(y)) continue;
      const gx0 = Math.floor((x - hw - minX) / cell);
      const gx1 = Math.floor((x + hw - minX) / cell);
      const gy0 = Math.floor((y - halfH - minY) / cell);
      const gy1 = Math.floor((y + halfH - minY) / cell);
      for (let gy = gy0; gy <= gy1; gy++) {
        for (let gx = gx0; gx <= gx1; gx++) {
          const c = gy * cols + gx;
          for (let e = head[c]!; e >= 0; e = next[e]!) {
            const j = label[e]!;
            // j came earlier (larger); a pair met in two cells is kept twice, which is harmless.
            if (Math.abs(x - bx[j]!) < hw + halfW[j]! && Math.abs(y - by[j]!) < 2 * halfH) {
              if (pairs === pairOf.length) [pairOf, pairNext] = [grow(pairOf), grow(pairNext)];
              pairOf[pairs] = j;
              pairNext[pairs] = firstPair[i]!;
              firstPair[i] = pairs++;
            }
          }
          if (used === label.length) [label, next] = [grow(label), grow(next)];
          label[used] = i;
          next[used] = head[c]!;
          head[c] = used++;
        }
      }
    }
    // Each set: in order, a label shows unless an earlier one it overlaps shows.
    for (let set = 1; set < STAGE_SETS; set++) {
      const members = inSet[set]!;
      for (let o = 0; o < members.length; o++) placed[members[o]!] = 0;
      for (let o = 0; o < members.length; o++) {
        const i = members[o]!;
        if (Number.isNaN(by[i]!)) continue;
        let free = true;
        for (let e = firstPair[i]!; e >= 0 && free; e = pairNext[e]!)
          if ((bit[pairOf[e]!]! & set) !== 0 && placed[pairOf[e]!]) free = false;
        if (!free) continue;
        placed[i] = 1;
        mask[i * nz + zi]! |= 1 << set;
      }
    }
  }
  return Array.from({ length: n }, (_, i) => Array.from(mask.subarray(i * nz, (i + 1) * nz)));
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Web Mercator position of a point in a world of size 1 (MapLibre's, at 512 × 2^z px per world at zoom z). */
function unitMercator(p: { lon: number; lat: number }): [number, number] {
  const phi = (Math.max(-85.05, Math.min(85.05, p.lat)) * Math.PI) / 180;
  return [(p.lon + 180) / 360, (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2];
}
