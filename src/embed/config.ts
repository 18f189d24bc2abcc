/**
 * dist/belt.config.json (contract.md "Deployment"): read at start-up so an administrator changes a
 * deployment without a rebuild. A malformed file falls back to defaults with a visible warning.
 */
import { PARAM_LIMITS, validMaxDistanceKm, validMinPoints } from '../analysis/types.ts';
import { isStage, STAGES, type Stage } from '../data/types.ts';
import { isLang, type Lang } from '../i18n/index.ts';

export type Basemap =
  | { type: 'offline' }
  /**
   * Tianditu (天地图): `layer` vec (default) or img (imagery), each with its annotation layer; `host`
   * replaces https://t{s}.tianditu.gov.cn (an intranet mirror, or the tests' tile server).
   */
  | { type: 'tianditu'; token: string; layer?: 'vec' | 'img'; host?: string; attribution?: string }
  | { type: 'raster'; url: string; attribution: string }
  /** A raster PMTiles archive (one file, served by any static server; relative URLs stay on this site). */
  | { type: 'pmtiles'; url: string; attribution: string };

export interface BeltConfig {
  /** A fixed title, or one per language; null = the built-in title. */
  title: string | { zh?: string; en?: string } | null;
  data: { enterprises: string; zones: string };
  basemap: Basemap;
  embed: { allowedOrigins: string[] };
  stages: Stage[];
  lang: Lang;
  analysis: { maxDistanceKm: number; minPoints: number };
}

export const DEFAULT_CONFIG: BeltConfig = {
  title: null,
  data: { enterprises: 'data/enterprises.sample.geojson', zones: 'data/zones.sample.geojson' },
  basemap: { type: 'offline' },
  embed: { allowedOrigins: [] },
  stages: [...STAGES],
  lang: 'zh',
  analysis: { maxDistanceKm: 1.5, minPoints: 3 },
};

