import { createMemo, For } from 'solid-js';
import type { StageFigures } from '../analysis/types.ts';
import type { ChainStage } from '../data/types.ts';
import { fmt, t } from '../i18n/index.ts';
import { ChartNumbers, ChartTable } from './ChartTable.tsx';
import { CLUSTER_CHART, clusterColumns } from './chart-model.ts';
import { bindStageColourVars } from './stage-colour-vars.ts';
import { stageShort } from './stage-short.ts';

/** The sizes of the clusters of each stage (one bar per cluster, largest first), and as a table. */
export function ClusterSizeChart(props: { stages: Record<ChainStage, StageFigures>; largeText: boolean }) {
  let svg!: SVGSVGElement;
  bindStageColourVars(
    () => svg,
    () => props.largeText,
  );
  const cols = createMemo(() => clusterColumns(props.stages));
  const height = () => cols().length * (CLUSTER_CHART.height + CLUSTER_CHART.gap);
  return (
    <figure class="chart" data-chart="cluster-sizes">
      <figcaption>
        <strong>{t('charts.clusterSizes')}</strong> <span class="hint">{t('charts.clusterSizesHint')}</span>
      </figcaption>
      <svg ref={svg} class="bar-chart" viewBox={`0 0 ${CLUSTER_CHART.width} ${height()}`} aria-hidden="true">
        <For each={cols()}>
          {(c) => (
            <g data-cluster-sizes={c.stage} data-sizes={c.sizes.join(',')}>
              <text x={CLUSTER_CHART.labelW - 4} y={c.y + CLUSTER_CHART.height / 2} text-anchor="end">
                {stageShort(c.stage)}
              </text>
              <text x={CLUSTER_CHART.labelW - 4} y={c.y + CLUSTER_CHART.height / 2 + 13} text-anchor="end">
                {t('charts.clusters')} {fmt(c.sizes.length)}
              </text>
              <line
                class="baseline"
                x1={CLUSTER_CHART.labelW}
                x2={CLUSTER_CHART.width}
                y1={c.y + CLUSTER_CHART.height}
                y2={c.y + CLUSTER_CHART.height}
              />
              <For each={c.bars}>
                {(b) => <rect class={`bar-${c.stage}`} x={b.x} y={b.y} width={b.w} height={b.h} />}
              </For>
            </g>
          )}
        </For>
      </svg>
      <ChartNumbers>
        <ChartTable headers={[t('clusters.stage'), t('charts.clusters'), t('charts.sizes')]}>
          <For each={cols()}>
            {(c) => (
              <tr>
                <th scope="row">{stageShort(c.stage)}</th>
                <td>{fmt(c.sizes.length)}</td>
                <td class="sizes">{c.sizes.map((n) => fmt(n)).join(t('list.sep'))}</td>
              </tr>
            )}
          </For>
        </ChartTable>
      </ChartNumbers>
    </figure>
  );
}
