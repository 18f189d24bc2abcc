import { createEffect, For, Match, on, Show, Switch } from 'solid-js';
import type { AnalysisParams, ChainCompleteness, ClusterInfo } from '../analysis/types.ts';
import { countyName } from '../data/counties.ts';
import type { Enterprise, ExtraValue, Precision, Zone } from '../data/types.ts';
import { fmt, lang, t } from '../i18n/index.ts';
import { Swatch } from './Swatch.tsx';

export interface DetailsProps {
  enterprise: Enterprise | null;
  zone: Zone | null;
  cluster: ClusterInfo | null;
  /** Most of the cluster's members have approximate locations. */
  clusterApprox: boolean;
  params: AnalysisParams;
  enterpriseName(id: string): string;
  onSelectEnterprise(id: string): void;
  zoneName(id: string | null): string;
  /** Zone the analysis resolved for the enterprise (containment), when its record has none. */
  resolvedZone: string | null;
  zoneChain: ChainCompleteness | null;
  largeText: boolean;
  onClose(): void;
  onLocate(lon: number, lat: number, precision?: Precision): void;
  /** Changes when the person selects something: the panel then takes focus. */
  focusToken: number;
}

/** The details panel: every field, with its source and precision. */
export function Details(props: DetailsProps) {
  let closeBtn: HTMLButtonElement | undefined;
  /** Where focus was before the panel took it; given back on close. */
  let returnFocus: HTMLElement | null = null;
  const key = () =>
    props.enterprise?.id ??
    (props.zone
      ? `zone:${props.zone.id}`
      : props.cluster
        ? `cluster:${props.cluster.stage}/${props.cluster.id}`
        : null);
  // Boundary effect: a newly opened item takes focus (keyboard and screen-reader users land on it).
  // Boundary effect: an item the person opened takes focus (keyboard and screen-reader users land on
  // it); items opened by the URL, a portal message or a recomputation leave focus where it is.
  createEffect(
    on(
      () => props.focusToken,
      () => {
        if (!key()) return;
        if (!returnFocus && document.activeElement instanceof HTMLElement)
          returnFocus = document.activeElement;
        queueMicrotask(() => closeBtn?.focus({ preventScroll: true }));
      },
      { defer: true },
    ),
  );
  createEffect(() => {
    if (!key()) returnFocus = null;
  });
  const close = () => {
    const back = returnFocus; // read first: closing clears it
    returnFocus = null;
    props.onClose();
    if (back?.isConnected) back.focus({ preventScroll: true });
  };
  return (
    <Show when={props.enterprise || props.zone || props.cluster}>
      <aside
        class="details"
        role="dialog"
        aria-labelledby="details-title"
        data-details
        data-enterprise-id={props.enterprise?.id}
        data-zone-id={props.zone && !props.enterprise ? props.zone.id : undefined}
        data-cluster-id={
          props.cluster && !props.enterprise && !props.zone
            ? `${props.cluster.stage}/${props.cluster.id}`
            : undefined
        }
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <button ref={closeBtn} type="button" class="close" onClick={close} aria-label={t('details.close')}>
          ×
        </button>
        <Switch>
          <Match when={props.enterprise}>{(e) => <EnterpriseFields e={e()} {...props} />}</Match>
          <Match when={props.zone}>{(z) => <ZoneFields z={z()} chain={props.zoneChain} />}</Match>
          <Match when={props.cluster}>{(c) => <ClusterFields c={c()} {...props} />}</Match>
        </Switch>
      </aside>
    </Show>
  );
}

function EnterpriseFields(props: DetailsProps & { e: Enterprise }) {
  const e = () => props.e;
  const name = () => (lang() === 'en' && e().nameEn ? e().nameEn! : e().name);
  return (
    <>
      <h2 id="details-title">
        <Swatch stage={e().stage} largeText={props.largeText} /> {name()}
      </h2>
      <dl class="fields">
        <dt>{t('details.name')}</dt>
        <dd data-field="name">{e().name}</dd>
        <Show when={e().nameEn}>
          <dt>{t('details.nameEn')}</dt>
          <dd data-field="name_en">{e().nameEn}</dd>
        </Show>
        <dt>{t('details.id')}</dt>
        <dd data-field="id">{e().id}</dd>
        <dt>{t('details.stage')}</dt>
        <dd data-field="stage">{t(`stage.${e().stage}`)}</dd>
        <dt>{t('details.segment')}</dt>
        <dd data-field="segment">{e().segment ? t(`segment.${e().segment!}`) : '—'}</dd>
        <dt>{t('details.county')}</dt>
        <dd data-field="county">{e().county ? `${countyName(e().county, lang())} (${e().county})` : '—'}</dd>
        <dt>{t('details.zone')}</dt>
        <dd data-field="zone">
          {e().zone
            ? props.zoneName(e().zone)
            : props.resolvedZone
              ? `${props.zoneName(props.resolvedZone)}${t('details.byContainment')}`
              : '—'}
        </dd>
        <dt>{t('details.coordinates')}</dt>
        <dd data-field="coordinates">
          <Show when={e().lon !== null && e().lat !== null} fallback={t('details.unlocated')}>
            {coordinateText(e())}{' '}
            <button
              type="button"
              class="link"
              onClick={() => props.onLocate(e().lon!, e().lat!, e().precision)}
            >
              {t('details.locate')}
            </button>
          </Show>
        </dd>
        <dt>{t('details.precision')}</dt>
        <dd data-field="precision" data-value={e().precision}>
          {t(`precision.${e().precision}`)}
        </dd>
        <dt>{t('details.source')}</dt>
        <dd data-field="source">{e().source}</dd>
      </dl>
      <ExtraFields extra={e().extra} />
    </>
  );
}

