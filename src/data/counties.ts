/**
 * The 12 county-level units of Shangrao (上饶市, 361100), NBS 2023 statistical division codes.
 * Names: NBS (zh) and conventional Hanyu-pinyin English forms (see geodata/SOURCES.md; 铅山 reads Yánshān).
 *
 * 广信区 (361104) replaced 上饶县 (Shangrao County, 361121) in 2019. Input parsing accepts the old code
 * 361121 and the old names 上饶县 / Shangrao County as aliases and maps them to 361104 (with a warning).
 */
import type { County } from './types.ts';

export const PREFECTURE_ADCODE = '361100';

export const COUNTIES = [
  { adcode: '361102', nameZh: '信州区', nameEn: 'Xinzhou District' },
  { adcode: '361103', nameZh: '广丰区', nameEn: 'Guangfeng District' },
  { adcode: '361104', nameZh: '广信区', nameEn: 'Guangxin District' },
  { adcode: '361123', nameZh: '玉山县', nameEn: 'Yushan County' },
  { adcode: '361124', nameZh: '铅山县', nameEn: 'Yanshan County' },
  { adcode: '361125', nameZh: '横峰县', nameEn: 'Hengfeng County' },
  { adcode: '361126', nameZh: '弋阳县', nameEn: 'Yiyang County' },
  { adcode: '361127', nameZh: '余干县', nameEn: 'Yugan County' },
  { adcode: '361128', nameZh: '鄱阳县', nameEn: 'Poyang County' },
  { adcode: '361129', nameZh: '万年县', nameEn: 'Wannian County' },
  { adcode: '361130', nameZh: '婺源县', nameEn: 'Wuyuan County' },
  { adcode: '361181', nameZh: '德兴市', nameEn: 'Dexing City' },
] as const satisfies readonly County[];

export type CountyAdcode = (typeof COUNTIES)[number]['adcode'];
export const COUNTY_ADCODES: readonly CountyAdcode[] = COUNTIES.map((c) => c.adcode);

/** Former codes that still appear in older registries, mapped to the current unit. */
export const COUNTY_ADCODE_ALIASES: Readonly<Record<string, CountyAdcode>> = {
  '361121': '361104', // 上饶县 → 广信区 (2019)
};

const BY_ADCODE = new Map<string, County>(COUNTIES.map((c) => [c.adcode, c]));

export function isCountyAdcode(s: string): s is CountyAdcode {
  return BY_ADCODE.has(s);
}

export function getCounty(adcode: string): County | undefined {
  return BY_ADCODE.get(adcode);
}

/** Display name of a county; falls back to the code itself for an unknown code, '' for null. */
export function countyName(adcode: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!adcode) return '';
  const c = BY_ADCODE.get(adcode) ?? BY_ADCODE.get(COUNTY_ADCODE_ALIASES[adcode] ?? '');
  if (!c) return adcode;
  return lang === 'en' ? c.nameEn : c.nameZh;
}

function key(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·.'’_-]+/g, '');
}

const NAME_INDEX = new Map<string, CountyAdcode>();
for (const c of COUNTIES) {
  NAME_INDEX.set(key(c.nameZh), c.adcode);
  NAME_INDEX.set(key(c.nameZh.slice(0, -1)), c.adcode); // 广信区 → 广信
  NAME_INDEX.set(key(c.nameEn), c.adcode);
  NAME_INDEX.set(key(c.nameEn.replace(/ (District|County|City)$/, '')), c.adcode);
}
NAME_INDEX.set(key('上饶县'), '361104');
NAME_INDEX.set(key('Shangrao County'), '361104');

export interface CountyMatch {
  adcode: CountyAdcode;
  /** Set when the input was a former code or name (e.g. 361121 上饶县 → 361104 广信区). */
  aliasOf?: string;
}

/**
 * Resolve a county given as an adcode (6 digits, or the 12-digit NBS form starting with it), a Chinese
 * name (广信区 / 广信) or an English name (Guangxin District / Guangxin). Undefined when not one of the 12.
 */
export function resolveCounty(value: string | number): CountyMatch | undefined {
  const s = String(value).trim();
  if (/^\d{6}(\d{6})?$/.test(s)) {
    const code = s.slice(0, 6);
    if (isCountyAdcode(code)) return { adcode: code };
    const alias = COUNTY_ADCODE_ALIASES[code];
    return alias ? { adcode: alias, aliasOf: code } : undefined;
  }
  const k = key(s);
  const adcode = NAME_INDEX.get(k);
  if (!adcode) return undefined;
  return k === key('上饶县') || k === key('Shangrao County') ? { adcode, aliasOf: s } : { adcode };
}
