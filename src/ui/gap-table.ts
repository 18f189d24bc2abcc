/**
 * The investment-promotion list as a table to export (CSV and XLSX): the columns of domain.md in
 * order, a row of readable headers in the interface language above a row of the machine column names
 * (README, "The investment-promotion list"), values as a person reads them (names, stage and status in
 * words, km to 0.01), candidates joined with `;`.
 */
import type { GapRow } from '../analysis/gap-list.ts';
import type { MessageKey } from '../i18n/index.ts';

export const GAP_COLUMNS = [
  'zone_id',
  'zone_name',
  'county',
  'stage',
  'segment',
  'stage_status',
  'zone_firms_of_stage',
  'city_firms_of_segment',
  'candidate_ids',
  'candidate_names',
  'candidate_km',
] as const;

const HEADER_KEYS: Record<(typeof GAP_COLUMNS)[number], MessageKey> = {
  zone_id: 'gaps.zoneId',
  zone_name: 'gaps.zone',
  county: 'gaps.county',
  stage: 'gaps.stage',
  segment: 'gaps.segment',
  stage_status: 'gaps.status',
  zone_firms_of_stage: 'gaps.zoneFirms',
  city_firms_of_segment: 'gaps.cityFirms',
  candidate_ids: 'gaps.candidateIds',
  candidate_names: 'gaps.candidates',
  candidate_km: 'gaps.candidateKm',
};

export interface GapTableNames {
  t(key: MessageKey): string;
  /** Name of a zone id or of a `county:<adcode>` id. */
  place(id: string): string;
  county(adcode: string | null): string;
  enterprise(id: string): string;
}

export interface GapTable {
  /** Readable headers (interface language). */
  headers: string[];
  /** Machine column names (GAP_COLUMNS). */
  columns: string[];
  rows: (string | number)[][];
}

export function gapTable(rows: readonly GapRow[], n: GapTableNames): GapTable {
  return {
    headers: GAP_COLUMNS.map((c) => n.t(HEADER_KEYS[c])),
    columns: [...GAP_COLUMNS],
    rows: rows.map((r) => [
      r.zone,
      n.place(r.zone),
      n.county(r.county),
      n.t(`stage.${r.stage}`),
      n.t(`segment.${r.segment}`),
      n.t(`gaps.status.${r.status}`),
      r.zoneFirmsOfStage,
      r.cityFirmsOfSegment,
      r.candidates.map((c) => c.id).join(';'),
      r.candidates.map((c) => n.enterprise(c.id)).join(';'),
      r.candidates.map((c) => c.km.toFixed(2)).join(';'),
    ]),
  };
}
