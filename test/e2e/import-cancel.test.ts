/**
 * End-to-end (issue 7): cancelling a running import. A small registry is imported first (the data the map
 * shows); then a generated registry of 100,000 rows is confirmed and cancelled while its progress bar is
 * shown: no report, the progress goes, the map keeps the small registry (same [data-dataset], same stage
 * counts), nothing was stored (a reload shows the small registry still), no console error; then another
 * small file imports as usual.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../src/data/types.ts';
import { launch, openPage, waitReady } from './harness.ts';

const SHOTS = resolve(import.meta.dirname, '__screenshots__');
const HEADER = '企业名称,经度,纬度,产业链环节,细分行业,所属区县,备注';

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'belt-cancel-'));
});
afterAll(async () => {
  await browser?.close();
});

/** A registry of `n` firms spread over central Shangrao, one stage in turn. */
function registry(n: number, prefix: string): string {
  const stages = ['上游', '中游', '下游', '配套'];
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const lon = (117.8 + (i % 400) * 0.001).toFixed(5);
    const lat = (28.3 + Math.floor(i / 400) * 0.0008).toFixed(5);
    lines.push(`${prefix}${i},${lon},${lat},${stages[i % 4]},,广信区,第${i}行`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function pickFile(page: Page, path: string): Promise<void> {
  await page.locator('input[data-import]').setInputFiles(path);
  await page.locator('[data-import-confirm]').waitFor({ timeout: 120_000 });
}

async function importSmall(page: Page, name: string, n: number): Promise<void> {
  const path = join(dir, name);
  writeFileSync(path, registry(n, name.replace(/\.csv$/, '')));
  await pickFile(page, path);
  await page.locator('[data-import-confirm]').click();
  const report = page.locator('[data-import-report]');
  await report.waitFor();
  expect(await report.getAttribute('data-accepted')).toBe(String(n));
  await page.locator('[data-import-report-close]').click();
  await waitReady(page);
}

/** What the map shows: the dataset line and every stage count. */
async function shown(page: Page) {
  const ds = page.locator('[data-dataset]');
  const counts: Record<string, string | null> = {};
  for (const s of STAGES) counts[s] = await page.locator(`[data-stage-count="${s}"]`).first().textContent();
  return {
    kind: await ds.getAttribute('data-kind'),
    name: await ds.getAttribute('data-name'),
    since: await ds.getAttribute('data-since'),
    counts,
  };
}

describe('cancelling a running import', () => {
  it('stops it, keeps the data shown and stored, and a later import works', async () => {
    const { page, problems } = await openPage(browser, '/portal/belt/');
    await waitReady(page);
    await importSmall(page, '甲县名录.csv', 8);
    const before = await shown(page);
    expect(before).toMatchObject({ kind: 'imported', name: '甲县名录.csv' });
    expect(before.counts).toMatchObject({ upstream: '2', midstream: '2', downstream: '2', support: '2' });

    const big = join(dir, '十万行名录.csv');
    writeFileSync(big, registry(100_000, '大厂'));
    await pickFile(page, big);
    await page.locator('[data-import-confirm]').click();
    // The import runs: its progress bar and cancel button are shown; cancel it there.
    const progress = page.locator('.import-progress');
    await progress.locator('progress').waitFor();
    await progress.locator('[data-import-cancel]').click();

    await progress.waitFor({ state: 'detached' });
    // Back to the mapping step, which says so where it can be seen.
    const message = page.locator('[data-import-mapping] .import-error');
    expect(await message.textContent()).toBe('导入已取消，地图数据未改变。');
    expect(await message.isVisible()).toBe(true);
    expect(await page.locator('.import-error').count()).toBe(1);
    expect(await page.locator('[data-import-report]').count()).toBe(0);
    await waitReady(page);
    expect(await shown(page)).toEqual(before);
    await page.screenshot({ path: resolve(SHOTS, 'import-cancelled.png') });
    await page.locator('[data-import-mapping]').getByRole('button', { name: '取消' }).click();
    expect(await page.locator('[data-import-mapping]').count()).toBe(0);

    // Nothing was stored: a reload shows the small registry still.
    await page.reload();
    await waitReady(page);
    expect(await shown(page)).toEqual(before);

    // A later import of a small file works as usual.
    await importSmall(page, '乙县名录.csv', 5);
    expect(await shown(page)).toMatchObject({ kind: 'imported', name: '乙县名录.csv' });
    expect((await shown(page)).counts).toMatchObject({ upstream: '2', midstream: '1', downstream: '1' });
    expect(problems).toEqual([]);
  }, 300_000);
});
