import { batch, createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { type AnalysisClient, isSuperseded } from '../analysis/client.ts';
import { ATTRIBUTION } from '../data/attribution.ts';
import { enterprisesToCSV, enterprisesToGeoJSON } from '../data/serialize.ts';
import { CHAIN_STAGES, type Precision } from '../data/types.ts';
import { type BeltConfig, configTitle } from '../embed/config.ts';
import { createBridge, type OutMessage } from '../embed/messages.ts';
import { writeUrlState } from '../embed/url.ts';
import { fmt, lang, setLang, t } from '../i18n/index.ts';
import { AnalysisPanel } from './AnalysisPanel.tsx';
import { Details } from './Details.tsx';
import { EnterpriseList } from './EnterpriseList.tsx';
import { Legend } from './Legend.tsx';
import { type MapHandle, MapPane } from './MapPane.tsx';
import { Search } from './Search.tsx';
import type { BeltState } from './state.ts';
import { Toolbar } from './Toolbar.tsx';

/** The closest zoom for an approximate location (none: as close as the map goes to a point). */
const APPROX_ZOOM: Partial<Record<Precision, number>> = { county: 9, zone: 11, township: 11 };

/** What the page needs of the analysis engine (AnalysisClient implements it; tests may fake it). */
export type AnalysisRunner = Pick<AnalysisClient, 'analyze'>;

export interface AppProps {
  state: BeltState;
  config: BeltConfig;
  runner: AnalysisRunner;
  boundaries: () => { counties: GeoJSON.FeatureCollection; prefecture: GeoJSON.FeatureCollection } | null;
  dataBase: string;
}

export function App(props: AppProps) {
  const s = props.state;
  const [mapHandle, setMapHandle] = createSignal<MapHandle | null>(null);
  const computing = createMemo(() => s.dataLoaded() && !s.analysisError() && s.analysisSeq() !== s.seq());

  // ---- boundary: <html> attributes (contract hooks) ----
  createEffect(() => document.documentElement.setAttribute('data-map-state', s.mapState()));
  createEffect(() =>
    // contract.md: present ("on") only while the mode is on.
    s.ui.largeText
      ? document.documentElement.setAttribute('data-large-text', 'on')
      : document.documentElement.removeAttribute('data-large-text'),
  );
  createEffect(() => document.documentElement.classList.toggle('embed', s.ui.embed));
  createEffect(() => {
    document.title = configTitle(props.config, lang()) ?? t('app.title');
  });

  // ---- boundary: one screen-reader announcement per settled change (not one per figure) ----
  const [announce, setAnnounce] = createSignal('');
  let firstReadySeen = false;
  createEffect(
    on(s.mapState, (st, prev) => {
      if (st !== 'ready' || prev !== 'loading' || !firstReadySeen) {
        if (st === 'ready') firstReadySeen = true;
        return;
      }
      setAnnounce(''); // cleared first, so that the same words are announced again
      queueMicrotask(() => setAnnounce(t('status.updated', { n: fmt(s.visibleIdx().length) })));
    }),
  );

  // ---- boundary: the URL reflects the state (a copied link reopens the same view) ----
  createEffect(() => {
    const sel = s.ui.selected;
    const q = writeUrlState(
      window.location.search,
      {
        stages: [...s.ui.stages],
        lang: lang(),
        embed: s.ui.embed,
        ...(s.ui.view ? { view: { ...s.ui.view } } : {}),
        ...(sel?.kind === 'enterprise' ? { select: sel.id } : {}),
        ...(sel?.kind === 'zone' ? { zone: sel.id } : {}),
        list: s.ui.listOpen,
        panel: s.ui.panelOpen,
        dbscan: { maxDistanceKm: s.ui.params.maxDistanceKm, minPoints: s.ui.params.minPoints },
        largeText: s.ui.largeText,
        ...(s.ui.hexGrid ? { hex: s.ui.hexStage } : {}),
        hulls: s.ui.hulls,
      },
      { dbscan: props.config.analysis },
    );
    if (q !== window.location.search)
      window.history.replaceState(null, '', `${window.location.pathname}${q}${window.location.hash}`);
  });

  // ---- boundary: the analysis worker; a newer request supersedes an older one ----
  createEffect(
    on(s.seq, (seq) => {
      if (!s.dataLoaded()) return;
      const params = { ...s.ui.params };
      // The client transfers the index buffers to the worker: send copies, keep the memos intact.
      props.runner
        .analyze(s.visibleIdx().slice(), s.chainIdx().slice(), params)
        .then((res) => {
          if (s.seq() === seq) {
            // Cluster numbers change with the figures: keep a selected cluster only where the new figures
            // have one with the same first member (same stage), else close it rather than show another.
            const before = s.selectedCluster();
            batch(() => {
              if (s.ui.selected?.kind === 'cluster') {
                const first = before?.memberIds[0];
                const same =
                  before && res.stages[before.stage].clusters.find((c) => c.memberIds.includes(first!));
                s.select(same ? { kind: 'cluster', id: `${same.stage}/${same.id}` } : null);
              }
              s.setAnalysis(res);
              s.setAnalysisSeq(seq);
              s.setAnalysisError(null);
            });
          }
        })
        .catch((e: unknown) => {
          if (isSuperseded(e)) return;
          console.error('[belt] analysis failed', e);
          s.setAnalysisError(e instanceof Error ? e.message : String(e));
        });
    }),
  );

  // ---- boundary: messages from/to an embedding portal ----
  const stateMessage = (): OutMessage => {
    const a = s.analysis();
    return {
      type: 'belt:state',
      stages: [...s.ui.stages],
      counts: { ...s.counts().visible },
      levels: Object.fromEntries(CHAIN_STAGES.map((st) => [st, a?.stages[st].level ?? 'none'])),
    };
  };
  const bridge = createBridge(props.config.embed.allowedOrigins, (msg, reply) => {
    switch (msg.type) {
      case 'belt:set-stages':
        s.setStages(msg.stages);
        break;
      case 'belt:set-view':
        {
          const view = { lon: msg.lon, lat: msg.lat, zoom: msg.zoom };
          const h = mapHandle();
          if (h) h.controller.jumpTo(view);
          else s.setUi('view', view);
        }
        break;
      case 'belt:select':
        s.select({ kind: 'enterprise', id: msg.id });
        break;
      case 'belt:get-state':
        reply(stateMessage());
        break;
    }
  });
  onCleanup(() => bridge.dispose());
  createEffect(
    on(
      () => s.mapState() === 'ready',
      (ready, wasReady) => {
        if (!ready) return;
        if (wasReady === undefined || !announcedReady) {
          announcedReady = true;
          bridge.send({ type: 'belt:ready' });
        }
        bridge.send(stateMessage());
      },
    ),
  );
  let announcedReady = false;
  createEffect(
    on(
      () => s.ui.selected,
      (sel) => {
        if (sel?.kind !== 'enterprise') return;
        const e = s.getEnterprise(sel.id);
        if (e) bridge.send({ type: 'belt:selected', id: e.id, name: e.name, stage: e.stage });
      },
    ),
  );

  // ---- derived view data ----
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
    return z ? (lang() === 'en' && z.nameEn ? z.nameEn : z.name) : id;
  };
  /** Fly to a place; an approximate location gets a zoom that does not pretend otherwise. */
  const locate = (lon: number, lat: number, precision?: Precision) =>
    mapHandle()?.controller.flyTo(lon, lat, precision && APPROX_ZOOM[precision]);
  const selectFromList = (id: string) => {
    s.select({ kind: 'enterprise', id }, true);
    const e = s.getEnterprise(id);
    if (e && e.lon !== null && e.lat !== null) locate(e.lon, e.lat);
  };

  const pickSearchHit = (hit: { kind: 'enterprise' | 'zone'; id: string }) => {
    if (hit.kind === 'enterprise') return selectFromList(hit.id);
    s.select(hit, true);
    const z = s.zoneById().get(hit.id);
    if (z) {
      const [lon, lat] = centreOf(z.geometry);
      locate(lon, lat);
    }
  };

  const download = (blob: Blob, name: string) => {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const exportAs = async (kind: 'geojson' | 'csv' | 'png') => {
    const resolved = s.analysis()?.resolvedZones;
    const stamp = new Date().toISOString().slice(0, 10);
    if (kind === 'geojson') {
      const fc = enterprisesToGeoJSON(s.visibleEnterprises(), resolved);
      download(
        new Blob([JSON.stringify(fc)], { type: 'application/geo+json' }),
        `shangrao-belt-${stamp}.geojson`,
      );
    } else if (kind === 'csv') {
      download(
        new Blob([enterprisesToCSV(s.visibleEnterprises(), resolved)], { type: 'text/csv;charset=utf-8' }),
        `shangrao-belt-${stamp}.csv`,
      );
    } else {
      if (s.ui.noWebGL) return;
      const c = mapHandle()?.controller;
      if (c) {
        const footer = [
          ...(s.isSample() ? [t('sample.notice')] : []),
          ATTRIBUTION[lang()],
          `${configTitle(props.config, lang()) ?? t('app.title')} · ${new Date().toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB')}`,
        ];
        download(
          await c.exportPng(footer, getComputedStyle(document.body).fontFamily),
          `shangrao-belt-${stamp}.png`,
        );
      }
    }
  };

  return (
    <div class="app" classList={{ 'large-text': s.ui.largeText, embed: s.ui.embed }}>
      <div role="status" class="visually-hidden" data-status>
        {announce()}
      </div>
      <Toolbar
        title={configTitle(props.config, lang()) ?? t('app.title')}
        noWebGL={s.ui.noWebGL}
        embed={s.ui.embed}
        largeText={s.ui.largeText}
        listOpen={s.ui.listOpen}
        panelOpen={s.ui.panelOpen}
        visible={s.visibleIdx().length}
        search={<Search enterprises={s.enterprises()} zones={s.zones()} onPick={pickSearchHit} />}
        onLang={() => setLang(lang() === 'zh' ? 'en' : 'zh')}
        onLargeText={(v) => s.setUi('largeText', v)}
        onList={(v) => s.setUi('listOpen', v)}
        onPanel={(v) => s.setUi('panelOpen', v)}
        onExport={(kind) =>
          exportAs(kind).catch((e: unknown) => {
            console.error('[belt] export failed', e);
            s.setUi('warnings', (ws) => [
              ...ws,
              { key: 'export.failed', params: { msg: e instanceof Error ? e.message : String(e) } },
            ]);
          })
        }
      />
      <Show when={s.ui.warnings.length > 0}>
        <div class="warnings" role="alert">
          <For each={s.ui.warnings}>{(w) => <p>{t(w.key, w.params)}</p>}</For>
        </div>
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
            visibleCounts={s.counts().visible}
            totalCounts={s.counts().total}
            analysis={s.analysis()}
            computing={computing()}
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
          />
          <Show when={s.ui.panelOpen}>
            <AnalysisPanel
              analysis={s.analysis()}
              zones={s.zones()}
              params={s.ui.params}
              onParams={(p) => s.setUi('params', p)}
              onSelectZone={(id) => {
                s.select({ kind: 'zone', id }, true);
                const z = s.zoneById().get(id);
                if (z) locate(...centreOf(z.geometry));
              }}
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
              onReady={(h) => {
                setMapHandle(h);
                exposeTestHandle(h, s);
              }}
              onError={(msg) => console.error('[belt] map error:', msg)}
            />
          </Show>
          <Show when={computing()}>
            <div class="computing" aria-hidden="true">
              {t('agg.computing')}
            </div>
          </Show>
        </div>
        <Show when={s.ui.listOpen || s.ui.noWebGL}>
          {(_open) => {
            // Built only while the list is shown (100,000 rows are not copied on every toggle otherwise).
            const items = createMemo(() => s.visibleEnterprises());
            return (
              <EnterpriseList
                items={items()}
                selectedId={selectedEnterprise()?.id ?? null}
                largeText={s.ui.largeText}
                onSelect={selectFromList}
              />
            );
          }}
        </Show>
        <Details
          enterprise={selectedEnterprise()}
          zone={selectedZone()}
          cluster={s.selectedCluster()}
          clusterApprox={(() => {
            const c = s.selectedCluster();
            return !!c && s.approxClusters().has(`${c.stage}/${c.id}`);
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

/**
 * window.belt: a small read-only handle for QA robots and our end-to-end tests (documented in the
 * README): rendered enterprise ids and screen positions, without reaching into MapLibre.
 */
function exposeTestHandle(h: MapHandle, s: BeltState) {
  (window as unknown as { belt: unknown }).belt = {
    renderedEnterpriseIds: () => h.controller.renderedEnterpriseIds(),
    screenPointOf: (id: string) => {
      const e = s.getEnterprise(id);
      if (!e || e.lon === null || e.lat === null) return null;
      return h.controller.screenPoint(e.lon, e.lat);
    },
    mapState: () => s.mapState(),
  };
}

/** Centre of a geometry's bounding box (for flying to a zone). */
function centreOf(g: GeoJSON.Polygon | GeoJSON.MultiPolygon | GeoJSON.Point): [number, number] {
  if (g.type === 'Point') return g.coordinates as [number, number];
  const pts = (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).flat();
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts as [number, number][]) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}
