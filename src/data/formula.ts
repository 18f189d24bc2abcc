/**
 * CSV formula injection (OWASP "CSV Injection"): a cell a spreadsheet would run as a formula — text
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return — is written with a leading `'`, which
 * spreadsheets show as text. A text that already starts with `'` before such a character gets one more
 * `'`, so `restoreFormulaText` (run by the CSV import) gives back exactly what was exported. Plain numbers
 * (-3.5) are left alone: they are numbers, not formulas.
 */
const RISKY = /^'*[=+\-@\t\r]/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function neutraliseFormula(s: string): string {
  return RISKY.test(s) && !NUMBER.test(s) ? `'${s}` : s;
}

export function restoreFormulaText(s: string): string {
  return s.charCodeAt(0) === 39 /* ' */ && RISKY.test(s) && !NUMBER.test(s.slice(1)) ? s.slice(1) : s;
}
