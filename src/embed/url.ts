/**
 * URL state (contract.md "URL parameters"): read on load, written back on change.
 * Unknown or malformed values are ignored with a console warning, never fatal.
 */

import { validMaxDistanceKm, validMinPoints } from '../analysis/types.ts';
import type { Filters } from '../data/filters.ts';
import { isStage, STAGES, type Stage } from '../data/types.ts';
import { isLang, type Lang } from '../i18n/index.ts';
import { parseFilterParams, writeFilterParams } from './url-filters.ts';

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

export interface UrlState {
  stages?: Stage[];
  lang?: Lang;
  embed?: boolean;
  view?: View;
  select?: string;
  /** Ours: DBSCAN parameters `dbscan=<km>,<minPoints>`. */
  dbscan?: { maxDistanceKm: number; minPoints: number };
  /** Ours: `large=1`, the large-text, high-contrast mode. */
  largeText?: boolean;
  /** Ours: `hex=<total|upstream|midstream|downstream>`, the density grid instead of points. */
  hex?: 'total' | 'upstream' | 'midstream' | 'downstream';
  /** Ours: `hulls=0` hides the cluster outlines. */
  hulls?: boolean;
  /** Ours: `zone=<id>` opens that development zone's details. */
  zone?: string;
  /** Ours: `list=1` opens the list view. */
  list?: boolean;
  /** Ours: `panel=0|1` closes or opens the analysis panel (default: open, closed with embed=1). */
  panel?: boolean;
  /** Issue 8: `segments`, `counties`, `zones`, `precision` (url-filters.ts); absent keys = all. */
  filters?: Partial<Filters>;
}

export function parseUrlState(search: string, warn: (msg: string) => void = console.warn): UrlState {
  const q = new URLSearchParams(search);
  const out: UrlState = {};
  const stages = q.get('stages');
  if (stages !== null) {
    const parts = stages
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const bad = parts.filter((s) => !isStage(s));
    if (bad.length) warn(`[belt] ignoring unknown stage(s) in ?stages=: ${bad.join(', ')}`);
    const good = parts.filter(isStage);
    if (parts.length > 0 && good.length === 0) warn('[belt] ?stages= has no known stage; ignored');
    else out.stages = STAGES.filter((s) => good.includes(s));
  }
  const lang = q.get('lang');
  if (lang !== null) {
    if (isLang(lang)) out.lang = lang;
    else warn(`[belt] ignoring ?lang=${lang} (expected zh or en)`);
  }
  const embed = q.get('embed');
  if (embed !== null) {
    if (embed === '1') out.embed = true;
    else if (embed === '0') out.embed = false;
    else warn(`[belt] ignoring ?embed=${embed} (expected 1)`);
  }
  const view = q.get('view');
  if (view !== null) {
    const v = parseView(view);
    if (v) out.view = v;
    else warn(`[belt] ignoring ?view=${view} (expected lon,lat,zoom)`);
  }
  const dbscan = q.get('dbscan');
  if (dbscan !== null) {
    const [d, m] = dbscan.split(',').map((x) => (x.trim() === '' ? Number.NaN : Number(x)));
    if (validMaxDistanceKm(d) && validMinPoints(m)) out.dbscan = { maxDistanceKm: d, minPoints: m };
    else warn(`[belt] ignoring ?dbscan=${dbscan} (expected km,minPoints)`);
  }
  const large = q.get('large');
  if (large !== null) {
    if (large === '1' || large === '0') out.largeText = large === '1';
    else warn(`[belt] ignoring ?large=${large} (expected 1)`);
  }
  const hex = q.get('hex');
  if (hex !== null) {
    if (hex === 'total' || hex === 'upstream' || hex === 'midstream' || hex === 'downstream') out.hex = hex;
    else warn(`[belt] ignoring ?hex=${hex} (expected total, upstream, midstream or downstream)`);
  }
  const hulls = q.get('hulls');
  if (hulls !== null) {
    if (hulls === '0' || hulls === '1') out.hulls = hulls === '1';
    else warn(`[belt] ignoring ?hulls=${hulls} (expected 0)`);
  }
  const zone = q.get('zone');
  if (zone !== null) {
    if (zone.trim()) out.zone = zone.trim();
    else warn('[belt] ignoring empty ?zone=');
  }
  for (const [key, name] of [
    ['list', 'list'],
    ['panel', 'panel'],
  ] as const) {
    const v = q.get(key);
    if (v === null) continue;
    if (v === '1' || v === '0') out[name] = v === '1';
    else warn(`[belt] ignoring ?${key}=${v} (expected 0 or 1)`);
  }
  const select = q.get('select');
  if (select !== null) {
    if (select.trim() !== '') out.select = select.trim();
    else warn('[belt] ignoring empty ?select=');
  }
  const filters = parseFilterParams(q, warn);
  if (Object.keys(filters).length > 0) out.filters = filters;
  return out;
}

export function parseView(s: string): View | null {
  const parts = s.split(',');
  if (parts.length !== 3) return null;
  const [lon, lat, zoom] = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  return validView(lon, lat, zoom);
}

/** A camera from untrusted numbers (URL or message): finite and in range, else null (issue 9). */
export function validView(lon: unknown, lat: unknown, zoom: unknown): View | null {
  if (typeof lon !== 'number' || typeof lat !== 'number' || typeof zoom !== 'number') return null;
  if (![lon, lat, zoom].every(Number.isFinite)) return null;
  if (lon < -180 || lon > 180 || lat < -85 || lat > 85 || zoom < 0 || zoom > 22) return null;
  return { lon, lat, zoom };
}

/** Serialise the state into a query string, keeping unrelated parameters of `base`. */
export function writeUrlState(
  base: string,
  s: Required<Pick<UrlState, 'stages' | 'lang'>> & UrlState,
  defaults?: { dbscan: { maxDistanceKm: number; minPoints: number } },
): string {
  const q = new URLSearchParams(base);
  q.set('stages', s.stages.join(','));
  q.set('lang', s.lang);
  if (s.view) q.set('view', `${s.view.lon.toFixed(5)},${s.view.lat.toFixed(5)},${s.view.zoom.toFixed(2)}`);
  else q.delete('view');
  if (s.select) q.set('select', s.select);
  else q.delete('select');
  if (s.embed) q.set('embed', '1');
  // Ours, written only when they differ from what the page opens with.
  const d = s.dbscan;
  const dd = defaults?.dbscan;
  if (d && !(dd && d.maxDistanceKm === dd.maxDistanceKm && d.minPoints === dd.minPoints)) {
    q.set('dbscan', `${d.maxDistanceKm},${d.minPoints}`);
  } else q.delete('dbscan');
  if (s.largeText) q.set('large', '1');
  else q.delete('large');
  if (s.hex) q.set('hex', s.hex);
  else q.delete('hex');
  if (s.hulls === false) q.set('hulls', '0');
  else q.delete('hulls');
  if (s.zone && !s.select) q.set('zone', s.zone);
  else q.delete('zone');
  if (s.list) q.set('list', '1');
  else q.delete('list');
  // The panel is open by default, closed by default in embed mode: write it only when it differs.
  if (s.panel !== undefined && s.panel === !!s.embed) q.set('panel', s.panel ? '1' : '0');
  else q.delete('panel');
  writeFilterParams(q, s.filters);
  const str = q.toString().replace(/%2C/g, ',');
  return str ? `?${str}` : '';
}
