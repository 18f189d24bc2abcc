import { STAGES } from '../../src/data/types.ts';
import type { StyleOptions } from '../../src/map/style.ts';

/** The default style options: offline, Chinese, every stage, normal text. */
export const BASE_STYLE: StyleOptions = {
  basemap: { type: 'offline' },
  lang: 'zh',
  stages: [...STAGES],
  largeText: false,
  dataBase: 'data/',
};
