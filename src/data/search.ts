/**
 * Name search over enterprises and zones: Chinese (substring), English (case-insensitive substring)
 * and pinyin initials (汉字 → "hz"; prefix or substring). The pinyin function is injected so that
 * the large dictionary loads only when someone searches.
 */
import type { Enterprise, Zone } from './types.ts';

export type Initials = (zh: string) => string;

export interface SearchEntry {
  kind: 'enterprise' | 'zone';
  id: string;
  name: string;
  nameEn: string | null;
  /** Lower-cased haystacks. */
  zh: string;
  en: string;
  initials: string;
}

export interface SearchHit {
  kind: 'enterprise' | 'zone';
  id: string;
  name: string;
  nameEn: string | null;
  /** Lower is better: 0 exact, 1 prefix, 2 substring; +0.5 when matched on initials only. */
  rank: number;
}

export function buildSearchIndex(
  enterprises: readonly Enterprise[],
  zones: readonly Zone[],
  initials: Initials,
): SearchEntry[] {
  const entry = (
    kind: SearchEntry['kind'],
    id: string,
    name: string,
    nameEn: string | null,
  ): SearchEntry => ({
    kind,
    id,
    name,
    nameEn,
    zh: name.toLowerCase(),
    en: (nameEn ?? '').toLowerCase(),
    initials: initials(name).toLowerCase(),
  });
  return [
    ...zones.map((z) => entry('zone', z.id, z.name, z.nameEn)),
    ...enterprises.map((e) => entry('enterprise', e.id, e.name, e.nameEn)),
  ];
}

function rankIn(hay: string, q: string): number {
  if (!hay) return -1;
  if (hay === q) return 0;
  if (hay.startsWith(q)) return 1;
  return hay.includes(q) ? 2 : -1;
}

const collator = new Intl.Collator('zh');

function better(a: SearchHit, b: SearchHit): number {
  return (
    a.rank - b.rank ||
    (a.kind === b.kind ? 0 : a.kind === 'zone' ? -1 : 1) ||
    collator.compare(a.name, b.name)
  );
}

/**
 * Best matches first (lower rank, zones before enterprises, then pinyin order), at most `limit`.
 * One pass over the index keeping only the best `limit` hits: no sort of every match.
 */
export function search(index: readonly SearchEntry[], query: string, limit = 20): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q || limit <= 0) return [];
  const latin = /^[a-z0-9\s]+$/.test(q);
  const compact = q.replace(/\s+/g, '');
  const top: SearchHit[] = [];
  for (const e of index) {
    let r = rankIn(e.zh, q);
    const en = rankIn(e.en, q);
    if (en >= 0 && (r < 0 || en < r)) r = en;
    if (r < 0 && latin) {
      const ini = rankIn(e.initials, compact);
      if (ini >= 0) r = ini + 0.5;
    }
    if (r < 0) continue;
    const hit: SearchHit = { kind: e.kind, id: e.id, name: e.name, nameEn: e.nameEn, rank: r };
    if (top.length === limit && better(hit, top[limit - 1]!) >= 0) continue;
    let k = top.length === limit ? limit - 1 : top.length;
    top[k] = hit;
    while (k > 0 && better(top[k]!, top[k - 1]!) < 0) {
      [top[k - 1], top[k]] = [top[k]!, top[k - 1]!];
      k--;
    }
  }
  return top;
}

/**
 * buildSearchIndex in slices of `slice` records, yielding to the event loop between them, so that
 * computing pinyin initials for 100,000 names never freezes the page.
 */
export async function buildSearchIndexInSlices(
  enterprises: readonly Enterprise[],
  zones: readonly Zone[],
  initials: Initials,
  slice = 2000,
): Promise<SearchEntry[]> {
  const out = buildSearchIndex([], zones, initials);
  for (let i = 0; i < enterprises.length; i += slice) {
    out.push(...buildSearchIndex(enterprises.slice(i, i + slice), [], initials));
    if (i + slice < enterprises.length) await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}
