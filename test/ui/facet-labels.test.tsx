import { afterEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/data/filters.ts';
import { setLang } from '../../src/i18n/index.ts';
import { filterSummary } from '../../src/ui/facet-labels.ts';

const zoneName = (id: string) => (id === 'Z1' ? '<b>上饶经开区</b>' : id);

describe('the filters in words (printed and in the picture)', () => {
  afterEach(() => setLang('zh'));

  it('nothing when no filter beside the stages is set', () => {
    expect(filterSummary(NO_FILTERS, zoneName)).toBeNull();
  });

  it('names each filter and its values, in the interface language; an empty list reads as none', () => {
    const f = {
      ...NO_FILTERS,
      segments: ['casting' as const],
      counties: ['361104'],
      zones: ['Z1', 'none'],
      precision: [],
    };
    expect(filterSummary(f, zoneName)).toBe(
      '筛选：细分环节 熔铸(铜杆/铜锭)；县（市、区） 广信区；开发区 <b>上饶经开区</b>、不在任何开发区；位置精度 全不选',
    );
    setLang('en');
    expect(filterSummary(f, zoneName)).toMatch(
      /^Filtered: Segment .+; County Guangxin.+; Development zone <b>上饶经开区<\/b>, In no zone; Location precision None$/,
    );
  });
});