/** A record's other columns (an enterprise's or a zone's, issue 7), names and values as text. */
function ExtraFields(props: { extra: Record<string, ExtraValue> | undefined }) {
  const entries = () => Object.entries(props.extra ?? {});
  return (
    <Show when={entries().length > 0}>
      <h3>{t('details.extra')}</h3>
      <dl class="fields">
        <For each={entries()}>
          {([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd data-extra={k}>{v === null ? '—' : String(v)}</dd>
            </>
          )}
        </For>
      </dl>
    </Show>
  );
}

function ZoneFields(props: { z: Zone; chain: ChainCompleteness | null }) {
  const z = () => props.z;
  return (
    <>
      <h2 id="details-title">
        <span class="zone-chip" aria-hidden="true" /> {lang() === 'en' && z().nameEn ? z().nameEn : z().name}
      </h2>
      <dl class="fields">
        <dt>{t('details.name')}</dt>
        <dd>{z().name}</dd>
        <dt>{t('details.id')}</dt>
        <dd>{z().id}</dd>
        <dt>{t('details.zoneLevel')}</dt>
        <dd>{t(`zoneLevel.${z().level}`)}</dd>
        <dt>{t('details.county')}</dt>
        <dd>{z().county ? countyName(z().county, lang()) : '—'}</dd>
        <dt>{t('details.precision')}</dt>
        <dd>{t(`precision.${z().precision}`)}</dd>
        <dt>{t('details.source')}</dt>
        <dd>{z().source}</dd>
        <Show when={props.chain}>
          {(c) => (
            <>
              <dt>{t('details.zoneMembers')}</dt>
              <dd>
                {t('stage.upstream')} {c().counts.upstream} · {t('stage.midstream')} {c().counts.midstream} ·{' '}
                {t('stage.downstream')} {c().counts.downstream}
              </dd>
              <Show when={c().gaps.length > 0}>
                <dt>{t('details.gaps')}</dt>
                <dd class="gap" data-field="gaps">
                  {c()
                    .gaps.map((g) => t(`stage.${g}`))
                    .join(t('list.sep'))}
                </dd>
              </Show>
              <Show when={c().thin.length > 0}>
                <dt>{t('details.thin')}</dt>
                <dd class="thin" data-field="thin">
                  {c()
                    .thin.map((g) => t(`stage.${g}`))
                    .join(t('list.sep'))}
                </dd>
              </Show>
            </>
          )}
        </Show>
      </dl>
      <ExtraFields extra={z().extra} />
    </>
  );
}

const CLUSTER_LIST_MAX = 30;

function ClusterFields(props: DetailsProps & { c: ClusterInfo }) {
  const c = () => props.c;
  return (
    <>
      <h2 id="details-title">
        <Swatch stage={c().stage} largeText={props.largeText} />{' '}
        {t('cluster.title', { stage: t(`stage.${c().stage}`) })}
      </h2>
      <p class="hint">{t('cluster.explain', { d: props.params.maxDistanceKm, m: props.params.minPoints })}</p>
      <Show when={props.clusterApprox}>
        <p class="hint" data-cluster-approx>
          {t('cluster.approx')}
        </p>
      </Show>
      <dl class="fields">
        <dt>{t('cluster.members')}</dt>
        <dd data-field="members">{c().memberIds.length}</dd>
        <dt>{t('cluster.coreEdge')}</dt>
        <dd>
          {c().core} / {c().edge}
        </dd>
        <dt>{t('cluster.area')}</dt>
        <dd>{fmt(c().areaKm2, props.clusterApprox ? 1 : 2)} km²</dd>
        <dt>{t('cluster.density')}</dt>
        <dd>{c().density === null ? '—' : `${fmt(c().density!, 1)} / km²`}</dd>
        <dt>{t('cluster.segment')}</dt>
        <dd>{c().dominantSegment ? t(`segment.${c().dominantSegment!}`) : '—'}</dd>
        <dt>{t('details.county')}</dt>
        <dd>{countyName(c().county, lang()) || '—'}</dd>
        <dt>{t('details.zone')}</dt>
        <dd>{props.zoneName(c().zone)}</dd>
      </dl>
      <h3>{t('cluster.list')}</h3>
      <ul class="cluster-members">
        <For each={c().memberIds.slice(0, CLUSTER_LIST_MAX)}>
          {(id) => (
            <li>
              <button type="button" class="link" onClick={() => props.onSelectEnterprise(id)}>
                {props.enterpriseName(id)}
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={c().memberIds.length > CLUSTER_LIST_MAX}>
        <p class="hint">{t('cluster.more', { n: c().memberIds.length - CLUSTER_LIST_MAX })}</p>
      </Show>
    </>
  );
}

/** Decimals that do not claim more than the precision (5 ≈ 1 m, 4 ≈ 10 m, 2 ≈ 1 km). */
const DECIMALS: Record<Precision, number> = { exact: 5, street: 4, township: 2, zone: 2, county: 2, none: 0 };

/** The coordinates as precise as the record says they are, marked approximate where they are. */
function coordinateText(e: Enterprise): string {
  const d = DECIMALS[e.precision];
  const text = `${e.lon!.toFixed(d)}, ${e.lat!.toFixed(d)}`;
  if (e.precision === 'county') return `≈ ${text} ${t('details.countyPoint')}`;
  return d < 4 ? `≈ ${text}` : text;
}
