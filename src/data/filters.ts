// issue 8a owns this; minimal placeholder (the agreed shape, briefs/filters-shape.md), so that the chain
// diagram and the investment-promotion list (issue 8b) can code against it. 8a's version replaces it.
import type { Precision, Segment } from './types.ts';

export type FacetName = 'segment' | 'county' | 'zone' | 'precision';

/** null = all values (no filter); [] = none. */
export interface Filters {
  segments: Segment[] | null;
  /** 6-digit adcodes. */
  counties: string[] | null;
  /** Zone ids, and 'none' = firms in no zone. */
  zones: string[] | null;
  precision: Precision[] | null;
}

export const NO_FILTERS: Filters = { segments: null, counties: null, zones: null, precision: null };
