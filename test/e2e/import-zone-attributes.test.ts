/**
 * End-to-end (issue 7): nothing a zone file gave is lost. A GeoJSON of zone polygons with other attributes
 * (面积, 批准文号, an HTML 管理机构, `__proto__`, `constructor`) through input[data-import]: the zone's details
 * show every one as text, in Chinese and English, and again after a reload (IndexedDB).
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, waitReady } from './harness.ts';

const SHOTS = resolve(import.meta.dirname, '__screenshots__');
const HOSTILE = '<img src=x onerror="window.pwned=1">管委会';
const RING = '[[117.95,28.43],[118.0,28.43],[118.0,28.47],[117.95,28.47],[117.95,28.43]]';
// Text, not an object literal: `__proto__` must be a key of the file.
const ZONES = `{"type":"FeatureCollection","features":[
{"type":"Feature","geometry":{"type":"Polygon","coordinates":[${RING}]},"properties":{"园区名称":"上饶经济技术开发区",
"级别":"国家级","面积":12.5,"批准文号":"国函〔2010〕103号","管理机构":${JSON.stringify(HOSTILE)},"__proto__":"p","constructor":"c"}}]}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openZone(page: Page) {
  await page.locator('input[type=search][data-search]').fill('经济技术开发区');
  await page.locator('[data-search-hit="zone:zone-1"]').click();
  const d = page.locator('[data-details][data-zone-id="zone-1"]');
  await d.waitFor();
  return d;
}

async function extras(page: Page) {
  const d = await openZone(page);
  return d
    .locator('[data-extra]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-extra'), e.textContent]));
}

const EXPECTED = [
  ['面积', '12.5'],
  ['批准文号', '国函〔2010〕103号'],
  ['管理机构', HOSTILE],
  ['__proto__', 'p'],
  ['constructor', 'c'],
];

describe("a zone file's other attributes", () => {
  it('are shown as text in the zone details, in zh and en, and after a reload', async () => {
    const { page, problems } = await openPage(browser, '/portal/belt/');
    await waitReady(page);
    await page.locator('input[data-import]').setInputFiles({
      name: '园区边界.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(ZONES),
    });
    await page.locator('[data-import-confirm]').click();
    const report = page.locator('[data-import-report]');
    await report.waitFor();
    expect(await report.getAttribute('data-kind')).toBe('zones');
    expect(await report.getAttribute('data-accepted')).toBe('1');
    await page.locator('[data-import-report-close]').click();
    await waitReady(page);

    expect(await extras(page)).toEqual(EXPECTED);
    const d = page.locator('[data-details]');
    expect(await d.textContent()).toContain('其他字段');
    expect(await d.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await d.screenshot({ path: resolve(SHOTS, 'zone-details-extra.png') });
    await page.locator('[data-lang-switch]').click();
    await page.locator('[data-details] h3', { hasText: 'Other fields' }).waitFor();

    await page.reload();
    await waitReady(page);
    expect(await extras(page)).toEqual(EXPECTED);
    expect(problems).toEqual([]);
  }, 180_000);
});
