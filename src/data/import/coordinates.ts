/**
 * Reading one coordinate as registries write it (issue 7): a number, a decimal text (a hemisphere
 * letter or 东经/北纬 allowed), or degrees-minutes-seconds where unambiguous — only with explicit
 * degree marks (117°58′30″E, 117°58'30.5", 117度58分30秒, 28°26.5′N). Bare space-separated numbers
 * ("117 58 30") are not guessed. Also the Shangrao checks: far outside, and swapped longitude/latitude.
 */

export type Axis = 'lon' | 'lat';

const PLAIN = /^\s*[-+]?\d+(\.\d+)?\s*$/;

/**
 * True for `[-+]?\d+(\.\d+)?` exactly (no spaces): what PLAIN matches in nearly every registry cell,
 * checked without the regular expression (twice per row at 100,000 rows). False means "ask PLAIN".
 */
export function isPlainDecimal(s: string): boolean {
  const n = s.length;
  const first = s.charCodeAt(0);
  let i = first === 43 || first === 45 ? 1 : 0;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  if (i === intStart) return false;
  if (i === n) return true;
  if (s.charCodeAt(i) !== 46) return false;
  const fracStart = ++i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  return i === n && i > fracStart;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A number in degrees, or undefined when the text is not a readable coordinate. */
export function parseCoordinate(v: unknown, axis: Axis): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  if (isPlainDecimal(v) || PLAIN.test(v)) return Number(v); // the usual case, before any normalisation
  let s = v.normalize('NFKC').trim();
  if (s === '') return undefined;
  let sign = 1;
  const hemi = /^(?:([NSEW])\s*)?(.*?)(?:\s*([NSEW]))?$/i.exec(s);
  const prefix = /^(东经|北纬|西经|南纬)\s*/.exec(s);
  if (prefix) {
    s = s.slice(prefix[0].length);
    if (prefix[1] === '西经' || prefix[1] === '南纬') sign = -1;
    if ((axis === 'lon') !== (prefix[1] === '东经' || prefix[1] === '西经')) return undefined;
  } else if (hemi && (hemi[1] || hemi[3])) {
    if (hemi[1] && hemi[3]) return undefined;
    const h = (hemi[1] ?? hemi[3])!.toUpperCase();
    if ((axis === 'lon') !== (h === 'E' || h === 'W')) return undefined;
    if (h === 'S' || h === 'W') sign = -1;
    s = hemi[2]!;
  }
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return sign * Number(s);
  // Degrees with an explicit mark, then optional minutes and seconds with theirs.
  const dms =
    /^([-+]?)(\d{1,3}(?:\.\d+)?)\s*(?:°|度|º)\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:′|'|分)\s*)?(?:(\d{1,2}(?:\.\d+)?)\s*(?:″|"|''|′′|秒)\s*)?$/.exec(
      s,
    );
  if (!dms) return undefined;
  const deg = Number(dms[2]);
  const min = dms[3] ? Number(dms[3]) : 0;
  const sec = dms[4] ? Number(dms[4]) : 0;
  if (min >= 60 || sec >= 60) return undefined;
  if ((dms[3] || dms[4]) && !Number.isInteger(deg)) return undefined; // 117.5°30′: ambiguous
  if (dms[4] && dms[3] && !Number.isInteger(min)) return undefined;
  return (dms[1] === '-' ? -1 : 1) * sign * (deg + min / 60 + sec / 3600);
}

/** Shangrao's prefecture, with a margin (WGS84 degrees). */
export const SHANGRAO_BOX = { west: 115.8, south: 27.7, east: 118.9, north: 29.8 } as const;
/** How far outside the box a point may be before it is "far outside Shangrao" (degrees, ≈ 50 km). */
const FAR = 0.5;

export function inShangraoBox(lon: number, lat: number, margin = 0): boolean {
  const b = SHANGRAO_BOX;
  return (
    lon >= b.west - margin && lon <= b.east + margin && lat >= b.south - margin && lat <= b.north + margin
  );
}

export function farOutsideShangrao(lon: number, lat: number): boolean {
  return !inShangraoBox(lon, lat, FAR);
}

/** True when the pair, swapped, would fall in Shangrao: the columns are probably exchanged. */
export function looksSwapped(lon: number, lat: number): boolean {
  return !inShangraoBox(lon, lat, FAR) && inShangraoBox(lat, lon, FAR);
}
