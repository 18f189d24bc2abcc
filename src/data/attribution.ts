/**
 * Attribution of the open layers in geodata/ (see geodata/SOURCES.md). The map must show it.
 */
export const ATTRIBUTION = {
  en:
    'Boundaries © OpenStreetMap contributors (ODbL), via the mapchina R package; rivers/lakes: GSHHG ' +
    '(Wessel & Smith, LGPL) and Natural Earth; places: GeoNames (CC BY 4.0); division codes: National ' +
    'Bureau of Statistics of China.',
  zh:
    '行政边界 © OpenStreetMap 贡献者（ODbL），经 mapchina R 包；河流湖泊：GSHHG（Wessel & Smith，LGPL）' +
    '与 Natural Earth；地名：GeoNames（CC BY 4.0）；区划代码：国家统计局。',
} as const;

/** Short form for a map corner. */
export const ATTRIBUTION_SHORT = {
  en: '© OpenStreetMap contributors · GSHHG · Natural Earth · GeoNames',
  zh: '© OpenStreetMap 贡献者 · GSHHG · Natural Earth · GeoNames',
} as const;

export type AttributionLang = keyof typeof ATTRIBUTION;
