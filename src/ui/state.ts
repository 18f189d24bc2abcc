/**
 * Application state: a Solid store for the controls, plain signals for the data (no store proxies
 * over 100,000 records), and memos for everything derived, the figures included (figures.ts).
 * Effects live at the boundaries only: the map (MapPane), the URL, the portal, the <html> hooks.
 */
import { batch, createEffect, createMemo, createSignal, on } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { StudyArea } from '../analysis/study-area-km2.ts';
import type { AnalysisParams, ClusterInfo } from '../analysis/types.ts';
import { isCountyAdcode } from '../data/counties.ts';
import { facetCodes, facetCounts, filterPass, withZoneCodes } from '../data/facet-counts.ts';
import { copyFilters, FACET_KEY, FACETS, type Filters, NO_FILTERS } from '../data/filters.ts';
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
import type { DatasetIndex } from './arrival.ts';
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
  /** Issue 8: the filters beside the stage filter (null = all values). */
  filters: Filters;
}

export interface LoadedDataset {
  enterprises: readonly Enterprise[];
  zones: readonly Zone[];
  sample: boolean;
  /** The study area of the nearest-neighbour index (the prefecture outline). */
  studyArea?: StudyArea | null;
  /** Which data these are (issue 7, `[data-dataset]`): the sample, the deployment's, or an import. */
  kind?: 'sample' | 'configured' | 'imported';
  /** The imported file's name, and the ISO time of the import. */
  name?: string;
  since?: string;
  /** What is derived once per dataset, built ahead in slices (arrival.ts); used when it is for these records. */
  index?: DatasetIndex;
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
    filters: { ...NO_FILTERS, ...url.filters },
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

  /** The dataset's index built ahead (arrival.ts), when it is for exactly these records and zones. */
  const index = () => {
    const d = data();
    return d?.index && d.index.records === d.enterprises && d.index.zones === d.zones ? d.index : null;
  };
  const byId = createMemo(() => index()?.byId ?? new Map(enterprises().map((e, i) => [e.id, i])));
  const zoneById = createMemo(() => new Map(zones().map((z) => [z.id, z])));

  // Issue 8: the filters as typed-array passes (data/facet-counts.ts); the figures' filter is chainIdx.
  /** The filters as plain data, changing only when their content does (so equal filters keep chainIdx). */
  const filters = createMemo(() => copyFilters(ui.filters), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  const figures = createFigures(
    {
      dataset: createMemo(() => {
        const d = data();
        return (
          d && {
            records: d.enterprises,
            zones: [...d.zones],
            studyArea: d.studyArea,
            columns: index()?.columns,
          }
        );
      }),
      filterIdx: () => chainIdx(),
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

  /** Each record's facet values as codes, its own zone (built ahead with the dataset where it can be). */
  const ownCodes = createMemo(
    () =>
      index()?.codes ??
      facetCodes(
        enterprises(),
        zones().map((z) => z.id),
      ),
  );
  /** The codes with the zone as chain completeness resolves it (only the zone column coded again). */
  const codes = createMemo(() => {
    const all = enterprises();
    const resolved = figures.resolvedZones();
    const own = ownCodes();
    return resolved
      ? withZoneCodes(
          own,
          zones().map((z) => z.id),
          (i) => all[i]!.zone ?? resolved[all[i]!.id] ?? null,
        )
      : own;
  });
  const pass = createMemo(() => filterPass(codes(), filters()));
  /** Indices of enterprises passing every filter except the stage filter. */
  const chainIdx = createMemo(() => pass().chainIdx);
  /** Indices of enterprises passing every filter except the stage and segment filters. */
  const gapIdx = createMemo(() => pass().gapIdx);
  /** Every faceted count, and the visible records, in one pass per change. */
  const facets = createMemo(() => facetCounts(codes(), pass(), ui.stages));
  /** Indices of enterprises passing every filter. */
  const visibleIdx = createMemo(() => facets().visibleIdx);
  /**
   * Per stage: enterprises passing every *other* filter, located or not, the stage on or off (what
   * switching it on shows: faceted counts, contract.md).
   */
  const counts = createMemo(() => facets().stage);

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
  /** The points the map draws, with the zone of each (changes only when containment assigns some). */
  const mapPoints = createMemo(() => ({
    records: enterprises(),
    resolvedZones: figures.resolvedZones(),
    columns: index()?.mapColumns ?? null,
    zoneColumn: figures.zoneColumn(),
  }));
  const mapFrame = createMemo<MapFrame>(() => ({
    enterprises: enterprises(),
    points: mapPoints(),
    filters: filters(),
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

  // The boundary with the analysis worker: once the page is ready, it may compute ahead (figure-server.ts).
  createEffect(on(mapState, (m) => m === 'ready' && runner.quiet?.()));

  function setStages(stages: readonly Stage[]) {
    setUi(
      'stages',
      STAGES.filter((s) => stages.includes(s)),
    );
  }
  /** Issue 8: change some filters (a key omitted = unchanged, null = all values). */
  function setFilters(patch: Partial<Filters>) {
    batch(() => {
      for (const f of FACETS) {
        const k = FACET_KEY[f];
        if (!Object.hasOwn(patch, k) || patch[k] === undefined) continue;
        const v = f === 'zone' ? knownZones(patch.zones!) : patch[k];
        if (v === undefined) continue;
        setUi('filters', k, v === null ? null : ([...v] as never));
      }
    });
  }
  /** Every filter off: all stages and every value shown. */
  function clearFilters() {
    batch(() => {
      setUi('filters', { ...NO_FILTERS });
      setStages(STAGES);
    });
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
      dropUnknownZones();
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
  /**
   * A zone list without the ids the loaded data lacks (warned); undefined when it named only such ids
   * (the zone filter is then left as it was). Before the data has loaded, as given (checked on load).
   */
  function knownZones(list: readonly string[] | null): string[] | null | undefined {
    if (list === null || !dataLoaded()) return list && [...list];
    const known = new Set(codes().zoneValues);
    const bad = list.filter((z) => !known.has(z));
    if (bad.length === 0) return [...list];
    console.warn(`[belt] ignoring unknown zone(s) in the zone filter: ${bad.slice(0, 10).join(', ')}`);
    const good = list.filter((z) => known.has(z));
    return good.length > 0 || list.length === 0 ? good : undefined;
  }
  /** A zone filter naming zones this dataset does not have: those ids are dropped, with a warning. */
  function dropUnknownZones() {
    const want = ui.filters.zones;
    if (!want) return;
    const good = knownZones([...want]);
    if (!good || good.length !== want.length) setUi('filters', 'zones', good ?? null);
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
    /** The dataset shown (issue 7: its kind, name and time of import). */
    dataset: data,
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
    gapIdx,
    /** The chain diagram's links (segment co-location over the visible firms; issue 8). */
    segmentColocation: figures.segmentColocation,
    /** The investment-promotion list (issue 8). */
    gapList: figures.gapList,
    visibleIdx,
    /** Issue 8: the facet codes of the dataset and every faceted count. */
    codes,
    facets,
    filters,
    setFilters,
    clearFilters,
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
