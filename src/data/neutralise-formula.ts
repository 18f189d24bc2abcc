/**
 * A text cell a spreadsheet program would read as a formula, neutralised as OWASP advises ("CSV
 * Injection"): a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 * single quote, so it shows as text and never runs (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3`). Other
 * text is unchanged; quoting of commas and quotes is the CSV writer's job (papaparse).
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
