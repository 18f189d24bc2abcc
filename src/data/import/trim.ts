/**
 * `String.prototype.trim` without the call for the usual registry cell (issue 7's import at 100,000
 * rows: several cells per row): a text that begins and ends with printable ASCII other than a space, or
 * with a CJK unified ideograph, has nothing to trim. Any other edge (a space, a tab, U+3000, a BOM…) goes
 * through `trim` itself, so the result is always exactly `s.trim()`.
 */
export function trimText(s: string): string {
  const n = s.length;
  return n > 0 && solid(s.charCodeAt(0)) && solid(s.charCodeAt(n - 1)) ? s : s.trim();
}

function solid(c: number): boolean {
  return (c > 32 && c < 127) || (c >= 0x4e00 && c <= 0x9fff);
}
