/**
 * The numbers and geometry of the analysis panel's two small charts (CountyStageChart.tsx,
 * ClusterSizeChart.tsx are their layout): SVG user units, set as attributes (strict CSP).
 */
import type { LocationQuotient, StageFigures } from '../analysis/types.ts';
import { CHAIN_STAGES, type ChainStage } from '../data/types.ts';

export const BAR_CHART = { width: 300, labelW: 74, totalW: 34, row: 18, bar: 12 } as const;

export interface StackedBar {
  county: string;
  counts: Record<ChainStage, number>;
  total: number;
  /** Per stage, the segment's x and width. */
  parts: { stage: ChainStage; x: number; w: number; count: number }[];
  y: number;
}

/**
 * Firms by county and stage as stacked horizontal bars, one per county (in `counties` order), scaled to
 * the largest county total; the counts are those of the location quotients (n_cs).
 */
export function countyStageBars(lq: readonly LocationQuotient[], counties: readonly string[]): StackedBar[] {
  const rows = counties.map((county) => {
    const counts = Object.fromEntries(
      CHAIN_STAGES.map((s) => [s, lq.find((q) => q.county === county && q.stage === s)?.count ?? 0]),
    ) as Record<ChainStage, number>;
    return { county, counts, total: CHAIN_STAGES.reduce((t, s) => t + counts[s], 0) };
  });
  const max = Math.max(1, ...rows.map((r) => r.total));
  const span = BAR_CHART.width - BAR_CHART.labelW - BAR_CHART.totalW;
  return rows.map((r, i) => {
    let x = BAR_CHART.labelW;
    const parts = CHAIN_STAGES.map((stage) => {
      const w = (r.counts[stage] / max) * span;
      const p = { stage, x, w, count: r.counts[stage] };
      x += w;
      return p;
    });
    return { ...r, parts, y: i * BAR_CHART.row };
  });
}

export interface ClusterColumn {
  stage: ChainStage;
  /** Members per cluster, largest first. */
  sizes: number[];
  bars: { x: number; y: number; w: number; h: number; size: number }[];
  y: number;
}

export const CLUSTER_CHART = { width: 300, labelW: 74, height: 46, gap: 10, maxBarW: 10 } as const;

/** The sizes of each stage's clusters as small vertical bars, largest first, on one scale for all stages. */
export function clusterColumns(stages: Readonly<Record<ChainStage, StageFigures>>): ClusterColumn[] {
  const sizes = CHAIN_STAGES.map((s) =>
    stages[s].clusters.map((c) => c.memberIds.length).sort((a, b) => b - a),
  );
  const max = Math.max(1, ...sizes.flat());
  const span = CLUSTER_CHART.width - CLUSTER_CHART.labelW - 4;
  return CHAIN_STAGES.map((stage, i) => {
    const list = sizes[i]!;
    const w = Math.min(CLUSTER_CHART.maxBarW, span / Math.max(1, list.length));
    const y = i * (CLUSTER_CHART.height + CLUSTER_CHART.gap);
    return {
      stage,
      sizes: list,
      y,
      bars: list.map((size, k) => {
        const h = Math.max(1, (size / max) * (CLUSTER_CHART.height - 4));
        return {
          x: CLUSTER_CHART.labelW + k * w,
          y: y + CLUSTER_CHART.height - h,
          w: Math.max(0.5, w - 1),
          h,
          size,
        };
      }),
    };
  });
}
