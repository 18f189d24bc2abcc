import { For, type JSX, Show } from 'solid-js';
import type { AnalysisResult, StageFigures } from '../analysis/types.ts';
import { CHAIN_STAGES, type ChainStage, isChainStage, STAGES, type Stage } from '../data/types.ts';
import { fmt, t } from '../i18n/index.ts';
import { CLUSTER_OUTLINE_ZOOM, type HexStage } from '../map/style.ts';
import { agglomerationReason } from './agglomeration-reason.ts';
import { CountBadge } from './CountBadge.tsx';
import { hookNumber } from './hook-number.ts';
import { Swatch } from './Swatch.tsx';

export interface LegendProps {
  stages: readonly Stage[];
  /** Per stage: firms passing every other filter, whether the stage is on or off (faceted counts). */
  counts: Record<Stage, number>;
  analysis: AnalysisResult | null;
  computing: boolean;
  largeText: boolean;
  hulls: boolean;
  hexGrid: boolean;
  hexStage: HexStage;
  onHexStage(s: HexStage): void;
  onOverlay(which: 'hulls' | 'hexGrid', on: boolean): void;
  onToggle(stage: Stage, on: boolean): void;
  onAll(on: boolean): void;
  /** Issue 8: the other filters, shown right under the stage filter. */
  filters?: JSX.Element;
}

/** Legend and stage filter: one checkbox per stage with its live count and agglomeration figures. */
export function Legend(props: LegendProps) {
  return (
    <section class="legend" aria-labelledby="legend-title">
      <div class="legend-head">
        <h2 id="legend-title">{t('legend.title')}</h2>
        <div class="legend-all">
          <button type="button" data-stages-all="on" onClick={() => props.onAll(true)}>
            {t('legend.allOn')}
          </button>
          <button type="button" data-stages-all="off" onClick={() => props.onAll(false)}>
            {t('legend.allOff')}
          </button>
        </div>
      </div>
      <p class="hint" id="legend-hint">
        {t('legend.filterHint')}
      </p>
      <ul class="stage-list">
        <For each={STAGES}>
          {(s) => {
            const on = () => props.stages.includes(s);
            return (
              <li class="stage-row" classList={{ off: !on() }}>
                <label>
                  <input
                    type="checkbox"
                    data-stage-filter={s}
                    checked={on()}
                    aria-describedby="legend-hint"
                    onChange={(e) => props.onToggle(s, e.currentTarget.checked)}
                  />
                  <Swatch stage={s} largeText={props.largeText} />
                  <span class="stage-name">{t(`stage.${s}`)}</span>
                  {/* Switched off, the count says what switching it on would add (faceted counts). */}
                  <CountBadge on={on()} n={props.counts[s]} hook={{ 'data-stage-count': s }} />
                </label>
                <Show when={isChainStage(s)}>
                  <Agglomeration
                    stage={s as ChainStage}
                    analysis={props.analysis}
                    computing={props.computing}
                  />
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
      <Show when={props.analysis}>
        {(a) => (
          <p class="hint">{t('agg.explain', { d: a().params.maxDistanceKm, m: a().params.minPoints })}</p>
        )}
      </Show>
      {props.filters}
      <h3>{t('overlay.title')}</h3>
      <ul class="overlay-list">
        <li>
          <label>
            <input
              type="checkbox"
              data-overlay="hulls"
              checked={props.hulls}
              onChange={(e) => props.onOverlay('hulls', e.currentTarget.checked)}
            />
            {t('overlay.hulls')}
          </label>
          <Show when={props.hulls}>
            <p class="hint cluster-symbol-hint" data-cluster-symbol-legend>
              <span class="cluster-symbol-key" aria-hidden="true">
                <span class="d1" />
                <span class="d2" />
                <span class="d3" />
              </span>
              {t('legend.clusterSymbols', { z: CLUSTER_OUTLINE_ZOOM })}
            </p>
          </Show>
        </li>
        <li>
          <label>
            <input
              type="checkbox"
              data-overlay="hexgrid"
              checked={props.hexGrid}
              onChange={(e) => props.onOverlay('hexGrid', e.currentTarget.checked)}
            />
            {t('overlay.hexGrid')}
          </label>
          <Show when={props.hexGrid}>
            <label class="hex-stage">
              {t('overlay.hexStage')}
              <select
                data-hexgrid-stage
                value={props.hexStage}
                onChange={(e) => props.onHexStage(e.currentTarget.value as HexStage)}
              >
                <option value="total">{t('overlay.hexAll')}</option>
                <For each={CHAIN_STAGES}>{(st) => <option value={st}>{t(`stage.${st}`)}</option>}</For>
              </select>
            </label>
            <div class="hex-ramp" aria-hidden="true">
              <span class="r1" />
              <span class="r2" />
              <span class="r3" />
              <span class="r4" />
            </div>
            <p class="hint">{t('overlay.hexRamp')}</p>
          </Show>
        </li>
      </ul>
      <h3>{t('legend.precision')}</h3>
      <ul class="precision-legend">
        <li>
          <Swatch stage="midstream" largeText={props.largeText} /> {t('legend.precise')}
        </li>
        <li>
          <Swatch stage="midstream" largeText={props.largeText} approx /> {t('legend.approximate')}
        </li>
        <li>
          <span class="county-halo" aria-hidden="true">
            <Swatch stage="midstream" largeText={props.largeText} approx />
          </span>{' '}
          {t('legend.countyLevel')}
        </li>
        <li>
          <span class="zone-chip" aria-hidden="true" /> {t('legend.zone')}
        </li>
      </ul>
    </section>
  );
}

function Agglomeration(props: { stage: ChainStage; analysis: AnalysisResult | null; computing: boolean }) {
  const f = () => props.analysis?.stages[props.stage];
  return (
    <div
      class="agglomeration"
      data-agglomeration={props.stage}
      data-level={f()?.level ?? 'none'}
      data-clusters={f()?.clusters.length ?? 0}
      data-nni={hookNumber(f()?.nni.R)}
      aria-busy={props.computing}
    >
      <Show when={f()} fallback={<span class="muted">{t('agg.computing')}</span>}>
        {(fig) => (
          <>
            <span class={`level level-${fig().level}`}>
              {t('agg.levelLabel', { level: t(`agg.level.${fig().level}`) })}
            </span>
            {/* Issue 8: the figures as one plain sentence (share, clusters, R and how it compares). */}
            <span class="agg-reason" data-agglomeration-reason={props.stage}>
              {reasonText(props.stage, fig())}
            </span>
          </>
        )}
      </Show>
    </div>
  );
}

/** Issue 8: the one-line reason of the level, in the interface language. */
function reasonText(stage: ChainStage, f: StageFigures): string {
  const r = agglomerationReason(f);
  return t(r.key, {
    stage: t(`agg.reasonStage.${stage}`),
    s: r.share === undefined ? '' : `${fmt(r.share * 100, 0)}%`,
    n: r.clusters === undefined ? '' : fmt(r.clusters),
    r: r.R === undefined ? '' : fmt(r.R, 2),
    cmp: r.cmp ? t(r.cmp) : '',
  });
}

export { CHAIN_STAGES };
