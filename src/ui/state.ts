/**
 * Application state: a Solid store for the controls, plain signals for the data (no store proxies
 * over 100,000 records), and memos for everything derived, the figures included (figures.ts).
 * Effects live at the boundaries only: the map (MapPane), the URL, the portal, the <html> hooks.
 */
import { batch, createMemo, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { StudyArea } from '../analysis/study-area-km2.ts';
import type { AnalysisParams, ClusterInfo } from '../analysis/types.ts';
import { isCountyAdcode } from '../data/counties.ts';
import { type Filters, NO_FILTERS } from '../data/filters.ts';
import type { LoadProgress } from '../data/parse-job.ts';
import {
  type ChainStage,
  type Enterprise,
  isChainStage,
  STAGES,
  type Stage,
  type Zone,
} from '../data/types.ts';
import type { BeltConfig } from '../embed/config.ts';
import type { UrlState, View } from '../embed/url.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { MapFrame } from '../map/frame.ts';
import type { HexStage } from '../map/style.ts';
import { type AnalysisRunner, createFigures } from './figures.ts';

/** A warning for the banner: a dictionary key and its parameters. */
export interface Warning {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * What the details panel shows: an enterprise, a zone, or a cluster (`<stage>/<n>` of the figures it
 * was chosen in, with `anchor`, its first member: cluster numbers change with the figures, so the
 * selection follows the cluster that still holds that firm, or closes).
 */
export type Selection =
  | { kind: 'enterprise' | 'zone'; id: string }
  /** A county (adcode), chosen in the investment-promotion list: the chain diagram shows its own counts (issue 8). */
  | { kind: 'county'; id: string }
  | { kind: 'cluster'; id: string; anchor?: string }
  | null;

export interface UiState {
  stages: Stage[];
  embed: boolean;
  view: View | null;
  selected: Selection;
  largeText: boolean;
  listOpen: boolean;
  panelOpen: boolean;
  hexGrid: boolean;
  /** Which count colours the hexagons. */
  hexStage: HexStage;
  hulls: boolean;
  params: AnalysisParams;
  /** Visible warnings, translated when shown (so they follow a language switch). */
  warnings: Warning[];
  loadError: string | null;
  noWebGL: boolean;
  /** The chain diagram and investment-promotion list panel is open (issue 8). */
  chainOpen: boolean;
  // issue 8a owns this; minimal placeholder
  filters: Filters;
}

export interface LoadedDataset {
  enterprises: readonly Enterprise[];
  zones: readonly Zone[];
  sample: boolean;
  /** The study area of the nearest-neighbour index (the prefecture outline). */
  studyArea?: StudyArea | null;
}

export function createBeltState(config: BeltConfig, url: UrlState, runner: AnalysisRunner) {
  const [ui, setUi] = createStore<UiState>({
    stages: url.stages ?? config.stages,
    embed: url.embed ?? false,
    view: url.view ?? null,
    selected: url.select
      ? { kind: 'enterprise', id: url.select }
      : url.zone
        ? { kind: 'zone', id: url.zone }
        : null,
    largeText: url.largeText ?? false,
    listOpen: url.list ?? false,
    panelOpen: url.panel ?? !(url.embed ?? false),
    hexGrid: url.hex !== undefined,
    hexStage: url.hex ?? 'total',
    hulls: url.hulls ?? true,
    params: {
      maxDistanceKm: url.dbscan?.maxDistanceKm ?? config.analysis.maxDistanceKm,
      minPoints: url.dbscan?.minPoints ?? config.analysis.minPoints,
      hexSideKm: 3,
    },
    warnings: [],
    loadError: null,
    noWebGL: false,
    chainOpen: false,
    filters: { ...NO_FILTERS }, // issue 8a owns this; minimal placeholder
  });

  const [data, setData] = createSignal<(LoadedDataset & { studyArea: StudyArea | null }) | null>(null);
  const enterprises = createMemo(() => data()?.enterprises ?? []);
  const zones = createMemo(() => data()?.zones ?? []);
  const isSample = () => data()?.sample ?? false;
  const dataLoaded = () => data() !== null;
  /** The frame the map has drawn (set by the map component once MapLibre is idle with it). */
  const [drawn, setDrawn] = createSignal<MapFrame | null>(null);
  /** Progress of loading the data files (null when none is running). */
  const [loadProgress, setLoadProgress] = createSignal<LoadProgress | null>(null);
  /** Bumped when the person selects something: the details panel then takes focus. */
  const [focusToken, setFocusToken] = createSignal(0);

  const byId = createMemo(() => new Map(enterprises().map((e, i) => [e.id, i])));
  const zoneById = createMemo(() => new Map(zones().map((z) => [z.id, z])));
  const stageSet = createMemo(() => new Set(ui.stages));

  // issue 8a owns this; minimal placeholder (only the segment filter; 8a's version has every filter)
  /** Indices of enterprises passing every filter except the stage AND the segment filters. */
  const gapIdx = createMemo(() => Uint32Array.from(enterprises().keys()));
  /** Indices of enterprises passing every filter except the stage filter. */
  const chainIdx = createMemo(() => {
    const segs = ui.filters.segments;
    if (segs === null) return gapIdx();
    const on = new Set<string | null>(segs);
    const all = enterprises();
    return Uint32Array.from(gapIdx()).filter((i) => on.has(all[i]!.segment));
  });
  // end of the placeholder

  /** Indices of enterprises passing every filter. */
  const visibleIdx = createMemo(() => {
    const all = enterprises();
    const set = stageSet();
    const base = chainIdx();
    const out = new Uint32Array(base.length);
    let k = 0;
    for (const i of base) if (set.has(all[i]!.stage)) out[k++] = i;
    return out.subarray(0, k);
  });

  /**
   * Per stage: enterprises passing every *other* filter, located or not, the stage on or off (what
   * switching it on shows: faceted counts, contract.md). Independent of the stage filter.
   */
  const counts = createMemo(() => {
    const all = enterprises();
    const n = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    for (const i of chainIdx()) n[all[i]!.stage]++;
    return n;
  });

  const figures = createFigures(
    {
      dataset: createMemo(() => {
        const d = data();
        return d && { records: d.enterprises, zones: [...d.zones], studyArea: d.studyArea };
      }),
      filterIdx: chainIdx,
      gapIdx: () => gapIdx(), // read lazily (figures.ts): the index memos may be declared below
      chainShown: () => ui.chainOpen,
      stages: () => ui.stages,
      params: () => ({
        maxDistanceKm: ui.params.maxDistanceKm,
        minPoints: ui.params.minPoints,
        hexSideKm: ui.params.hexSideKm,
      }),
      hexShown: () => ui.hexGrid,
      visibleCount: () => visibleIdx().length,
    },
    runner,
  );
  const analysis = figures.result;

  /** The selected cluster in the current figures (null when none of them holds its first member). */
  const selectedCluster = createMemo<ClusterInfo | null>(() => {
    const sel = ui.selected;
    if (sel?.kind !== 'cluster') return null;
    const [stage, n] = sel.id.split('/');
    const list = isChainStage(stage ?? '') ? analysis()?.stages[stage as ChainStage].clusters : undefined;
    if (!list) return null;
    return (
      (sel.anchor
        ? list.find((c) => c.memberIds.includes(sel.anchor!))
        : list.find((c) => String(c.id) === n)) ?? null
    );
  });

  /** The visible enterprises as records (not memoised: the list memoises it while open; exports call it). */
  const visibleEnterprises = () => {
    const all = enterprises();
    return Array.from(visibleIdx(), (i) => all[i]!);
  };

  /** Everything the map must show; `ready` needs the map to have drawn exactly this. */
  const mapFrame = createMemo<MapFrame>(() => ({
    enterprises: enterprises(),
    zones: zones(),
    stages: [...ui.stages],
    clusters: figures.stageFigures()?.figures ?? null,
    hulls: ui.hulls,
    hexGrid: ui.hexGrid,
    hexStage: ui.hexStage,
    hex: figures.hexGrid(),
  }));

  /**
   * contract.md: `ready` only once the map has drawn the current data (the visible points and the
   * overlays of the current figures) and the figures for it are shown; `loading` while recomputing.
   */
  const mapState = createMemo<'loading' | 'ready' | 'error'>(() => {
    if (ui.loadError || figures.error()) return 'error';
    if (!dataLoaded() || !figures.current()) return 'loading';
    if (!ui.noWebGL && drawn() !== mapFrame()) return 'loading';
    return 'ready';
  });

  function setStages(stages: readonly Stage[]) {
    setUi(
      'stages',
      STAGES.filter((s) => stages.includes(s)),
    );
  }
  // issue 8a owns this; minimal placeholder
  function setFilters(patch: Partial<Filters>) {
    setUi('filters', (f) => ({ ...f, ...patch }));
  }
  function toggleStage(s: Stage, on: boolean) {
    setStages(on ? [...ui.stages, s] : ui.stages.filter((x) => x !== s));
  }
  /**
   * Select an enterprise, zone or cluster. `byUser`: the person chose it (click, list, search), so the
   * details panel takes focus; selections from the URL or a portal message do not. Before the data
   * has loaded it is kept and checked on load.
   */
  function select(sel: Selection, byUser = false) {
    if (byUser && sel) setFocusToken((n) => n + 1);
    if (!dataLoaded()) {
      setUi('selected', sel);
      return;
    }
    if (sel?.kind === 'enterprise' && !byId().has(sel.id)) {
      console.warn(`[belt] no enterprise with id ${sel.id}`);
      return;
    }
    if (sel?.kind === 'zone' && !zoneById().has(sel.id)) return;
    if (sel?.kind === 'county' && !isCountyAdcode(sel.id)) return;
    if (sel?.kind === 'cluster' && !sel.anchor) {
      const [stage, n] = sel.id.split('/');
      const c = isChainStage(stage ?? '')
        ? analysis()?.stages[stage as ChainStage].clusters.find((x) => String(x.id) === n)
        : undefined;
      if (!c) return;
      sel = { ...sel, anchor: c.memberIds[0]! };
    }
    setUi('selected', sel);
  }
  function loadData(d: LoadedDataset) {
    batch(() => {
      setData({ ...d, studyArea: d.studyArea ?? null });
      const sel = ui.selected;
      if (sel?.kind === 'zone' && !zoneById().has(sel.id)) {
        console.warn(`[belt] ignoring selection of zone ${sel.id}: no such zone`);
        setUi('selected', null);
      }
      if (sel?.kind === 'enterprise' && !byId().has(sel.id)) {
        console.warn(`[belt] ignoring selection ${sel.id}: no such enterprise`);
        setUi('selected', null);
      }
    });
  }
  function getEnterprise(id: string): Enterprise | undefined {
    const i = byId().get(id);
    return i === undefined ? undefined : enterprises()[i];
  }

  return {
    ui,
    setUi,
    enterprises,
    zones,
    isSample,
    dataLoaded,
    loadProgress,
    setLoadProgress,
    analysis,
    /** The figures are being recomputed for the current inputs. */
    computing: () => dataLoaded() && !figures.error() && !figures.current(),
    analysisError: figures.error,
    mapFrame,
    drawn,
    setDrawn,
    byId,
    zoneById,
    selectedCluster,
    focusToken,
    chainIdx,
    gapIdx, // issue 8a owns this; minimal placeholder
    setFilters, // issue 8a owns this; minimal placeholder
    /** The chain diagram's links (segment co-location over the visible firms; issue 8). */
    segmentColocation: figures.segmentColocation,
    /** The investment-promotion list (issue 8). */
    gapList: figures.gapList,
    visibleIdx,
    visibleEnterprises,
    counts,
    mapState,
    setStages,
    toggleStage,
    select,
    loadData,
    getEnterprise,
  };
}

export type BeltState = ReturnType<typeof createBeltState>;
