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
  const n = sites.length;
  const masks = sites.map(() => LABEL_ZOOMS.map(() => 0));
  // Larger first; ties in the order given (as MapLibre's sort key kept them).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => sites[b]!.members - sites[a]!.members);
  const bit = sites.map((s) => 1 << CHAIN_STAGES.indexOf(s.stage));
  const halfW = sites.map((s) => (String(s.members).length * DIGIT_EM * fontPx) / 2 + PAD_PX);
  const halfH = (LINE_EM * fontPx) / 2 + PAD_PX;
  const cell = Math.max(8, 4 * halfH);
  // Each label's box centre at a zoom, px (half sizes: halfW[i], halfH), or NaN where it cannot show.
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  let head = new Int32Array(0);
  let label = new Int32Array(4 * n + 16);
  let next = new Int32Array(4 * n + 16);
  LABEL_ZOOMS.forEach((z, zi) => {
    const world = 512 * 2 ** z;
    // The names at their largest over the step, in a box a little generous.
    const namePx = countyLabelPx(z + LABEL_STEP) * scale;
    const nameBoxes = names.map((nm) => {
      const [x, y] = mercatorPx(nm, world);
      return { x, y, hw: (nm.ems * namePx) / 2 + 2, hh: (LINE_EM * namePx) / 2 + 2 };
    });
    const onName = (x: number, y: number, hw: number) => {
      for (const nb of nameBoxes)
        if (Math.abs(x - nb.x) < hw + nb.hw && Math.abs(y - nb.y) < halfH + nb.hh) return true;
      return false;
    };
    // On its point or, where a name sits there, just below its disc (MapLibre's next anchor: the
    // text's top at text-radial-offset under the point); else it cannot show.
    for (let i = 0; i < n; i++) {
      const s = sites[i]!;
      const [x, y] = mercatorPx(s, world);
      bx[i] = x;
      by[i] = y;
      if (!onName(x, y, halfW[i]!)) continue;
      by[i] = y + s.r * scale + LABEL_OFFSET_EM * fontPx + halfH;
      if (onName(x, by[i]!, halfW[i]!)) bx[i] = Number.NaN;
    }
    // A grid over the labels' extent: per cell, a linked list of the labels placed over it.
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(bx[i]!)) continue;
      minX = Math.min(minX, bx[i]! - halfW[i]!);
      maxX = Math.max(maxX, bx[i]! + halfW[i]!);
      minY = Math.min(minY, by[i]! - halfH);
      maxY = Math.max(maxY, by[i]! + halfH);
    }
    if (minX > maxX) return;
    const cols = Math.floor((maxX - minX) / cell) + 1;
    const rows = Math.floor((maxY - minY) / cell) + 1;
    if (head.length < cols * rows) head = new Int32Array(cols * rows);
    for (let set = 1; set < STAGE_SETS; set++) {
      head.fill(-1, 0, cols * rows);
      let used = 0;
      for (const i of order) {
        const x = bx[i]!;
        const y = by[i]!;
        const hw = halfW[i]!;
        if (Number.isNaN(x) || (bit[i]! & set) === 0) continue;
        const gx0 = Math.floor((x - hw - minX) / cell);
        const gx1 = Math.floor((x + hw - minX) / cell);
        const gy0 = Math.floor((y - halfH - minY) / cell);
        const gy1 = Math.floor((y + halfH - minY) / cell);
        let hit = false;
        for (let gy = gy0; gy <= gy1 && !hit; gy++) {
          for (let gx = gx0; gx <= gx1 && !hit; gx++) {
            for (let e = head[gy * cols + gx]!; e >= 0; e = next[e]!) {
              const j = label[e]!;
              if (Math.abs(x - bx[j]!) < hw + halfW[j]! && Math.abs(y - by[j]!) < 2 * halfH) {
                hit = true;
                break;
              }
            }
          }
        }
        if (hit) continue;
        masks[i]![zi]! |= 1 << set;
        for (let gy = gy0; gy <= gy1; gy++) {
          for (let gx = gx0; gx <= gx1; gx++) {
            if (used === label.length) [label, next] = [grow(label), grow(next)];
            label[used] = i;
            next[used] = head[gy * cols + gx]!;
            head[gy * cols + gx] = used++;
          }
        }
      }
    }
  });
  return masks;
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Web Mercator pixels of a point in a world `world` px wide (512-px tiles at the zoom, as MapLibre). */
function mercatorPx(p: { lon: number; lat: number }, world: number): [number, number] {
  const phi = (Math.max(-85.05, Math.min(85.05, p.lat)) * Math.PI) / 180;
  return [
    ((p.lon + 180) / 360) * world,
    ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * world,
  ];
}
