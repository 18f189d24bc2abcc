/**
 * The figures of the page as Solid resources keyed on exactly their inputs (see analysis/protocol.ts):
 * a stage toggle changes only the key of the cross-stage quotients (and, when cached or computed
 * ahead, they answer at once); a parameter change only the three stages' keys; the chain completeness
 * and the hexagons follow the filter alone. A superseded answer is dropped by the resource itself.
 */
import { type Accessor, createMemo, createResource, type Resource } from 'solid-js';
import { type AnalysisClient, isSuperseded } from '../analysis/client.ts';
import type { EncodedRecords } from '../analysis/columns.ts';
import { emptyStageFigures } from '../analysis/empty-stage-figures.ts';
import type { DatasetFigures, HexGrid } from '../analysis/protocol.ts';
import type { StudyArea } from '../analysis/study-area-km2.ts';
import type { AnalysisRecord, AnalysisResult, StageFigures } from '../analysis/types.ts';
import { CHAIN_STAGES, type ChainStage, type Stage, type Zone } from '../data/types.ts';

/** What the page needs of the analysis engine (AnalysisClient implements it; tests may fake it). */
export type AnalysisRunner = Pick<AnalysisClient, 'load' | 'figures'> &
  Partial<Pick<AnalysisClient, 'quiet'>>;

export interface FigureInputs {
  /** The dataset as the analysis sees it (null until loaded). */
  dataset: Accessor<{
    records: readonly AnalysisRecord[];
    zones: Zone[];
    studyArea: StudyArea | null;
    /** The records' columns built ahead (ui/arrival.ts), if any. */
    columns?: EncodedRecords | null | undefined;
  } | null>;
  /** Records passing every filter but the stage filter (indices into the dataset). */
  filterIdx: Accessor<Uint32Array>;
  stages: Accessor<readonly Stage[]>;
  params: Accessor<{ maxDistanceKm: number; minPoints: number; hexSideKm: number }>;
  /** Whether the hexagon grid is shown (computed only then). */
  hexShown: Accessor<boolean>;
  /** Visible enterprises (all stages), for `total`. */
  visibleCount: Accessor<number>;
  /** Records passing every filter but the stage and segment filters (the investment-promotion list); default filterIdx. */
  gapIdx?: Accessor<Uint32Array>;
  /** Whether the chain diagram and the investment-promotion list are shown (computed only then). */
  chainShown?: Accessor<boolean>;
}

/** The three stages' figures and the DBSCAN parameters they were computed with. */
export interface SettledStages {
  figures: Record<ChainStage, StageFigures>;
  maxDistanceKm: number;
  minPoints: number;
  /** The filter they were computed over. */
  filter: Uint32Array;
}

const EMPTY_HEX: HexGrid = { type: 'FeatureCollection', features: [] };

