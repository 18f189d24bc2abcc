/**
 * The import report (issue 7, contract.md `[data-import-report]`): every rejected row with its
 * spreadsheet row number, column and reason; every kept row without coordinates; every warning. Each
 * issue has a code and parameters (the page translates them, zh first) and an English message (the
 * command line). `reportToCSV` is the file the bureau downloads to fix its registry.
 */
import Papa from 'papaparse';
import { neutraliseFormula } from '../formula.ts';

export type IssueCode =
  | 'file'
  | 'name-missing'
  | 'coord-unreadable'
  | 'coord-range'
  | 'coord-half'
  | 'swapped'
  | 'geometry'
  | 'crs-unknown'
  | 'unlocated'
  | 'far'
  | 'duplicate-id'
  | 'duplicate-credit-code'
  | 'duplicate-name'
  | 'stage-unknown'
  | 'segment-unknown'
  | 'segment-stage'
  | 'county-unknown'
  | 'county-former'
  | 'precision-unknown'
  | 'precision-none-located'
  | 'zone-new'
  | 'level-unknown'
  | 'zone-geometry';

export interface ImportIssue {
  kind: 'rejected' | 'unlocated' | 'warning';
  /** Row number as the spreadsheet shows it (0: the whole file). */
  row: number;
  /** The column of the file (its own header), where one is at fault. */
  column?: string;
  code: IssueCode;
  params: Record<string, string | number>;
  /** English text (the command line, logs). */
  message: string;
  /** The row's name, where it has one (helps the clerk find it). */
  name?: string;
}

export interface ImportReport {
  kind: 'enterprises' | 'zones';
  file: string;
  format: string;
  /** CSV: the encoding read. XLSX: the sheet read. */
  encoding?: string;
  sheet?: string;
  rows: number;
  accepted: number;
  unlocated: number;
  rejected: number;
  warnings: number;
  issues: ImportIssue[];
}

export function reportToCSV(
  r: ImportReport,
  describe: (i: ImportIssue) => string = (i) => i.message,
): string {
  const data = r.issues.map((i) =>
    [String(i.row), i.kind, i.column ?? '', i.name ?? '', describe(i)].map(neutraliseFormula),
  );
  return `\uFEFF${Papa.unparse({ fields: ['row', 'status', 'column', 'name', 'reason'], data }, { newline: '\r\n' })}\r\n`;
}

/** The summary line of the command line and the logs. */
export function reportSummary(r: ImportReport): string {
  return `${r.file}: ${r.kind}, ${r.rows} rows: ${r.accepted} accepted (${r.unlocated} unlocated), ${r.rejected} rejected, ${r.warnings} warnings`;
}
