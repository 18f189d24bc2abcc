/**
 * Application state: Solid signals, a store for the UI flags, and memos for every derived figure.
 * Effects live at the boundaries only (URL, map, worker, messages: see App.tsx and MapPane.tsx).
 */
import { batch, createMemo, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { AnalysisParams, AnalysisResult } from '../analysis/types.ts';
import {
  CHAIN_STAGES,
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
import type { HexStage } from '../map/style.ts';

/** What the details panel shows: an enterprise, a zone, or a cluster of the current figures (`<stage>/<n>`). */
/** A warning for the banner: a dictionary key and its parameters. */
export interface Warning {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type Selection = { kind: 'enterprise' | 'zone' | 'cluster'; id: string } | null;

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
}

export function createBeltState(config: BeltConfig, url: UrlState) {
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
  });

  // Large arrays live in plain signals (no store proxies over 100,000 records).
  const [enterprises, setEnterprises] = createSignal<readonly Enterprise[]>([], { equals: false });
  const [zones, setZones] = createSignal<readonly Zone[]>([], { equals: false });
  const [isSample, setIsSample] = createSignal(false);
  const [dataLoaded, setDataLoaded] = createSignal(false);
  const [analysis, setAnalysis] = createSignal<AnalysisResult | null>(null);
  /** Sequence number of the filter state the analysis result belongs to. */
  const [analysisSeq, setAnalysisSeq] = createSignal(-1);
  /** A failed analysis (not a superseded one): the figures cannot be shown. */
  const [analysisError, setAnalysisError] = createSignal<string | null>(null);
  /** The visible-index array the map has drawn (identity of visibleIdx()). */
  const [drawnIdx, setDrawnIdx] = createSignal<Uint32Array | null>(null);
  /** The overlay request (analysis result and overlay switches) the map has drawn. */
  const [drawnOverlays, setDrawnOverlays] = createSignal<unknown>(null);
  /** Bumped when the person selects something: the details panel then takes focus. */
  const [focusToken, setFocusToken] = createSignal(0);

  const byId = createMemo(() => new Map(enterprises().map((e, i) => [e.id, i])));
  const zoneById = createMemo(() => new Map(zones().map((z) => [z.id, z])));
  /**
   * Clusters (`<stage>/<n>`) most of whose members have approximate locations (township, zone or
   * county precision): their outlines are drawn dashed and their areas read as indicative.
   */
  const approxClusters = createMemo(() => {
    const out = new Set<string>();
    const a = analysis();
    if (!a) return out;
    for (const st of CHAIN_STAGES) {
      for (const c of a.stages[st].clusters)
        if (c.approximate * 2 > c.memberIds.length) out.add(`${st}/${c.id}`);
    }
    return out;
  });

  /** The selected cluster in the current figures (null when the figures no longer have it). */
  const selectedCluster = createMemo(() => {
    const sel = ui.selected;
    if (sel?.kind !== 'cluster') return null;
    const [stage, n] = sel.id.split('/');
    const a = analysis();
    return (
      (a && isChainStage(stage ?? '')
        ? a.stages[stage as ChainStage].clusters.find((c) => String(c.id) === n)
        : null) ?? null
    );
  });

  const stageSet = createMemo(() => new Set(ui.stages));

  /** Indices of enterprises passing every filter except the stage filter (chain completeness). */
  const chainIdx = createMemo(() => {
    const all = enterprises();
    const out = new Uint32Array(all.length);
    for (let i = 0; i < all.length; i++) out[i] = i;
    return out;
  });

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

  /** Per stage, ignoring the stage filter (every other filter applied). Depends on the data only. */
  const totals = createMemo(() => {
    const all = enterprises();
    const total = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    for (const i of chainIdx()) total[all[i]!.stage]++;
    return total;
  });

  /** Per stage: visible count (passes every filter, located or not; 0 while the stage is off), and total. */
  const counts = createMemo(() => {
    const set = stageSet();
    const total = totals();
    const visible = Object.fromEntries(STAGES.map((s) => [s, set.has(s) ? total[s] : 0])) as Record<
      Stage,
      number
    >;
    return { visible, total };
  });

  /** The visible enterprises as records (not memoised: the list memoises it while open; exports call it). */
  const visibleEnterprises = () => {
    const all = enterprises();
    return Array.from(visibleIdx(), (i) => all[i]!);
  };

  /** What the map's overlays must show: the figures and the overlay switches. */
  const overlayRequest = createMemo(() => ({
    result: analysis(),
    hulls: ui.hulls,
    hexGrid: ui.hexGrid,
    hexStage: ui.hexStage,
  }));

  /** Filter-state sequence: bumps whenever what is visible changes. */
  const seq = createMemo((prev: number) => {
    visibleIdx();
    ui.params.maxDistanceKm;
    ui.params.minPoints;
    return prev + 1;
  }, 0);

  /**
   * contract.md: `ready` only once the map has drawn the current data (the visible points and the
   * overlays of the current figures) and the figures for it are shown; `loading` while recomputing.
   */
  const mapState = createMemo<'loading' | 'ready' | 'error'>(() => {
    if (ui.loadError || analysisError()) return 'error';
    if (!dataLoaded()) return 'loading';
    if (analysisSeq() !== seq()) return 'loading';
    if (!ui.noWebGL && (drawnIdx() !== visibleIdx() || drawnOverlays() !== overlayRequest()))
      return 'loading';
    return 'ready';
  });

  function setStages(stages: readonly Stage[]) {
    setUi(
      'stages',
      STAGES.filter((s) => stages.includes(s)),
    );
  }
  function toggleStage(s: Stage, on: boolean) {
    setStages(on ? [...ui.stages, s] : ui.stages.filter((x) => x !== s));
  }
  /** Select an enterprise or zone. Before the data has loaded it is kept and checked on load. */
  /**
   * Select an enterprise, zone or cluster. `byUser`: the person chose it (click, list, search), so the
   * details panel takes focus; selections from the URL, a portal message or a recomputation do not.
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
    setUi('selected', sel);
  }
  function loadData(d: { enterprises: readonly Enterprise[]; zones: readonly Zone[]; sample: boolean }) {
    batch(() => {
      setEnterprises(d.enterprises);
      setZones(d.zones);
      setIsSample(d.sample);
      setDataLoaded(true);
      if (ui.selected?.kind === 'zone' && !zoneById().has(ui.selected.id)) {
        console.warn(`[belt] ignoring selection of zone ${ui.selected.id}: no such zone`);
        setUi('selected', null);
      }
      if (ui.selected?.kind === 'enterprise' && !byId().has(ui.selected.id)) {
        console.warn(`[belt] ignoring selection ${ui.selected.id}: no such enterprise`);
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
    analysis,
    setAnalysis,
    analysisSeq,
    setAnalysisSeq,
    analysisError,
    setAnalysisError,
    drawnIdx,
    setDrawnIdx,
    drawnOverlays,
    setDrawnOverlays,
    overlayRequest,
    seq,
    byId,
    zoneById,
    selectedCluster,
    approxClusters,
    focusToken,
    chainIdx,
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
