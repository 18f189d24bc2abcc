import { createSignal, For, Show } from 'solid-js';
import {
  type AnalysisParams,
  type AnalysisResult,
  type ChainCompleteness,
  type ClusterInfo,
  type LocationQuotient,
  PARAM_LIMITS,
  validMaxDistanceKm,
  validMinPoints,
} from '../analysis/types.ts';
import { COUNTIES, countyName } from '../data/counties.ts';
import { CHAIN_STAGES, type Zone } from '../data/types.ts';
import { fmt, lang, t } from '../i18n/index.ts';
import { ClusterSizeChart } from './ClusterSizeChart.tsx';
import { CountyStageChart } from './CountyStageChart.tsx';
import { hookNumber } from './hook-number.ts';
import { stageShort } from './stage-short.ts';

/** The planner's tables: location quotients, co-location quotients, chain completeness by zone. */
export function AnalysisPanel(props: {
  analysis: AnalysisResult | null;
  zones: readonly Zone[];
  params: AnalysisParams;
  onParams(p: Partial<AnalysisParams>): void;
  onSelectZone(id: string): void;
  /** Open a cluster (`<stage>/<n>`) and show it on the map. */
  onSelectCluster(key: string, lon: number, lat: number): void;
  /** Large-text mode: the charts take the high-contrast colours (issue 8). */
  largeText?: boolean;
}) {
  const lq = (county: string, stage: string): LocationQuotient | undefined =>
    props.analysis?.lq.find((q) => q.county === county && q.stage === stage);
  const zoneName = (id: string) => {
    const z = props.zones.find((x) => x.id === id);
    return z ? (lang() === 'en' && z.nameEn ? z.nameEn : z.name) : id;
  };
  return (
    <section class="analysis-panel" aria-labelledby="analysis-title">
      <h2 id="analysis-title">{t('panel.analysis')}</h2>
      <div class="params">
        <ParamInput
          name="maxDistanceKm"
          label={t('params.distance')}
          step={0.1}
          value={props.params.maxDistanceKm}
          valid={validMaxDistanceKm}
          onSet={(v) => props.onParams({ maxDistanceKm: v })}
        />
        <ParamInput
          name="minPoints"
          label={t('params.minPoints')}
          step={1}
          value={props.params.minPoints}
          valid={validMinPoints}
          onSet={(v) => props.onParams({ minPoints: v })}
        />
      </div>
      <Show when={props.analysis}>
        {(a) => (
          <>
            <h3>{t('clq.title')}</h3>
            <p class="hint">{t('clq.hint')}</p>
            <table class="matrix">
              <thead>
                <tr>
                  <th scope="col">{t('clq.header')}</th>
                  <For each={CHAIN_STAGES}>{(b) => <th scope="col">{stageShort(b)}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={CHAIN_STAGES}>
                  {(sa) => (
                    <tr>
                      <th scope="row">{stageShort(sa)}</th>
                      <For each={CHAIN_STAGES}>
                        {(sb) => {
                          const v = () => a().clq[`${sa}/${sb}`] ?? null;
                          return (
                            <td
                              data-clq={`${sa}/${sb}`}
                              data-value={hookNumber(v())}
                              classList={{ hi: (v() ?? 0) > 1 }}
                            >
                              {v() === null ? '—' : fmt(v()!, 2)}
                            </td>
                          );
                        }}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <h3>{t('lq.title')}</h3>
            <p class="hint">{t('lq.hint')}</p>
            <table class="matrix lq">
              <thead>
                <tr>
                  <th scope="col">{t('county.label')}</th>
                  <For each={CHAIN_STAGES}>{(s) => <th scope="col">{stageShort(s)}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={COUNTIES}>
                  {(c) => (
                    <tr>
                      <th scope="row">{countyName(c.adcode, lang())}</th>
                      <For each={CHAIN_STAGES}>
                        {(s) => {
                          const q = () => lq(c.adcode, s);
                          return (
                            <td
                              data-lq={`${c.adcode}/${s}`}
                              data-value={hookNumber(q()?.value)}
                              classList={{ hi: !!q()?.specialised }}
                            >
                              {q()?.value == null ? '—' : fmt(q()!.value!, 2)}{' '}
                              <span class="muted">({q()?.count ?? 0})</span>
                            </td>
                          );
                        }}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <CountyStageChart lq={a().lq} largeText={!!props.largeText} />
            <h3>{t('chain.title')}</h3>
            <ChainList
              items={a().zoneChains}
              hook="zone"
              name={zoneName}
              stageShort={stageShort}
              onPick={props.onSelectZone}
            />
            <h3>{t('chain.countyTitle')}</h3>
            <ChainList
              items={a().countyChains}
              hook="county"
              name={(id) => countyName(id, lang())}
              stageShort={stageShort}
            />
            <h3>{t('clusters.title')}</h3>
            <p class="hint">{t('clusters.hint', { n: TOP_CLUSTERS })}</p>
            <table class="matrix clusters">
              <thead>
                <tr>
                  <th scope="col">{t('clusters.stage')}</th>
                  <th scope="col">{t('clusters.members')}</th>
                  <th scope="col">{t('clusters.area')}</th>
                  <th scope="col">{t('clusters.density')}</th>
                  <th scope="col">{t('clusters.where')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={topClusters(a())}>
                  {(c) => (
                    <tr
                      data-cluster={`${c.stage}/${c.id}`}
                      data-members={c.memberIds.length}
                      data-area-km2={c.areaKm2}
                      data-density={hookNumber(c.density)}
                    >
                      <th scope="row">{stageShort(c.stage)}</th>
                      <td>{c.memberIds.length}</td>
                      <td>{fmt(c.areaKm2, 2)}</td>
                      <td>{c.density === null ? '—' : fmt(c.density, 1)}</td>
                      <td class="cluster-where">
                        <button
                          type="button"
                          class="link"
                          onClick={() =>
                            props.onSelectCluster(`${c.stage}/${c.id}`, c.center[0], c.center[1])
                          }
                        >
                          {[
                            countyName(c.county, lang()),
                            c.zone ? zoneName(c.zone) : null,
                            c.dominantSegment ? t(`segment.${c.dominantSegment}`) : null,
                          ]
                            .filter(Boolean)
                            .join(t('list.sep'))}
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <ClusterSizeChart stages={a().stages} largeText={!!props.largeText} />
          </>
        )}
      </Show>
    </section>
  );
}

const TOP_CLUSTERS = 10;

/** The largest clusters over the three stages (most members first). */
function topClusters(a: AnalysisResult): ClusterInfo[] {
  return CHAIN_STAGES.flatMap((st) => a.stages[st].clusters)
    .sort((x, y) => y.memberIds.length - x.memberIds.length || x.stage.localeCompare(y.stage) || x.id - y.id)
    .slice(0, TOP_CLUSTERS);
}

/** Chain completeness of zones or counties: counts per stage, gaps and thin stages. */
function ChainList(props: {
  items: readonly ChainCompleteness[];
  hook: 'zone' | 'county';
  name(id: string): string;
  stageShort(s: string): string;
  onPick?: (id: string) => void;
}) {
  return (
    <ul class="zone-chains">
      <For each={props.items}>
        {(z) => (
          <li
            {...{ [`data-${props.hook}-chain`]: z.id }}
            data-upstream={z.counts.upstream}
            data-midstream={z.counts.midstream}
            data-downstream={z.counts.downstream}
            data-gaps={z.gaps.join(',')}
          >
            <Show when={props.onPick} fallback={<span>{props.name(z.id)}</span>}>
              {(pick) => (
                <button type="button" class="link" onClick={() => pick()(z.id)}>
                  {props.name(z.id)}
                </button>
              )}
            </Show>
            <span class="chain-counts">
              {z.counts.upstream} / {z.counts.midstream} / {z.counts.downstream}
            </span>
            <Show
              when={z.gaps.length || z.thin.length}
              fallback={<span class="ok">{t('chain.complete')}</span>}
            >
              <Show when={z.gaps.length}>
                <span class="gap">
                  {t('chain.gaps', { list: z.gaps.map(props.stageShort).join(t('list.sep')) })}
                </span>
              </Show>
              <Show when={z.thin.length}>
                <span class="thin">
                  {t('chain.thin', { list: z.thin.map(props.stageShort).join(t('list.sep')) })}
                </span>
              </Show>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

/** A DBSCAN parameter within PARAM_LIMITS; a rejected entry is replaced by the value in force. */
function ParamInput(props: {
  name: keyof typeof PARAM_LIMITS;
  label: string;
  step: number;
  value: number;
  valid(v: number): boolean;
  onSet(v: number): void;
}) {
  const [rejected, setRejected] = createSignal<string | null>(null);
  const hintId = `param-hint-${props.name}`;
  return (
    <label>
      {props.label}
      <input
        type="number"
        min={PARAM_LIMITS[props.name].min}
        max={PARAM_LIMITS[props.name].max}
        step={props.step}
        value={props.value}
        data-param={props.name}
        aria-invalid={rejected() !== null}
        aria-describedby={rejected() !== null ? hintId : undefined}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          const v = Number(raw);
          if (props.valid(v)) {
            setRejected(null);
            props.onSet(v);
          } else {
            setRejected(raw);
            e.currentTarget.value = String(props.value);
          }
        }}
      />
      <Show when={rejected() !== null}>
        <span id={hintId} class="param-hint" role="alert">
          {t('params.rejected', {
            v: rejected() ?? '',
            min: PARAM_LIMITS[props.name].min,
            max: PARAM_LIMITS[props.name].max,
          })}
        </span>
      </Show>
    </label>
  );
}
