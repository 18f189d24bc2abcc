import { createMemo, createSignal, For, Show } from 'solid-js';
import { isApproximateCluster } from '../analysis/is-approximate-cluster.ts';
import { hasFilters } from '../data/filters.ts';
import { bboxCentre } from '../data/geometry.ts';
import { type Precision, STAGES } from '../data/types.ts';
import { type BeltConfig, configTitle } from '../embed/config.ts';
import { bindPortal } from '../embed/portal.ts';
import { exposeRobotApi } from '../embed/robot.ts';
import { mapUrl, pageAddress } from '../embed/snippet.ts';
import { bindUrl, urlStateOf } from '../embed/url-sync.ts';
import { lang, setLang, t, tIn } from '../i18n/index.ts';
import type { MapView } from '../map/controller.ts';
import { AnalysisPanel } from './AnalysisPanel.tsx';
import { createAnnouncer } from './announce.ts';
import { ChainPanel } from './ChainPanel.tsx';
import { openGapPlace } from './chain-place.ts';
import { Details } from './Details.tsx';
import { EmbedBar } from './EmbedBar.tsx';
import { EmbedCodeDialog } from './EmbedCodeDialog.tsx';
import { EnterpriseList } from './EnterpriseList.tsx';
import { createEmbedCode } from './embed-code.ts';
import { exportView } from './exports.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { filterSummary, zoneDisplayName } from './facet-labels.ts';
import { bindHtmlHooks } from './html-hooks.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { createImportFlow } from './import-flow.ts';
import { Legend } from './Legend.tsx';
import { LoadProgress } from './LoadProgress.tsx';
import { createListOrder } from './list-order.ts';
import { MapPane } from './MapPane.tsx';
import { PortalTools } from './PortalTools.tsx';
import { printView } from './print.ts';
import { Search } from './Search.tsx';
import type { BeltState } from './state.ts';
import { Toolbar } from './Toolbar.tsx';

/** The closest zoom for an approximate location (none: as close as the map goes to a point). */
const APPROX_ZOOM: Partial<Record<Precision, number>> = { county: 9, zone: 11, township: 11 };

export interface AppProps {
  state: BeltState;
  config: BeltConfig;
  boundaries: () => { counties: GeoJSON.FeatureCollection; prefecture: GeoJSON.FeatureCollection } | null;
  dataBase: string;
}

