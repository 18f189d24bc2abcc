/**
 * What the chain diagram draws (ChainDiagram.tsx is its layout): the ten chain segments in three
 * columns with their counts, and the links between segments of consecutive stages with their segment
 * co-location quotient; geometry in SVG user units (set as attributes: the strict CSP forbids styles).
 */
import { CHAIN_SEGMENTS, chainStageOf } from '../analysis/chain-segments.ts';
import { CHAIN_STAGES, type ChainStage, type Enterprise, type Segment } from '../data/types.ts';

/** Geometry (user units = CSS px at the panel's normal width): nodes, rows, the room left for link labels. */
export const DIAGRAM = { width: 552, nodeW: 116, nodeH: 52, pitch: 68, top: 30, labelW: 34 } as const;
export const COLUMN_X: Record<ChainStage, number> = { upstream: 2, midstream: 218, downstream: 434 };

export interface DiagramNode {
  segment: Segment;
  stage: ChainStage;
  count: number;
  /** The selected zone or county lacks it (investment-promotion list). */
  lacking: boolean;
  x: number;
  y: number;
}

export interface DiagramLink {
  from: Segment;
  to: Segment;
  /** CLQ(from→to); null when undefined (too few firms). */
  value: number | null;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width, user units: wider for a larger quotient (capped at 3). */
  width: number;
  labelX: number;
  labelY: number;
}

/** The consecutive-stage pairs the diagram links: upstream→midstream, midstream→downstream. */
export const DIAGRAM_PAIRS: readonly [Segment, Segment][] = CHAIN_SEGMENTS.flatMap((g) =>
  CHAIN_SEGMENTS.filter(
    (h) => CHAIN_STAGES.indexOf(chainStageOf(h)) === CHAIN_STAGES.indexOf(chainStageOf(g)) + 1,
  ).map((h): [Segment, Segment] => [g, h]),
);

/**
 * Firms per chain segment among `all[idx]`, optionally only those of one zone (own zone id or the zone
 * containment resolved) or one county.
 */
export function segmentCounts(
  all: readonly Enterprise[],
  idx: ArrayLike<number>,
  place: { zone: string } | { county: string } | null,
  resolvedZones: Readonly<Record<string, string>> = {},
): Record<Segment, number> {
  const out = Object.fromEntries(CHAIN_SEGMENTS.map((s) => [s, 0])) as Record<Segment, number>;
  for (let k = 0; k < idx.length; k++) {
    const e = all[idx[k]!]!;
    if (e.segment === null || !Object.hasOwn(out, e.segment)) continue;
    if (place && 'zone' in place) {
      const zone = e.zone ?? (Object.hasOwn(resolvedZones, e.id) ? resolvedZones[e.id]! : null);
      if (zone !== place.zone) continue;
    }
    if (place && 'county' in place && e.county !== place.county) continue;
    out[e.segment]++;
  }
  return out;
}

export function chainDiagram(
  counts: Readonly<Record<Segment, number>>,
  lacking: ReadonlySet<Segment>,
  clq: Readonly<Record<string, number | null>> | null,
): { nodes: DiagramNode[]; links: DiagramLink[]; height: number } {
  const perStage = CHAIN_STAGES.map((st) => CHAIN_SEGMENTS.filter((s) => chainStageOf(s) === st));
  const rows = Math.max(...perStage.map((l) => l.length));
  const height = DIAGRAM.top * 2 + (rows - 1) * DIAGRAM.pitch + DIAGRAM.nodeH;
  const nodes: DiagramNode[] = [];
  CHAIN_STAGES.forEach((stage, c) => {
    const list = perStage[c]!;
    const offset = ((rows - list.length) * DIAGRAM.pitch) / 2;
    for (const [k, segment] of list.entries())
      nodes.push({
        segment,
        stage,
        count: counts[segment] ?? 0,
        lacking: lacking.has(segment),
        x: COLUMN_X[stage],
        y: DIAGRAM.top + offset + k * DIAGRAM.pitch,
      });
  });
  const at = new Map(nodes.map((n) => [n.segment, n]));
  const links = DIAGRAM_PAIRS.map(([from, to]) => {
    const a = at.get(from)!;
    const b = at.get(to)!;
    const value = clq?.[`${from}/${to}`] ?? null;
    // Each link ends at its own port on the target's left edge (ports in the sources' order), its label
    // between the port and the node: the labels of one target stack, and never meet another's.
    const sources = perStage[CHAIN_STAGES.indexOf(a.stage)]!;
    const port = (DIAGRAM.nodeH * (sources.indexOf(from) + 1)) / (sources.length + 1);
    const y2 = b.y + port;
    return {
      from,
      to,
      value,
      x1: a.x + DIAGRAM.nodeW,
      y1: a.y + DIAGRAM.nodeH / 2,
      x2: b.x - DIAGRAM.labelW,
      y2,
      width: value === null ? 1 : 1 + 2 * Math.min(Math.max(value, 0), 3),
      labelX: b.x - 3,
      labelY: y2 + 4,
    };
  });
  return { nodes, links, height };
}

/** The segment filter after activating a node: that segment alone, or all again when it was alone already. */
export function toggledSegment(current: readonly Segment[] | null, s: Segment): Segment[] | null {
  return current?.length === 1 && current[0] === s ? null : [s];
}
