import { createMemo, For, Show } from 'solid-js';
import { CHAIN_STAGES, type Segment } from '../data/types.ts';
import { fmt, type MessageKey, t } from '../i18n/index.ts';
import { ChartNumbers, ChartTable } from './ChartTable.tsx';
import { COLUMN_X, chainDiagram, DIAGRAM, DIAGRAM_PAIRS } from './chain-diagram-model.ts';
import { hookNumber } from './hook-number.ts';
import { bindStageColourVars } from './stage-colour-vars.ts';
import { stageShort } from './stage-short.ts';

/**
 * The chain diagram (产业链图谱): three columns of segment nodes with their counts, links between
 * consecutive stages weighted and labelled by the segment co-location quotient, and the same numbers
 * as tables. A node is a toggle button (Enter / Space) that filters the map to its segment.
 */
export function ChainDiagram(props: {
  counts: Record<Segment, number>;
  lacking: ReadonlySet<Segment>;
  clq: Record<string, number | null> | null;
  /** The segment filter in force (null: all). */
  segments: readonly Segment[] | null;
  /** The zone or county whose own counts are shown (null: the visible firms of the city). */
  placeName: string | null;
  largeText: boolean;
  onNode(s: Segment): void;
}) {
  let svg!: SVGSVGElement;
  bindStageColourVars(
    () => svg,
    () => props.largeText,
  );
  const d = createMemo(() => chainDiagram(props.counts, props.lacking, props.clq));
  const on = (s: Segment) => props.segments?.includes(s) ?? false;
  const short = (s: Segment) => t(`diagram.short.${s}` as MessageKey);
  const value = (v: number | null) => (v === null ? '—' : fmt(v, 2));
  return (
    <section class="chain-diagram-wrap" aria-labelledby="diagram-title">
      <h3 id="diagram-title">{t('diagram.title')}</h3>
      <p class="hint">
        {props.placeName ? t('diagram.zoneHint', { name: props.placeName }) : t('diagram.hint')}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the diagram */}
      <svg
        ref={svg}
        class="chain-diagram"
        viewBox={`0 0 ${DIAGRAM.width} ${d().height}`}
        role="group"
        aria-label={t('diagram.label')}
      >
        <For each={CHAIN_STAGES}>
          {(st) => (
            <text class="column-title" x={COLUMN_X[st] + DIAGRAM.nodeW / 2} y={18} text-anchor="middle">
              {stageShort(st)}
            </text>
          )}
        </For>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: nothing in it is focusable; its numbers are in the table */}
        <g class="links" aria-hidden="true">
          <For each={d().links}>
            {(l) => (
              <g
                data-chain-link={`${l.from}/${l.to}`}
                data-value={hookNumber(l.value)}
                class={l.value === null ? 'clq-na' : l.value > 1 ? 'clq-hi' : 'clq-lo'}
              >
                <line x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} stroke-width={l.width} />
                <text x={l.labelX} y={l.labelY} text-anchor="end" class="link-label">
                  {value(l.value)}
                </text>
              </g>
            )}
          </For>
        </g>
        <For each={d().nodes}>
          {(n) => (
            // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be a <button>; it behaves as one
            <g
              class={`chain-node stage-${n.stage}`}
              classList={{ lacking: n.lacking, active: on(n.segment) }}
              role="button"
              tabindex="0"
              aria-pressed={on(n.segment)}
              aria-label={t('diagram.node', {
                segment: t(`segment.${n.segment}`),
                n: n.count,
                lack: n.lacking ? t('diagram.nodeLacks') : '',
                on: on(n.segment) ? t('diagram.nodeOn') : '',
              })}
              data-chain-node={n.segment}
              data-count={n.count}
              data-lacking={n.lacking ? 'true' : 'false'}
              onClick={() => props.onNode(n.segment)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  props.onNode(n.segment);
                }
              }}
            >
              <title>{t(`segment.${n.segment}`)}</title>
              <rect x={n.x} y={n.y} width={DIAGRAM.nodeW} height={DIAGRAM.nodeH} rx={6} />
              <text x={n.x + 6} y={n.y + 20} class="node-name">
                {short(n.segment)}
              </text>
              <text x={n.x + 6} y={n.y + 42} class="node-count">
                {fmt(n.count)}
              </text>
              <Show when={n.lacking}>
                <path class="lack-mark" d={`M${n.x + DIAGRAM.nodeW - 6} ${n.y - 6} l12 12 m0 -12 l-12 12`} />
                <text x={n.x + DIAGRAM.nodeW - 6} y={n.y + 42} text-anchor="end" class="lack-text">
                  {t('diagram.lacks')}
                </text>
              </Show>
            </g>
          )}
        </For>
      </svg>
      <ChartNumbers>
        <ChartTable
          caption={t('diagram.tableNodes')}
          headers={[t('diagram.stage'), t('diagram.segment'), t('diagram.count')]}
        >
          <For each={d().nodes}>
            {(n) => (
              <tr classList={{ lacking: n.lacking }}>
                <td>{stageShort(n.stage)}</td>
                <th scope="row">
                  {t(`segment.${n.segment}`)}
                  {n.lacking ? ` (${t('diagram.lacks')})` : ''}
                </th>
                <td>{fmt(n.count)}</td>
              </tr>
            )}
          </For>
        </ChartTable>
        <ChartTable
          caption={t('diagram.tableLinks')}
          headers={[t('diagram.from'), t('diagram.to'), t('diagram.clq')]}
        >
          <For each={DIAGRAM_PAIRS}>
            {([g, h]) => (
              <tr>
                <th scope="row">{short(g)}</th>
                <td>{short(h)}</td>
                <td>{value(props.clq?.[`${g}/${h}`] ?? null)}</td>
              </tr>
            )}
          </For>
        </ChartTable>
      </ChartNumbers>
    </section>
  );
}