/** The page's layout. Its boundaries (URL, portal, <html> hooks, robots) are bound by their modules. */
export function App(props: AppProps) {
  const s = props.state;
  const [map, setMap] = createSignal<MapView | null>(null);
  const title = () => configTitle(props.config, lang()) ?? t('app.title');
  bindHtmlHooks(s, title);
  bindUrl(s, props.config);
  bindPortal(s, props.config, map);
  const announce = createAnnouncer(s);
  const importFlow = createImportFlow(s, props.config); // issue 7

  const selectedEnterprise = createMemo(() => {
    const sel = s.ui.selected;
    return sel?.kind === 'enterprise' ? (s.getEnterprise(sel.id) ?? null) : null;
  });
  const selectedZone = createMemo(() => {
    const sel = s.ui.selected;
    return sel?.kind === 'zone' ? (s.zoneById().get(sel.id) ?? null) : null;
  });
  const zoneName = (id: string | null) => {
    if (!id) return '—';
    const z = s.zoneById().get(id);
    return z ? zoneDisplayName(z) : id;
  };
  /** The filters in force in words: printed, so a filtered printout never reads as the whole belt. */
  const filterLine = () => filterSummary(s.filters(), zoneName);
  /** Fly to a place; an approximate location gets a zoom that does not pretend otherwise. */
  const locate = (lon: number, lat: number, precision?: Precision) =>
    map()?.flyTo(lon, lat, precision && APPROX_ZOOM[precision]);
  const selectFromList = (id: string) => {
    s.select({ kind: 'enterprise', id }, true);
    const e = s.getEnterprise(id);
    if (e && e.lon !== null && e.lat !== null) locate(e.lon, e.lat);
  };
  const selectZone = (id: string) => {
    s.select({ kind: 'zone', id }, true);
    const z = s.zoneById().get(id);
    if (z?.geometry) locate(...bboxCentre(z.geometry));
  };
  // Issue 9: the compact embed's link to the full map, the embed-code dialog, the picture's resolution.
  const [scale, setScale] = createSignal<1 | 2>(1);
  const [embedOpen, setEmbedOpen] = createSignal(false);
  const embedCode = createEmbedCode(
    s,
    props.config,
    (l) => configTitle(props.config, l) ?? tIn(l, 'app.title'),
  );
  const fullUrl = createMemo(() =>
    mapUrl(pageAddress(window.location.href), urlStateOf(s), {
      compact: false,
      defaults: { dbscan: props.config.analysis },
    }),
  );
  let snapshotImg!: HTMLImageElement;
  const onExport = (kind: 'geojson' | 'csv' | 'png') =>
    exportView(kind, s, { title: title(), map: map(), scale: scale() }).catch((e: unknown) => {
      console.error('[belt] export failed', e);
      s.setUi('warnings', (ws) => [
        ...ws,
        { key: 'export.failed', params: { msg: e instanceof Error ? e.message : String(e) } },
      ]);
    });

  return (
    <div class="app" classList={{ 'large-text': s.ui.largeText, embed: s.ui.embed }}>
      <div role="status" class="visually-hidden" data-status>
        {announce()}
      </div>
      <Show when={!s.ui.embed} fallback={<EmbedBar title={title()} fullUrl={fullUrl()} />}>
        <Toolbar
          extra={
            <PortalTools
              scale={scale()}
              onScale={setScale}
              onEmbedCode={() => setEmbedOpen(true)}
              onPrint={() => void printView(map(), snapshotImg)}
            />
          }
          title={title()}
          noWebGL={s.ui.noWebGL}
          embed={s.ui.embed}
          largeText={s.ui.largeText}
          listOpen={s.ui.listOpen}
          panelOpen={s.ui.panelOpen}
          visible={s.visibleIdx().length}
          search={
            <Search
              enterprises={s.enterprises()}
              zones={s.zones()}
              onPick={(hit) => (hit.kind === 'enterprise' ? selectFromList(hit.id) : selectZone(hit.id))}
            />
          }
          onLang={() => setLang(lang() === 'zh' ? 'en' : 'zh')}
          onLargeText={(v) => s.setUi('largeText', v)}
          onList={(v) => s.setUi('listOpen', v)}
          onPanel={(v) => s.setUi('panelOpen', v)}
          chainOpen={s.ui.chainOpen}
          onChain={(v) => s.setUi('chainOpen', v)}
          onExport={onExport}
        />
        <EmbedCodeDialog code={embedCode} open={embedOpen()} onClose={() => setEmbedOpen(false)} />
      </Show>
      <Show when={s.ui.warnings.length > 0}>
        <div class="warnings" role="alert">
          <For each={s.ui.warnings}>{(w) => <p>{t(w.key, w.params)}</p>}</For>
        </div>
      </Show>
      <Show when={filterLine()}>
        <p class="print-filters" data-filter-summary>
          {filterLine()}
        </p>
      </Show>
      <Show when={s.isSample()}>
        <p class="sample-notice" data-sample-notice role="note">
          <strong>{t('sample.notice')}</strong> {t('sample.more')}
        </p>
      </Show>
      <Show when={s.ui.loadError}>
        <p class="error" role="alert">
          {t('state.error', { msg: s.ui.loadError ?? '' })}
        </p>
      </Show>
      <Show when={s.analysisError()}>
        <p class="error" role="alert">
          {t('agg.error', { msg: s.analysisError() ?? '' })}
        </p>
      </Show>
      <main class="layout">
        <aside class="side" aria-label={t('legend.title')}>
          <Legend
            stages={s.ui.stages}
            counts={s.counts()}
            analysis={s.analysis()}
            computing={s.computing()}
            largeText={s.ui.largeText}
            hulls={s.ui.hulls}
            hexGrid={s.ui.hexGrid}
            hexStage={s.ui.hexStage}
            onHexStage={(v) => s.setUi('hexStage', v)}
            onOverlay={(w, on) => s.setUi(w, on)}
            onToggle={s.toggleStage}
            onAll={(on) =>
              s.setStages(on ? ['upstream', 'midstream', 'downstream', 'support', 'unclassified'] : [])
            }
            filters={
              // Issue 8: the faceted filters, beside the stage filter.
              <Show when={!s.ui.embed || s.ui.panelOpen}>
                <FilterPanel
                  filters={s.filters()}
                  counts={s.facets()}
                  zoneValues={s.codes().zoneValues}
                  zoneName={zoneName}
                  active={hasFilters(s.filters()) || s.ui.stages.length < STAGES.length}
                  onChange={s.setFilters}
                  onClear={s.clearFilters}
                />
              </Show>
            }
          />
          <Show when={!s.ui.embed}>
            <ImportPanel state={s} flow={importFlow} />
          </Show>
          <Show when={s.ui.panelOpen}>
            <AnalysisPanel
              analysis={s.analysis()}
              zones={s.zones()}
              params={s.ui.params}
              onParams={(p) => s.setUi('params', p)}
              largeText={s.ui.largeText}
              onSelectZone={selectZone}
              onSelectCluster={(id, lon, lat) => {
                s.select({ kind: 'cluster', id }, true);
                locate(lon, lat);
              }}
            />
          </Show>
        </aside>
        <div class="map-wrap">
          <Show
            when={!s.ui.noWebGL}
            fallback={
              <div class="no-webgl" role="alert" data-no-webgl>
                <h2>{t('nowebgl.title')}</h2>
                <p>{t('nowebgl.body')}</p>
              </div>
            }
          >
            <MapPane
              state={s}
              basemap={props.config.basemap}
              boundaries={props.boundaries()}
              dataBase={props.dataBase}
              onReady={(view) => {
                setMap(view);
                exposeRobotApi(view, s);
              }}
              onError={(msg) => console.error('[belt] map error:', msg)}
            />
          </Show>
          <img class="print-snapshot" ref={snapshotImg} alt={t('map.label')} />
          <LoadProgress progress={s.loadProgress()} />
          <Show when={s.computing()}>
            <div class="computing" aria-hidden="true">
              {t('agg.computing')}
            </div>
          </Show>
        </div>
        <Show when={s.ui.listOpen || s.ui.noWebGL}>
          {(_open) => {
            // Built only while the list is shown (100,000 rows are not copied on every toggle otherwise).
            const list = createListOrder(s, zoneName);
            return (
              <EnterpriseList
                items={list.items()}
                selectedId={selectedEnterprise()?.id ?? null}
                largeText={s.ui.largeText}
                onSelect={selectFromList}
                order={list.order()}
                onOrder={list.setOrder}
                meta={list.meta}
                sorting={list.sorting()}
              />
            );
          }}
        </Show>
        <Show when={s.ui.chainOpen}>
          <ChainPanel
            state={s}
            onSelectPlace={(row) => openGapPlace(s, row, selectZone, locate)}
            onSelectEnterprise={selectFromList}
          />
        </Show>
        <Details
          enterprise={selectedEnterprise()}
          zone={selectedZone()}
          cluster={s.selectedCluster()}
          clusterApprox={(() => {
            const c = s.selectedCluster();
            return !!c && isApproximateCluster(c);
          })()}
          params={s.ui.params}
          enterpriseName={(id) => {
            const e = s.getEnterprise(id);
            return e ? (lang() === 'en' && e.nameEn ? e.nameEn : e.name) : id;
          }}
          onSelectEnterprise={selectFromList}
          zoneName={zoneName}
          resolvedZone={
            selectedEnterprise() ? (s.analysis()?.resolvedZones[selectedEnterprise()!.id] ?? null) : null
          }
          zoneChain={
            selectedZone()
              ? (s.analysis()?.zoneChains.find((z) => z.id === selectedZone()!.id) ?? null)
              : null
          }
          largeText={s.ui.largeText}
          focusToken={s.focusToken()}
          onClose={() => s.select(null)}
          onLocate={locate}
        />
      </main>
    </div>
  );
}