/** The same index arrays (identity, or equal content). */
function sameIndices(a: Uint32Array, b: Uint32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

const settled = (r: Resource<unknown>) => r.state === 'ready';

/**
 * The runner's answer, where a superseded one never settles: a newer request of the same resource
 * has replaced it, so the resource is waiting for that one already (dropped by construction).
 */
function answer<T>(a: T | Promise<T>): T | Promise<T> {
  if (!(a instanceof Promise)) return a;
  return a.catch((e: unknown) => (isSuperseded(e) ? new Promise<T>(() => {}) : Promise.reject(e)));
}

/** An answer with the filter (index array) it was computed over: parts of different filters never mix. */
interface Tagged<T> {
  f: Uint32Array;
  v: T;
}
function tagged<T>(f: Uint32Array, a: T | Promise<T>): Tagged<T> | Promise<Tagged<T>> {
  const b = answer(a);
  return b instanceof Promise ? b.then((v) => ({ f, v })) : { f, v: b };
}

/** The last answer of a resource, undefined while it has failed (reading `latest` would throw). */
const last = <T>(r: Resource<T>): T | undefined => (r.state === 'errored' ? undefined : r.latest);

export function createFigures(inp: FigureInputs, runner: AnalysisRunner) {
  const [dataset] = createResource<
    DatasetFigures & { of: NonNullable<ReturnType<FigureInputs['dataset']>> },
    NonNullable<ReturnType<FigureInputs['dataset']>>
  >(
    inp.dataset,
    // On a task of its own: the columns are built on the main thread, after the page has settled.
    (d) =>
      nextTask()
        .then(() => answer(runner.load(d.records, d.zones, d.studyArea, d.columns)))
        .then((f) => ({ ...f, of: d })),
  );
  /** The filter, once the dataset it indexes is in the engine. */
  const filter = () => (dataset.state === 'ready' ? inp.filterIdx() : null);

  const stageRes = {} as Record<ChainStage, Resource<Tagged<StageFigures>>>;
  for (const stage of CHAIN_STAGES) {
    [stageRes[stage]] = createResource(
      () => {
        const f = filter();
        const p = inp.params();
        return f && { f, maxDistanceKm: p.maxDistanceKm, minPoints: p.minPoints };
      },
      (k) =>
        tagged(
          k.f,
          runner.figures(
            { kind: 'stage', stage, maxDistanceKm: k.maxDistanceKm, minPoints: k.minPoints },
            k.f,
          ),
        ),
    );
  }
  /** The chain stages switched on, in chain order (support and unclassified never enter the quotients). */
  const chainStagesOn = createMemo(() => CHAIN_STAGES.filter((s) => inp.stages().includes(s)), undefined, {
    equals: (a, b) => a.join() === b.join(),
  });
  const [cross] = createResource(
    () => {
      const f = filter();
      return f && { f, stages: chainStagesOn() };
    },
    (k) => tagged(k.f, runner.figures({ kind: 'cross', stages: k.stages }, k.f)),
  );
  const [chain] = createResource(filter, (f) => tagged(f, runner.figures({ kind: 'chain' }, f)));
  // issue 8: the chain diagram's links follow the visible records; the list its own filter.
  const chainShown = () => inp.chainShown?.() ?? false;
  const [segments] = createResource(
    () => {
      const f = filter();
      return f && chainShown() && { f, stages: chainStagesOn() };
    },
    (k) => answer(runner.figures({ kind: 'segments', stages: k.stages }, k.f)),
  );
  // The list's filter kept while its content is the same (a segment filter, or a stage toggle, makes a
  // new array of the same indices): the list is then neither sent nor computed again.
  // Read only once the dataset is in the engine (the state's index memos may be declared after this).
  const gapFilter = createMemo<Uint32Array | null>(
    () => (dataset.state === 'ready' && chainShown() ? (inp.gapIdx ?? inp.filterIdx)() : null),
    null,
    { equals: (a, b) => a === b || (a !== null && b !== null && sameIndices(a, b)) },
  );
  const [gaps] = createResource(gapFilter, (g) => answer(runner.figures({ kind: 'gaps' }, g)));
  const [hex] = createResource(
    () => {
      const f = filter();
      return f && inp.hexShown() && { f, hexSideKm: inp.params().hexSideKm };
    },
    (k) => answer(runner.figures({ kind: 'hex', hexSideKm: k.hexSideKm }, k.f)),
  );

  const all = (): Resource<unknown>[] => [
    dataset,
    ...CHAIN_STAGES.map((s) => stageRes[s]),
    cross,
    chain,
    ...(chainShown() ? [segments, gaps] : []),
    ...(inp.hexShown() ? [hex] : []),
  ];

  /** The first failure of the figures in use (a superseded answer is not one: it never surfaces). */
  const error = createMemo(() => {
    for (const r of all()) if (r.state === 'errored') return String((r.error as Error)?.message ?? r.error);
    return null;
  });
  /** Every figure in use is computed for the current inputs. */
  const current = createMemo(() => inp.dataset() !== null && all().every(settled));

  /**
   * The three stages' figures, replaced only when all three are current, for the same filter: a
   * parameter change redraws the cluster outlines once, not once per stage; while a new dataset loads,
   * none (never the old dataset's outlines over the new points). Independent of the stage filter.
   */
  const stageFigures = createMemo<SettledStages | null>((prev) => {
    const f = filter();
    if (!f) return null;
    if (!CHAIN_STAGES.every((s) => settled(stageRes[s]) && stageRes[s]()!.f === f)) return prev ?? null;
    const { maxDistanceKm, minPoints } = inp.params();
    const figures = Object.fromEntries(CHAIN_STAGES.map((s) => [s, stageRes[s]()!.v])) as Record<
      ChainStage,
      StageFigures
    >;
    // The same answers again (another input changed): the same value, so the map sets no data.
    if (
      prev &&
      prev.maxDistanceKm === maxDistanceKm &&
      prev.minPoints === minPoints &&
      CHAIN_STAGES.every((s) => prev.figures[s] === figures[s])
    )
      return prev;
    return { figures, maxDistanceKm, minPoints, filter: f };
  });

  /** The hexagon counts per stage over the filter (the map adds up the visible stages). */
  const hexGrid = createMemo<HexGrid>((prev) =>
    inp.hexShown() ? (settled(hex) ? hex()! : (prev ?? EMPTY_HEX)) : EMPTY_HEX,
  );

  /**
   * The figures over the visible enterprises, in the engine's one-call shape (analyze()): a stage
   * switched off has the figures of no firm. Kept from the last complete set (all parts of one filter)
   * while parts compute; none while a new dataset loads.
   */
  const result = createMemo<AnalysisResult | null>((prev) => {
    if (!filter()) return null;
    const st = stageFigures();
    const c = last(cross);
    const ch = last(chain);
    const d = last(dataset);
    if (!st || !c || !ch || !d || c.f !== st.filter || ch.f !== st.filter) return prev ?? null;
    const on = new Set(inp.stages());
    const stages = Object.fromEntries(
      CHAIN_STAGES.map((s) => [s, on.has(s) ? st.figures[s] : emptyStageFigures(s, d.areaKm2)]),
    ) as Record<ChainStage, StageFigures>;
    return {
      params: { maxDistanceKm: st.maxDistanceKm, minPoints: st.minPoints, hexSideKm: inp.params().hexSideKm },
      total: inp.visibleCount(),
      stages,
      lq: c.v.lq,
      clq: c.v.clq,
      zoneChains: ch.v.zoneChains,
      countyChains: ch.v.countyChains,
      resolvedZones: d.resolvedZones,
      hexGrid: hexGrid(),
      elapsedMs: 0,
    };
  });

  /** The segment co-location quotients of the visible records (the last answer while one computes). */
  const segmentColocation = () => (chainShown() ? (last(segments) ?? null) : null);
  /** The investment-promotion list (the last answer while one computes). */
  const gapList = () => (chainShown() ? (last(gaps) ?? null) : null);

  /**
   * Issue 8: the zones containment assigned (record id → zone id), null when it assigned none; from the
   * dataset alone, so the filters may use it (the filtered figures depend on them, not the reverse).
   */
  const resolvedZones = createMemo<Record<string, string> | null>(() => {
    const d = last(dataset);
    // Only the dataset shown now: while a new one loads, the last one's zones would name other records.
    const r = d && d.of === inp.dataset() ? d.resolvedZones : null;
    return r && Object.keys(r).length > 0 ? r : null;
  });

  /** Each record's zone as the map draws it, for the dataset shown now (null until it is loaded). */
  const zoneColumn = createMemo(() => {
    const r = last(dataset);
    return r && r.of === inp.dataset() ? r.zoneColumn : null;
  });

  return {
    result,
    stageFigures,
    hexGrid,
    current,
    error,
    resolvedZones,
    zoneColumn,
    segmentColocation,
    gapList,
  };
}

export type Figures = ReturnType<typeof createFigures>;
