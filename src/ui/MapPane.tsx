import { createEffect, getOwner, on, onCleanup, onMount, runWithOwner } from 'solid-js';
import { ATTRIBUTION } from '../data/attribution.ts';
import { type ChainStage, isApproximate } from '../data/types.ts';
import type { Basemap } from '../embed/config.ts';
import { fmt, lang, t } from '../i18n/index.ts';
import { MapController, prepareBasemap } from '../map/controller.ts';
import type { BeltState } from './state.ts';

export interface MapHandle {
  controller: MapController;
}

/**
 * Hosts the map. Every MapLibre call goes through MapController; this component only wires Solid
 * state to it (effects at the boundary).
 */
export function MapPane(props: {
  state: BeltState;
  basemap: Basemap;
  boundaries: { counties: GeoJSON.FeatureCollection; prefecture: GeoJSON.FeatureCollection } | null;
  dataBase: string;
  onReady(handle: MapHandle): void;
  onError(msg: string): void;
}) {
  let el!: HTMLDivElement;
  const s = props.state;
  onMount(() => {
    // The map is created once the basemap is ready; its effects must still belong to this component.
    const owner = getOwner();
    let disposed = false;
    let created: MapController | undefined;
    onCleanup(() => {
      disposed = true;
      created?.destroy();
    });
    prepareBasemap(props.basemap)
      .then(() => {
        if (!disposed) runWithOwner(owner, () => (created = mount()));
      })
      .catch((e: unknown) => s.setUi('loadError', `basemap: ${e instanceof Error ? e.message : String(e)}`));
  });

  /** Creates the map and wires state to it; returns the controller. */
  function mount(): MapController {
    const ctl = new MapController(
      {
        container: el,
        basemap: props.basemap,
        lang: lang(),
        stages: s.ui.stages,
        largeText: s.ui.largeText,
        view: s.ui.view,
        attribution: ATTRIBUTION[lang()],
        dataBase: props.dataBase,
        label: t('map.label'),
        uiText: { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') },
      },
      {
        onSelect: (sel) => s.select(sel, true),
        onMove: (v) => s.setUi('view', v),
        onError: (msg) => props.onError(msg),
        hoverText: (kind, id) => {
          if (kind === 'cluster') {
            const [stage, n] = id.split('/');
            const c = s.analysis()?.stages[stage as ChainStage]?.clusters.find((x) => String(x.id) === n);
            return c
              ? t('cluster.hover', { stage: t(`stage.${c.stage}`), n: fmt(c.memberIds.length) })
              : null;
          }
          if (kind === 'zone') {
            const z = s.zoneById().get(id);
            return z ? (lang() === 'en' && z.nameEn ? z.nameEn : z.name) : null;
          }
          const e = s.getEnterprise(id);
          if (!e) return null;
          const name = lang() === 'en' && e.nameEn ? e.nameEn : e.name;
          return isApproximate(e.precision) ? `${name} ${t('hover.approx')}` : name;
        },
      },
    );

    createEffect(() => {
      const b = props.boundaries;
      if (b) void ctl.setBoundaries(b.counties, b.prefecture);
    });
    createEffect(() => void ctl.setEnterprises(s.enterprises()));
    createEffect(() => void ctl.setZones(s.zones()));
    createEffect(
      on(
        lang,
        (l) => {
          void ctl.setLang(l);
          ctl.setAttribution(ATTRIBUTION[l]);
          ctl.setUiText(t('map.label'), { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });
        },
        { defer: true },
      ),
    );
    createEffect(
      on(
        () => s.ui.largeText,
        (v) => void ctl.setLargeText(v),
        { defer: true },
      ),
    );
    createEffect(() => void ctl.setSelected(s.ui.selected));
    // The figures' overlays; `drawn` once the map is idle with them.
    createEffect(
      on(s.overlayRequest, (req) => {
        void ctl
          .setOverlays(req.result, {
            hexGrid: req.hexGrid,
            hulls: req.hulls,
            hexStage: req.hexStage,
            approxClusters: s.approxClusters(),
          })
          .then(() => ctl.whenIdle())
          .then(() => {
            if (s.overlayRequest() === req) s.setDrawnOverlays(req);
          });
      }),
    );
    // What is visible changed: filter the layers (no setData), and report `drawn` once the map is idle.
    createEffect(
      on(s.visibleIdx, (idx) => {
        if (!s.dataLoaded()) return;
        void ctl
          .setStages([...s.ui.stages])
          .then(() => ctl.whenIdle())
          .then(() => {
            if (s.visibleIdx() === idx) s.setDrawnIdx(idx);
          });
      }),
    );
    props.onReady({ controller: ctl });
    return ctl;
  }
  // MapLibre's canvas carries the region role and the label; the container stays a plain element.
  return <div ref={el} class="map" />;
}
