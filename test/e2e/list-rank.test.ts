/**
 * End-to-end: a large list (from 5,000 names) is ranked by name in a worker (data/rank-worker.ts) under
 * the strict CSP: while it is ranked the list says so and holds no rows in another order; then its rows
 * follow the Chinese collation (by pinyin: 阿 before 白 before 陈 …), in both languages' names.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANK_IN_WORKER_FROM } from '../../src/data/rank.ts';
import { launch, openPage, waitReady } from './harness.ts';

// Surnames in pinyin order (ā, bái, chén, dīng, fāng, guō): unambiguous in any zh-CN collation.
const SURNAMES = ['郭', '丁', '阿', '陈', '方', '白'];

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'belt-rank-'));
});
afterAll(async () => {
  await browser?.close();
});

describe('the list of a large registry', () => {
  it('is ranked off the page and sorted by name', async () => {
    const n = RANK_IN_WORKER_FROM + 1_000;
    const lines = ['企业名称,经度,纬度,产业链环节,所属区县'];
    for (let i = 0; i < n; i++) {
      const name = `${SURNAMES[i % SURNAMES.length]}氏${String(n - i).padStart(5, '0')}铜业`;
      lines.push(
        `${name},${(117.8 + (i % 300) * 0.001).toFixed(5)},${(28.3 + Math.floor(i / 300) * 0.001).toFixed(5)},中游,广信区`,
      );
    }
    const path = join(dir, '大名录.csv');
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    const { page, problems } = await openPage(browser, '/portal/belt/');
    await waitReady(page);
    await page.locator('input[data-import]').setInputFiles(path);
    await page.locator('[data-import-confirm]').click();
    await page.locator('[data-import-report]').waitFor({ timeout: 120_000 });
    await page.locator('[data-import-report-close]').click();
    await waitReady(page, 120_000);

    await page.locator('[data-list-toggle]').click();
    const list = page.locator('[data-enterprise-list]');
    await expect.poll(() => list.getAttribute('data-total')).toBe(String(n));
    expect(await list.getAttribute('aria-busy')).toBeNull();
    const first = await page.locator('[data-enterprise-list] .list-name').allTextContents();
    expect(first.length).toBeGreaterThan(3);
    // 阿 first; within it by the rest of the name (the numbers ascending).
    const expected = Array.from({ length: n }, (_, i) => i)
      .filter((i) => SURNAMES[i % SURNAMES.length] === '阿')
      .map((i) => `阿氏${String(n - i).padStart(5, '0')}铜业`)
      .sort();
    expect(first.slice(0, 3)).toEqual(expected.slice(0, 3));
    // Descending: 郭 first.
    await page.locator('[data-list-sort-desc]').check();
    await expect
      .poll(async () => (await page.locator('[data-enterprise-list] .list-name').first().textContent()) ?? '')
      .toMatch(/^郭氏/);
    expect(problems).toEqual([]);
  });
});
