/** The list's name order (name-rank.ts) and its off-page runner (rank.ts). */
import { describe, expect, it } from 'vitest';
import { nameRanks } from '../../src/data/name-rank.ts';
import { RANK_IN_WORKER_FROM, rankNames } from '../../src/data/rank.ts';

describe('nameRanks', () => {
  it('ranks by the collation of the language, ties by id', () => {
    const names = ['张三铜业', '阿里铜业', '阿里铜业', 'Zeta', 'alpha'];
    const ids = ['E3', 'E2', 'E1', 'E4', 'E5'];
    const zh = nameRanks(names, ids, 'zh-CN');
    const order = [...zh.keys()].sort((a, b) => zh[a]! - zh[b]!).map((i) => ids[i]);
    // zh-CN: Han by pinyin (阿 ā before 张 zhāng), then Latin; the two 阿里铜业 by id.
    expect(order).toEqual(['E1', 'E2', 'E3', 'E5', 'E4']);
    expect([...nameRanks(['b', 'a', 'B'], ['1', '2', '3'], 'en-GB')]).toEqual([1, 0, 2]);
    expect(nameRanks([], [], 'zh-CN')).toHaveLength(0);
  });

  it('names that look like prototype keys or HTML are plain strings', () => {
    const names = ['__proto__', 'constructor', '<b>x</b>'];
    const r = nameRanks(names, ['1', '2', '3'], 'en-GB');
    const c = new Intl.Collator('en-GB');
    const oracle = [...names.keys()].sort((a, b) => c.compare(names[a]!, names[b]!));
    expect([...r]).toEqual(names.map((_, i) => oracle.indexOf(i)));
  });

  it('without a Worker (Node, jsdom) every list is ranked at once, the same as the pure function', () => {
    const n = RANK_IN_WORKER_FROM + 10;
    const names = Array.from({ length: n }, (_, i) => `企业${(i * 7919) % n}`);
    const ids = names.map((_, i) => `E${i}`);
    const r = rankNames(names, ids, 'zh-CN');
    expect(r).toBeInstanceOf(Uint32Array);
    expect([...(r as Uint32Array)]).toEqual([...nameRanks(names, ids, 'zh-CN')]);
  });
});
