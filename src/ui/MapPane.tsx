import { createEffect, getOwner, on, onCleanup, onMount, runWithOwner } from 'solid-js';
import { ATTRIBUTION } from '../data/attribution.ts';
import { type ChainStage, isApproximate } from '../data/types.ts';
import type { Basemap } from '../embed/config.ts';
import { fmt, lang, t } from '../i18n/index.ts';
import { MapController, type MapHit, type MapView, prepareBasemap } from '../map/controller.ts';
import type { BeltState } from './state.ts';

/**
 * Hosts the map: the only component that talks to it. Wires the state to the controller at the
 * boundary — one effect applies each frame the state derives and reports it drawn once MapLibre is
 * idle with it — and hands the rest of the app a MapView for camera moves, the picture export and
 * the robots' queries.
 */
export function MapPane(props: {
  state: BeltState;
  basemap: Basemap;
  boundaries: { counties: GeoJSON.FeatureCollection; prefecture: GeoJSON.FeatureCollection } | null;
  dataBase: string;
  onReady(view: MapView): void;
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

  const hoverText = ({ kind, id, anchor }: MapHit): string | null => {
    if (kind === 'cluster') {
      const [stage] = id.split('/');
      const c = s
        .analysis()
        ?.stages[stage as ChainStage]?.clusters.find((x) => x.memberIds.includes(anchor!));
      return c ? t('cluster.hover', { stage: t(`stage.${c.stage}`), n: fmt(c.memberIds.length) }) : null;
    }
    if (kind === 'zone') {
      const z = s.zoneById().get(id);
      return z ? (lang() === 'en' && z.nameEn ? z.nameEn : z.name) : null;
    }
    const e = s.getEnterprise(id);
    if (!e) return null;
    const name = lang() === 'en' && e.nameEn ? e.nameEn : e.name;
    return isApproximate(e.precision) ? `${name} ${t('hover.approx')}` : name;
  };

  /** What the map highlights: the selection, a cluster by its key in the current figures. */
  const highlighted = (): MapHit | null => {
    const sel = s.ui.selected;
    if (sel?.kind === 'county') return null; // a county (issue 8's list) has no feature to highlight
    // Only what the data hold reaches the map's feature state (?select=__proto__ must not: issue 9).
    if (sel?.kind === 'enterprise') return s.getEnterprise(sel.id) ? { kind: sel.kind, id: sel.id } : null;
    if (sel?.kind === 'zone') return s.zoneById().has(sel.id) ? { kind: sel.kind, id: sel.id } : null;
    if (sel?.kind !== 'cluster') return null;
    const c = s.selectedCluster();
    return c && { kind: 'cluster', id: `${c.stage}/${c.id}` };
  };

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
        onBasemapFailed: () => s.setUi('warnings', (ws) => [...ws, { key: 'basemap.failed' }]),
        hoverText,
      },
    );

    createEffect(() => {
      const b = props.boundaries;
      if (b) void ctl.setBoundaries(b.counties, b.prefecture);
    });
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
    createEffect(() => void ctl.setSelected(highlighted()));
    // One frame per change: the data, filters and overlays of the state's frame, applied together.
    createEffect(
      on(s.mapFrame, (frame) => {
        if (!s.dataLoaded()) return;
        void ctl.show(frame).then(() => {
          if (s.mapFrame() === frame) s.setDrawn(frame);
        });
      }),
    );
    props.onReady(ctl);
    return ctl;
  }
  // MapLibre's canvas carries the region role and the label; the container stays a plain element.
  return <div ref={el} class="map" />;
}