export interface ConfigResult {
  config: BeltConfig;
  /** Problems found; each names the field. Empty when the file was fine or absent. */
  warnings: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validate a parsed config; bad fields fall back to defaults one by one, each with a warning. */
export function parseConfig(raw: unknown): ConfigResult {
  const warnings: string[] = [];
  const c: BeltConfig = structuredClone(DEFAULT_CONFIG);
  if (!isObj(raw)) return { config: c, warnings: ['the file is not a JSON object'] };
  if ('title' in raw) {
    const tt = raw.title;
    if (typeof tt === 'string' && tt.trim()) c.title = tt.trim();
    else if (
      isObj(tt) &&
      Object.keys(tt).length > 0 &&
      Object.entries(tt).every(([k, v]) => (k === 'zh' || k === 'en') && typeof v === 'string' && v.trim())
    ) {
      c.title = { ...(tt as { zh?: string; en?: string }) };
    } else warnings.push('title: expected a non-empty string or {zh, en}');
  }
  if ('data' in raw) {
    if (isObj(raw.data)) {
      for (const k of ['enterprises', 'zones'] as const) {
        const v = raw.data[k];
        if (v === undefined) continue;
        if (typeof v === 'string' && v.trim() && isSafeDataUrl(v.trim())) c.data[k] = v.trim();
        else warnings.push(`data.${k}: expected a relative URL on this site`);
      }
    } else warnings.push('data: expected an object {enterprises, zones}');
  }
  if ('basemap' in raw) {
    const b = raw.basemap;
    if (b === 'offline' || (isObj(b) && b.type === 'offline')) c.basemap = { type: 'offline' };
    else if (isObj(b) && b.type === 'tianditu' && typeof b.token === 'string' && b.token) {
      c.basemap = { type: 'tianditu', token: b.token, ...tiandituOptions(b, warnings) };
    } else if (isObj(b) && b.type === 'raster' && typeof b.url === 'string' && b.url.includes('{z}')) {
      c.basemap = {
        type: 'raster',
        url: b.url,
        attribution: typeof b.attribution === 'string' ? b.attribution : '',
      };
    } else if (isObj(b) && b.type === 'pmtiles' && typeof b.url === 'string' && b.url.trim()) {
      c.basemap = {
        type: 'pmtiles',
        url: b.url.trim(),
        attribution: typeof b.attribution === 'string' ? b.attribution : '',
      };
    } else
      warnings.push(
        "basemap: expected 'offline', {type:'tianditu', token}, {type:'raster', url with {z}/{x}/{y}} or {type:'pmtiles', url}",
      );
  }
  if ('embed' in raw) {
    const e = raw.embed;
    if (isObj(e) && Array.isArray(e.allowedOrigins)) {
      // Stored as browsers report them (scheme://host[:port], no path or trailing slash).
      const ok = e.allowedOrigins.flatMap((o) => (typeof o === 'string' ? (originOf(o) ?? []) : []));
      if (ok.length !== e.allowedOrigins.length)
        warnings.push('embed.allowedOrigins: entries must be origins like https://portal.example.gov.cn');
      c.embed.allowedOrigins = ok;
    } else warnings.push('embed: expected {allowedOrigins: [...]}');
  }
  if ('stages' in raw) {
    if (Array.isArray(raw.stages) && raw.stages.every((s) => typeof s === 'string' && isStage(s))) {
      c.stages = STAGES.filter((s) => (raw.stages as string[]).includes(s));
    } else warnings.push(`stages: expected a list of ${STAGES.join(', ')}`);
  }
  if ('lang' in raw) {
    if (isLang(raw.lang)) c.lang = raw.lang;
    else warnings.push('lang: expected zh or en');
  }
  if ('analysis' in raw) {
    const a = raw.analysis;
    if (isObj(a)) {
      const L = PARAM_LIMITS;
      if (a.maxDistanceKm !== undefined) {
        if (validMaxDistanceKm(a.maxDistanceKm)) c.analysis.maxDistanceKm = a.maxDistanceKm;
        else
          warnings.push(
            `analysis.maxDistanceKm: expected a number in [${L.maxDistanceKm.min}, ${L.maxDistanceKm.max}]`,
          );
      }
      if (a.minPoints !== undefined) {
        if (validMinPoints(a.minPoints)) c.analysis.minPoints = a.minPoints;
        else
          warnings.push(
            `analysis.minPoints: expected an integer in [${L.minPoints.min}, ${L.minPoints.max}]`,
          );
      }
    } else warnings.push('analysis: expected an object');
  }
  return { config: c, warnings };
}

/** Tianditu's optional fields (issue 9); a bad one is dropped with a warning naming it. */
function tiandituOptions(
  b: Record<string, unknown>,
  warnings: string[],
): { layer?: 'vec' | 'img'; host?: string; attribution?: string } {
  const out: { layer?: 'vec' | 'img'; host?: string; attribution?: string } = {};
  if (b.layer !== undefined) {
    if (b.layer === 'vec' || b.layer === 'img') out.layer = b.layer;
    else warnings.push("basemap.layer: expected 'vec' or 'img'");
  }
  if (b.host !== undefined) {
    // scheme://host[:port] where the host may hold {s} (the subdomain), no path.
    const o = typeof b.host === 'string' ? originOf(b.host.replaceAll('{s}', '0')) : null;
    if (typeof b.host === 'string' && o && o === b.host.replaceAll('{s}', '0').replace(/\/$/, ''))
      out.host = b.host.replace(/\/$/, '');
    else warnings.push('basemap.host: expected an origin like https://t{s}.tianditu.gov.cn');
  }
  if (typeof b.attribution === 'string') out.attribution = b.attribution;
  return out;
}

/** The origin of an http(s) origin string ('https://a.cn' or 'https://a.cn/'), null for anything else. */
function originOf(s: string): string | null {
  try {
    const u = new URL(s);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if ((u.pathname !== '/' && u.pathname !== '') || u.search || u.hash || u.username) return null;
    return u.origin;
  } catch {
    return null;
  }
}

/**
 * Data must come from this site. The URL is resolved first, as fetch will resolve it (leading
 * whitespace, tabs, backslashes: " //host/x", "\\\\host\\x", "/\\host/x"), and then its origin checked
 * (issue 9); a relative URL on this site passes, an absolute one only for this very origin.
 */
export function isSafeDataUrl(s: string, base = pageBase()): boolean {
  try {
    const b = new URL(base);
    return !/^[a-z][a-z0-9+.-]*:/i.test(s.trim()) && new URL(s, b).origin === b.origin;
  } catch {
    return false;
  }
}

function pageBase(): string {
  return globalThis.document?.baseURI ?? globalThis.location?.href ?? 'http://belt.invalid/';
}

/** Fetch and parse belt.config.json next to index.html. Missing file = defaults, silently. */
export async function loadConfig(url = 'belt.config.json'): Promise<ConfigResult> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-cache' });
  } catch (e) {
    return { config: structuredClone(DEFAULT_CONFIG), warnings: [`could not fetch ${url}: ${String(e)}`] };
  }
  if (res.status === 404) return { config: structuredClone(DEFAULT_CONFIG), warnings: [] };
  if (!res.ok) return { config: structuredClone(DEFAULT_CONFIG), warnings: [`${url}: HTTP ${res.status}`] };
  const text = await res.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      config: structuredClone(DEFAULT_CONFIG),
      warnings: [`${url} is not valid JSON (${(e as Error).message})`],
    };
  }
  return parseConfig(raw);
}

/** The title to show in a language (null = use the built-in one). */
export function configTitle(c: BeltConfig, lang: Lang): string | null {
  if (c.title === null) return null;
  if (typeof c.title === 'string') return c.title;
  return c.title[lang] ?? null;
}
