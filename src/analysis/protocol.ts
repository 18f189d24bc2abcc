/** Messages between client.ts and worker.ts (types only). */
import type { Zone } from '../data/types.ts';
import type { RecordColumns } from './columns.ts';
import type { StudyArea } from './study-area-km2.ts';
import type { AnalysisParams, AnalysisResult } from './types.ts';

export type ToWorker =
  /** The records travel as columns (columns.ts), their typed arrays' buffers transferred. */
  | { type: 'load'; records: RecordColumns; zones: Zone[]; studyArea: StudyArea | null }
  | {
      type: 'analyze';
      id: number;
      visibleIdx: Uint32Array;
      chainIdx: Uint32Array;
      params: Partial<AnalysisParams> | undefined;
    };

export type FromWorker =
  | { type: 'result'; id: number; result: AnalysisResult }
  | { type: 'error'; id: number; message: string };
