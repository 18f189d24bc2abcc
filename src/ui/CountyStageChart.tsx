import { createMemo, For } from 'solid-js';
import type { LocationQuotient } from '../analysis/types.ts';
import { COUNTIES, countyName } from '../data/counties.ts';
import { CHAIN_STAGES } from '../data/types.ts';
import { fmt, lang, t } from '../i18n/index.ts';
import { ChartNumbers, ChartTable } from './ChartTable.tsx';
import { BAR_CHART, countyStageBars } from './chart-model.ts';
import { bindStageColourVars } from './stage-colour-vars.ts';
import { stageShort } from './stage-short.ts';

/** Firms by county and stage: stacked bars, and the same numbers as a table. */
export function CountyStageChart(props: { lq: readonly LocationQuotient[]; largeText: boolean }) {
  let svg!: SVGSVGElement;
  bindStageColourVars(
    () => svg,
    () => props.largeText,
  );
  const bars = createMemo(() =>
    countyStageBars(
      props.lq,
      COUNTIES.map((c) => c.adcode),
    ),
  );
  return (
    <figure class="chart" data-chart="county-stage">
      <figcaption>
        <strong>{t('charts.countyStage')}</strong> <span class="hint">{t('charts.countyStageHint')}</span>
      </figcaption>
      <svg
        ref={svg}
        class="bar-chart"
        viewBox={`0 0 ${BAR_CHART.width} ${bars().length * BAR_CHART.row}`}
        aria-hidden="true"
      >
        <For each={bars()}>
          {(b) => (
            <g data-county-bar={b.county} data-total={b.total}>
              <text x={BAR_CHART.labelW - 4} y={b.y + BAR_CHART.bar - 1} text-anchor="end">
                {countyName(b.county, lang())}
              </text>
              <For each={b.parts}>
                {(p) => (
                  <rect
                    class={`bar-${p.stage}`}
                    x={p.x}
                    y={b.y + 1}
                    width={p.w}
                    height={BAR_CHART.bar}
                    data-stage={p.stage}
                    data-count={p.count}
                  />
                )}
              </For>
              <text x={BAR_CHART.width - 2} y={b.y + BAR_CHART.bar - 1} text-anchor="end">
                {fmt(b.total)}
              </text>
            </g>
          )}
        </For>
      </svg>
      <ChartNumbers>
        <ChartTable headers={[t('county.label'), ...CHAIN_STAGES.map(stageShort), t('charts.total')]}>
          <For each={bars()}>
            {(b) => (
              <tr>
                <th scope="row">{countyName(b.county, lang())}</th>
                <For each={CHAIN_STAGES}>{(s) => <td>{fmt(b.counts[s])}</td>}</For>
                <td>{fmt(b.total)}</td>
              </tr>
            )}
          </For>
        </ChartTable>
      </ChartNumbers>
    </figure>
  );
}
