/**
 * What the page asks of the analysis and the messages that carry it (types and the cache key only).
 * The page asks for the figures in parts, each keyed on exactly the inputs it depends on, so that a
 * change recomputes only what it affects:
 * - `stage`: one chain stage's figures: its own firms (the filter) and the DBSCAN parameters;
 * - `cross`: location and co-location quotients: the filter and the set of visible chain stages;
 * - `chain`: chain completeness of zones and counties: the filter only (never the stage filter);
 * - `hex`: hexagon counts per stage: the filter and the cell size (asked only while the grid is shown);
 * - `segments`: co-location quotients between the ten chain segments (the chain diagram's links): the
 *   filter and the visible chain stages, i.e. the visible records (asked only while the panel is shown;
 *   computed ahead one toggle away like `cross`) (issue 8);
 * - `gaps`: the investment-promotion list: its own filter (every filter but the stage and segment
 *   filters) only (issue 8).
 * "The filter" is the set of records passing every filter but the stage filter, sent once as an index
 * array and then named by its number.
 */
import type { ChainStage, Zone } from '../data/types.ts';
import type { ChainFigures } from './chain-figures.ts';
import type { RecordColumns, StringColumn } from './columns.ts';
import type { CrossStageFigures } from './cross-stage-figures.ts';
import type { GapRow } from './gap-list.ts';
import type { SegmentColocation } from './segment-colocation.ts';
import type { StudyArea } from './study-area-km2.ts';
import type { AnalysisResult, StageFigures } from './types.ts';

export type FigureRequest =
  | { kind: 'stage'; filter: number; stage: ChainStage; maxDistanceKm: number; minPoints: number }
  | { kind: 'cross'; filter: number; stages: readonly ChainStage[] }
  | { kind: 'chain'; filter: number }
  | { kind: 'hex'; filter: number; hexSideKm: number }
  | { kind: 'segments'; filter: number; stages: readonly ChainStage[] }
  | { kind: 'gaps'; filter: number };

export type HexGrid = AnalysisResult['hexGrid'];

export interface FigureResults {
  stage: StageFigures;
  cross: CrossStageFigures;
  chain: ChainFigures;
  hex: HexGrid;
  segments: SegmentColocation;
  gaps: GapRow[];
}

export type ResultOf<R extends FigureRequest> = FigureResults[R['kind']];

/** What depends on the dataset alone, answered once per load. */
export interface DatasetFigures {
  /** Zone assigned by containment, per enterprise id (records without a zone id inside a real boundary). */
  resolvedZones: Record<string, string>;
  /**
   * Each record's zone as the map shows and filters it: its own zone id, else the zone containment
   * assigned, else null (−1); in record order. What the map's points carry (map/points-source.ts).
   */
  zoneColumn: StringColumn;
  /** Study area, km² (0 without one). */
  areaKm2: number;
}

/**
 * Requests of one slot replace each other: a newer request of the same slot, queued while an older one
 * waits, makes the older one superseded (it is never computed).
 */
export function slotOf(r: FigureRequest): string {
  return r.kind === 'stage' ? `stage:${r.stage}` : r.kind;
}

/** The cache key of a request: every input the result depends on (the dataset is implied). */
export function keyOf(r: FigureRequest): string {
  switch (r.kind) {
    case 'stage':
      return `stage|${r.filter}|${r.stage}|${r.maxDistanceKm}|${r.minPoints}`;
    case 'cross':
      return `cross|${r.filter}|${[...r.stages].sort().join(',')}`;
    case 'chain':
      return `chain|${r.filter}`;
    case 'hex':
      return `hex|${r.filter}|${r.hexSideKm}`;
    case 'segments':
      return `segments|${r.filter}|${[...r.stages].sort().join(',')}`;
    case 'gaps':
      return `gaps|${r.filter}`;
  }
}

export type ToWorker =
  /** The records travel as columns (columns.ts), their typed arrays' buffers transferred. */
  | { type: 'load'; dataset: number; records: RecordColumns; zones: Zone[]; studyArea: StudyArea | null }
  /** The records passing every filter but the stage filter (indices into the dataset). */
  | { type: 'filter'; dataset: number; filter: number; indices: Uint32Array }
  | { type: 'figures'; dataset: number; id: number; request: FigureRequest }
  /**
   * The page is quiet: it shows every figure it asked for. Only then does the worker compute ahead (a
   * load or a change is not slowed by figures nobody asked for yet); the next request stops it again.
   */
  | { type: 'quiet'; dataset: number };

export type FromWorker =
  | { type: 'loaded'; dataset: number; figures: DatasetFigures }
  | { type: 'result'; id: number; key: string; result: FigureResults[FigureRequest['kind']] }
  /** Computed ahead, unasked (the figures after one more stage toggle): for the client's cache. */
  | { type: 'warm'; dataset: number; key: string; result: FigureResults[FigureRequest['kind']] }
  | { type: 'superseded'; id: number }
  | { type: 'error'; id: number; message: string };
