/**
 * End-to-end (issue 7): a bureau's GBK CSV registry through input[data-import] — the mapping step, the
 * report, the map's dataset, an injection attempt in a name and in column names (`constructor`,
 * `__proto__`, an HTML name), the CSV export (formulas neutralised) imported back to the same records,
 * persistence across a reload, and the restore button.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, launch, openPage, waitReady } from './harness.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = resolve(ROOT, 'test/e2e/__screenshots__');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const HOSTILE = '<img src=x onerror="window.pwned=1">铜业';
const REGISTRY = [
  '企业名称,经度,纬度,产业链环节,细分行业,所属区县,所属园区,constructor,__proto__,<b>备注</b>',
  `江西铜杆厂,117.97,28.45,中游,熔铸,上饶县,上饶经开区,c1,p1,x`,
  `"${HOSTILE.replace(/"/g, '""')}",117.98,28.46,下游,电线电缆,广丰区,上饶经开区,c2,p2,y`,
  `=HYPERLINK("http://evil.example"),117.99,28.47,上游,废铜,玉山县,,c3,p3,z`,
  '无坐标公司,,,配套,物流,361102,,c4,p4,w',
  ',117.9,28.4,中游,,,,,,',
  '经纬度反了,28.45,117.97,中游,,,,,,',
].join('\r\n');

async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('input[data-import]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page
    .locator('[data-import-confirm]')
    .waitFor()
    .catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${await page.locator('.import-panel').textContent()}`);
    });
}

async function report(page: Page) {
  const r = page.locator('[data-import-report]');
  await r.waitFor();
  return {
    kind: await r.getAttribute('data-kind'),
    accepted: Number(await r.getAttribute('data-accepted')),
    unlocated: Number(await r.getAttribute('data-unlocated')),
    rejected: Number(await r.getAttribute('data-rejected')),
    text: await r.textContent(),
  };
}

describe('import of a registry', () => {
  it('reads a GBK CSV, reports, shows, exports, persists and restores', async () => {
    const { page, problems } = await openPage(browser, '/portal/belt/');
    await waitReady(page).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${problems.join('\n')}`);
    });
    expect(await attr(page, '[data-dataset]', 'data-kind')).toBe('sample');

    await importFile(page, '某县企业名录.csv', iconv.encode(REGISTRY, 'gbk'));
    // The mapping step: encoding detected as GBK/GB18030, Chinese headers recognised.
    expect(await page.locator('[data-import-encoding]').inputValue()).toBe('gb18030');
    expect(await page.locator('select[data-import-field="企业名称"]').inputValue()).toBe('name');
    expect(await page.locator('select[data-import-field="经度"]').inputValue()).toBe('longitude');
    expect(await page.locator('select[data-import-field="constructor"]').inputValue()).toBe('');
    await page.locator('select[data-import-crs]').selectOption('gcj02');
    await page.screenshot({ path: resolve(SHOTS, 'import-mapping.png') });
    await page.locator('[data-import-confirm]').click();

    const r = await report(page);
    expect(r).toMatchObject({ kind: 'enterprises', accepted: 4, unlocated: 1, rejected: 2 });
    expect(r.text).toContain('经度和纬度疑似填反');
    await page.screenshot({ path: resolve(SHOTS, 'import-report.png') });
    // The report as CSV, for the bureau to fix its file.
    const [rep] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-import-report-download]').click(),
    ]);
    const repCsv = readFileSync((await rep.path())!, 'utf8');
    expect(repCsv.split('\r\n')[0]).toBe('\uFEFFrow,status,column,name,reason');
    expect(repCsv).toContain('6,rejected,企业名称,,缺少企业名称');
    await page.locator('[data-import-report-close]').click();
    await waitReady(page);
    expect(await attr(page, '[data-dataset]', 'data-kind')).toBe('imported');
    expect(await attr(page, '[data-dataset]', 'data-name')).toBe('某县企业名录.csv');
    expect(await page.locator('[data-sample-notice]').count()).toBe(0);

    // The hostile name is text, never HTML; the odd column names are kept in the details.
    await page.locator('[data-list-toggle]').click();
    const list = page.locator('[data-enterprise-list]');
    expect(await list.getAttribute('data-total')).toBe('4');
    await list.getByText(HOSTILE).click();
    const details = page.locator('[data-details]');
    await details.waitFor();
    expect(await details.textContent()).toContain(HOSTILE);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await details.locator('[data-extra="constructor"]').textContent()).toBe('c2');
    expect(await details.locator('[data-extra="__proto__"]').textContent()).toBe('p2');
    expect(await details.locator('[data-extra="<b>备注</b>"]').textContent()).toBe('y');

    // CSV export: UTF-8 BOM, formulas neutralised, every column kept.
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="csv"]').click(),
    ]);
    const csv = readFileSync((await dl.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.split('\r\n')[0]).toContain('constructor,__proto__,<b>备注</b>');

    // Persistence: a reload shows the import again.
    await page.reload();
    await waitReady(page);
    expect(await attr(page, '[data-dataset]', 'data-kind')).toBe('imported');
    expect(await page.locator('[data-enterprise-list]').getAttribute('data-total')).toBe('4');

    // The export imports back to the same records (WGS84 now: no conversion).
    await importFile(page, 'export.csv', Buffer.from(csv, 'utf8'));
    await page.locator('[data-import-confirm]').click();
    const back = await report(page);
    expect(back).toMatchObject({ accepted: 4, unlocated: 1, rejected: 0 });
    await waitReady(page);
    const [dl2] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="csv"]').click(),
    ]);
    expect(readFileSync((await dl2.path())!, 'utf8')).toBe(csv);

    await page.locator('[data-import-report-close]').click();
    // Restore: the deployment's data again, and after a reload too.
    await page.locator('[data-restore-sample]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-dataset]')?.getAttribute('data-kind') === 'sample',
    );
    await waitReady(page);
    await page.reload();
    await waitReady(page);
    expect(await attr(page, '[data-dataset]', 'data-kind')).toBe('sample');
    expect(problems).toEqual([]);
  }, 240_000);
});
