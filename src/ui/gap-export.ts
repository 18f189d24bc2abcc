/**
 * Files of the investment-promotion list: CSV (UTF-8 with BOM, text cells neutralised against formula
 * injection) and XLSX (exceljs, loaded only when asked: it never weighs on the page's first load).
 */
import Papa from 'papaparse';
import { neutraliseFormula } from '../data/formula.ts';
import type { GapTable } from './gap-table.ts';

const cell = (v: string | number) => (typeof v === 'string' ? neutraliseFormula(v) : v);

export function gapCsv(t: GapTable): string {
  const data = [t.headers, t.columns, ...t.rows].map((r) => r.map(cell));
  return `\uFEFF${Papa.unparse(data, { newline: '\r\n' })}\r\n`;
}

/**
 * The same table as an XLSX workbook: both header rows frozen, the readable one bold, column widths to
 * fit. Every text goes in as a string cell (an XLSX string is never a formula), neutralised all the
 * same so the two files hold the same text.
 */
export async function gapXlsx(t: GapTable, sheetName: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow(t.headers).font = { bold: true };
  ws.addRow(t.columns).font = { italic: true, color: { argb: 'FF5F6B7A' } };
  for (const r of t.rows) ws.addRow(r.map(cell));
  ws.columns.forEach((c, i) => {
    const longest = Math.max(
      ...[t.headers[i]!, ...t.rows.map((r) => String(r[i] ?? ''))].map((s) => s.length),
    );
    c.width = Math.min(60, Math.max(10, longest * 1.6));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
