/**
 * What a registry's headers and values mean (issue 7): column names in Chinese and English, stage and
 * segment values in Chinese, English and common synonyms, precision and zone-level words. Lookups go
 * through Maps (never plain objects), so a column called `constructor` or `__proto__` is just a name.
 */
import {
  PRECISIONS,
  type Precision,
  SEGMENT_STAGE,
  type Segment,
  STAGES,
  type Stage,
  ZONE_LEVELS,
  type ZoneLevel,
} from '../types.ts';
import { trimText } from './trim.ts';

/** The fields a column can be mapped to in the mapping step ('' = keep as an extra column). */
export const IMPORT_FIELDS = [
  'id',
  'name',
  'name_en',
  'stage',
  'segment',
  'county',
  'zone',
  'longitude',
  'latitude',
  'lonlat',
  'crs',
  'precision',
  'source',
  'credit_code',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields of a zone file's mapping step. */
export const ZONE_FIELDS = ['id', 'name', 'name_en', 'level', 'county', 'source'] as const;
export type ZoneField = (typeof ZONE_FIELDS)[number];

/** Canonical form of a header or a value: NFKC (full-width → half-width), lower case, no spaces or marks. */
export function vocabKey(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-·・.、/()（）:：*]+/g, '');
}

function table<T>(entries: [T, string[]][]): Map<string, T> {
  const m = new Map<string, T>();
  for (const [v, words] of entries) for (const w of words) m.set(vocabKey(w), v);
  return m;
}

const HEADERS = table<ImportField>([
  ['id', ['id', '编号', '序号id', '企业编号', '企业id', '记录编号']],
  [
    'name',
    [
      'name',
      '名称',
      '企业名称',
      '企业名',
      '单位名称',
      '公司名称',
      '企业全称',
      'company',
      'enterprise',
      'firm',
    ],
  ],
  ['name_en', ['name_en', 'nameen', 'english name', '英文名称', '英文名']],
  ['stage', ['stage', '环节', '产业链环节', '产业环节', '链条环节', '产业链', 'chain stage']],
  [
    'segment',
    ['segment', '细分', '细分行业', '细分领域', '行业细分', '产业细分', '主营', 'industry segment'],
  ],
  [
    'county',
    [
      'county',
      '区县',
      '县区',
      '所属区县',
      '所在区县',
      '县(市、区)',
      '县市区',
      'adcode',
      '行政区划代码',
      'district',
    ],
  ],
  ['zone', ['zone', '园区', '所属园区', '所在园区', '开发区', '所属开发区', 'park', 'development zone']],
  ['longitude', ['longitude', 'lon', 'lng', 'long', 'x', '经度', '东经']],
  ['latitude', ['latitude', 'lat', 'y', '纬度', '北纬']],
  ['lonlat', ['经纬度', '坐标', 'coordinates', 'lnglat', 'lonlat', 'location']],
  ['crs', ['crs', '坐标系', '坐标系统', 'coordinate system', 'srs']],
  ['precision', ['precision', '精度', '定位精度', '位置精度']],
  ['source', ['source', '来源', '数据来源', '信息来源']],
  ['credit_code', ['统一社会信用代码', '信用代码', '社会信用代码', 'credit code', 'uscc', 'credit_code']],
]);

const ZONE_HEADERS = table<ZoneField>([
  ['id', ['id', '编号', '园区编号', 'code']],
  ['name', ['name', '名称', '园区名称', '开发区名称', '园区', 'zone', 'park', 'zone name']],
  ['name_en', ['name_en', 'english name', '英文名称']],
  ['level', ['level', '级别', '园区级别', '开发区级别', '等级']],
  ['county', ['county', '区县', '所属区县', '所在区县', 'adcode']],
  ['source', ['source', '来源', '数据来源']],
]);

/** The field a header names, or undefined (then the column is kept as it is). */
export function guessField(header: string): ImportField | undefined {
  return HEADERS.get(vocabKey(header));
}
export function guessZoneField(header: string): ZoneField | undefined {
  return ZONE_HEADERS.get(vocabKey(header));
}

/** One field per column at most: the first column naming a field wins, later ones stay extra. */
export function guessMapping<F extends string>(
  headers: readonly string[],
  guess: (h: string) => F | undefined,
): (F | '')[] {
  const taken = new Set<F>();
  return headers.map((h) => {
    const f = guess(h);
    if (!f || taken.has(f)) return '';
    taken.add(f);
    return f;
  });
}

const STAGE_WORDS = table<Stage>([
  [
    'upstream',
    [
      'upstream',
      'up',
      'raw',
      'raw material',
      'raw materials',
      '上游',
      '原料',
      '上游原料',
      '上游·原料',
      '原材料',
    ],
  ],
  [
    'midstream',
    [
      'midstream',
      'mid',
      'middle',
      'processing stage',
      '中游',
      '中游·冶炼铸造加工',
      '冶炼铸造加工',
      '冶炼加工',
      '冶炼',
      '加工',
    ],
  ],
  [
    'downstream',
    ['downstream', 'down', 'application', 'applications', '下游', '应用', '下游应用', '下游·应用', '终端'],
  ],
  ['support', ['support', 'services', 'supporting', 'support services', '配套', '配套服务', '服务', '支撑']],
  ['unclassified', ['unclassified', 'unknown', '未分类', '其他', '其它']],
]);
for (const s of STAGES) STAGE_WORDS.set(s, s);

