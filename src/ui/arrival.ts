/**
 * What the page derives from a dataset once per dataset, built before the dataset is shown, in slices
 * between which the page runs (issue 7's import and issue 6's load: no long task of our own while a
 * dataset arrives). The state (state.ts) takes it with the dataset and its memos read it instead of
 * building it again in one task; given for other records, or not at all, the memos build it themselves.
 */
import {
  copyColumns,
  type EncodedRecords,
  encodeRecordsBuilder,
  type RecordColumns,
} from '../analysis/columns.ts';
import { type FacetCodes, facetCodesBuilder } from '../data/facet-counts.ts';
import type { Enterprise, Zone } from '../data/types.ts';
import { yieldToPage } from '../data/yield-to-page.ts';

export interface DatasetIndex {
  /** The records and zones it was built for (the state checks them: identity). */
  records: readonly Enterprise[];
  zones: readonly Zone[];
  /** Enterprise id → index in `records`. */
  byId: Map<string, number>;
  /** The facet codes, each record's own zone (facetCodes(records, zone ids)). */
  codes: FacetCodes;
  /**
   * The records as the analysis worker takes them (encodeRecords), sent once (their buffers are
   * transferred); null when a record has a value the columns cannot carry (the client then falls back).
   */
  columns: EncodedRecords | null;
  /** A copy of `columns` that stays on the page, for the map (map/points-source.ts). */
  mapColumns: RecordColumns | null;
}

/** Records per slice: a few milliseconds each on this 2-core machine, under 50 ms when it is busy. */
export const ARRIVAL_SLICE = 5000;

/** The index of a dataset, `slice` records at a time with the page running in between. */
export async function indexDataset(
  records: readonly Enterprise[],
  zones: readonly Zone[],
  slice = ARRIVAL_SLICE,
): Promise<DatasetIndex> {
  const byId = new Map<string, number>();
  const codes = facetCodesBuilder(
    records,
    zones.map((z) => z.id),
  );
  let columns: ReturnType<typeof encodeRecordsBuilder> | null = encodeRecordsBuilder(records);
  for (let from = 0; from < records.length; from += slice) {
    if (from > 0) await yieldToPage();
    const to = Math.min(records.length, from + slice);
    for (let i = from; i < to; i++) byId.set(records[i]!.id, i);
    codes.fill(from, to);
    try {
      columns?.fill(from, to);
    } catch {
      columns = null; // a stage or precision the columns cannot carry
    }
  }
  const encoded = columns?.finish() ?? null;
  const mapColumns = encoded && (({ transfer: _, ...c }) => c)(copyColumns(encoded));
  return { records, zones, byId, codes: codes.codes, columns: encoded, mapColumns };
}