export function parseStageWord(s: string): Stage | undefined {
  return STAGE_WORDS.get(vocabKey(s));
}

const SEGMENT_WORDS = table<Segment>([
  ['mining', ['mining', 'copper mining', 'mine', '铜矿采选', '采选', '铜矿', '采矿', '矿山']],
  [
    'scrap',
    [
      'scrap',
      'scrap copper',
      'recycling',
      'dismantling',
      '废杂铜回收拆解',
      '废杂铜',
      '废铜',
      '回收拆解',
      '废旧金属回收',
      '拆解',
      '回收',
    ],
  ],
  ['raw-trade', ['raw-trade', 'rawtrade', 'raw trade', 'trading', '再生原料贸易', '原料贸易', '贸易']],
  ['smelting', ['smelting', 'refining', '再生铜冶炼', '冶炼', '精炼', '铜冶炼']],
  ['casting', ['casting', 'rod', 'ingot', '熔铸', '熔铸(铜杆/铜锭)', '铜杆', '铜锭', '铸造']],
  [
    'processing',
    [
      'processing',
      'copper processing',
      '铜材加工',
      '铜材',
      '铜管',
      '铜板带',
      '铜箔',
      '铜棒',
      '板带箔',
      '压延加工',
      '加工',
    ],
  ],
  [
    'wire-cable',
    [
      'wire-cable',
      'wirecable',
      'wire and cable',
      'wire & cable',
      'cable',
      'wire',
      '电线电缆/漆包线',
      '电线电缆',
      '漆包线',
      '电缆',
      '电线',
      '线缆',
    ],
  ],
  [
    'electrical',
    [
      'electrical',
      'electronics',
      'motors',
      '电机电器/电子元件',
      '电机电器',
      '电子元件',
      '电机',
      '电器',
      '电子',
    ],
  ],
  [
    'hardware',
    ['hardware', 'valves', 'plumbing', '五金阀门水暖', '五金', '阀门', '水暖', '卫浴', '五金阀门'],
  ],
  [
    'new-energy',
    ['new-energy', 'newenergy', 'new energy', 'battery', '新能源配套', '新能源', '锂电', '光伏'],
  ],
  ['park', ['park', 'platform', '园区/平台', '园区', '平台']],
  ['logistics', ['logistics', '物流', '仓储物流', '仓储']],
  [
    'service',
    ['service', 'services', 'testing', 'finance', 'data', '检测/金融/数据', '检测', '金融', '数据', '服务'],
  ],
]);
for (const s of Object.keys(SEGMENT_STAGE) as Segment[]) SEGMENT_WORDS.set(vocabKey(s), s);

export function parseSegmentWord(s: string): Segment | undefined {
  return SEGMENT_WORDS.get(vocabKey(s));
}

const PRECISION_WORDS = table<Precision>([
  ['exact', ['exact', 'surveyed', 'gps', '精确', '门牌', '精确定位', '实测']],
  ['street', ['street', 'address', 'geocoded', '街道', '道路', '地址', '地址解析']],
  ['township', ['township', 'town', '乡镇', '乡', '镇', '乡镇级']],
  ['zone', ['zone', 'park', '园区', '园区级']],
  ['county', ['county', '区县', '县', '县级', '区县级']],
  ['none', ['none', '无', '未定位']],
]);
for (const p of PRECISIONS) PRECISION_WORDS.set(p, p);

export function parsePrecisionWord(s: string): Precision | undefined {
  return PRECISION_WORDS.get(vocabKey(s));
}

const LEVEL_WORDS = table<ZoneLevel>([
  ['national', ['national', '国家级', '国家', '国家级经济技术开发区', '国家级高新区']],
  ['provincial', ['provincial', '省级', '省']],
  ['municipal', ['municipal', 'city', '市级', '市']],
  ['county', ['county', '县级', '县', '区级']],
]);
for (const l of ZONE_LEVELS) LEVEL_WORDS.set(l, l);

export function parseZoneLevelWord(s: string): ZoneLevel | undefined {
  return LEVEL_WORDS.get(vocabKey(s));
}

/** A zone name as matched against the loaded zones: trimmed, full-width → half-width (domain.md). */
export function zoneNameKey(s: string): string {
  return trimText(isNfkcStable(s) ? s : s.normalize('NFKC'));
}

/**
 * True when every character is printable ASCII or a CJK unified ideograph (U+4E00–U+9FFF): such a text
 * is its own NFKC form (none of them decomposes or composes), so the import's duplicate-name check can
 * skip `normalize` for nearly every name of a registry. False means "normalise", not "differs".
 */
export function isNfkcStable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c > 0x7e && (c < 0x4e00 || c > 0x9fff))) return false;
  }
  return true;
}
