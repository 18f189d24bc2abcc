/**
 * End-to-end (issue 7): an XLSX registry (second sheet chosen) in the parse worker, then development-zone
 * boundaries as KML through the same input: the zones are replaced, the registry's 所属园区 names join
 * the new polygons, and the chain completeness shows the zone; a cancelled import changes nothing.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, launch, openPage, waitReady } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const RING = '117.95,28.43 118.0,28.43 118.0,28.47 117.95,28.47 117.95,28.43';
const KML = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>上饶经济技术开发区</name><ExtendedData><Data name="级别"><value>国家级</value></Data></ExtendedData>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${RING}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>`;

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('封面').addRow(['本表由某县工信局整理']);
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['名称', 'lng', 'lat', '环节', '园区']);
  ws.addRow(['上饶铜杆厂', 117.97, 28.45, '中游', '上饶经济技术开发区']);
  ws.addRow(['上饶电缆厂', 117.98, 28.44, '下游', '上饶经济技术开发区']);
  ws.addRow(['上饶回收站', 117.96, 28.46, '上游', '上饶经济技术开发区']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import of a workbook, then of zone boundaries', () => {
  it('reads the chosen sheet, then a KML whose polygon the registry’s zone names join', async () => {
    const { page, problems } = await openPage(browser, '/portal/belt/');
    await waitReady(page);
    const input = page.locator('input[data-import]');
    await input.setInputFiles({
      name: '名录.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await workbook(),
    });
    await page.locator('select[data-import-sheet]').waitFor();
    await page.locator('select[data-import-sheet]').selectOption('企业名录');
    await page.waitForFunction(
      () => document.querySelector<HTMLSelectElement>('select[data-import-field="名称"]')?.value === 'name',
    );
    await page.locator('[data-import-confirm]').click();
    const report = page.locator('[data-import-report]');
    await report.waitFor();
    expect(await report.getAttribute('data-accepted')).toBe('3');
    await page.locator('[data-import-report-close]').click();
    await waitReady(page);

    // A cancelled import changes nothing.
    await input.setInputFiles({ name: 'zones.kml', mimeType: 'application/xml', buffer: Buffer.from(KML) });
    await page.locator('[data-import-confirm]').waitFor();
    await page.getByRole('button', { name: /取消/ }).last().click();
    expect(await page.locator('[data-import-mapping]').count()).toBe(0);
    expect(await attr(page, '[data-dataset]', 'data-name')).toBe('名录.xlsx');

    await input.setInputFiles({ name: 'zones.kml', mimeType: 'application/xml', buffer: Buffer.from(KML) });
    await page.locator('[data-import-confirm]').click();
    await report.waitFor();
    expect(await report.getAttribute('data-kind')).toBe('zones');
    expect(await report.getAttribute('data-accepted')).toBe('1');
    await page.locator('[data-import-report-close]').click();
    await waitReady(page);
    const chain = page.locator('[data-zone-chain]');
    await chain.first().waitFor();
    expect(await chain.count()).toBe(1);
    expect(await chain.first().textContent()).toContain('上饶经济技术开发区');
    expect(await chain.first().getAttribute('data-upstream')).toBe('1');
    expect(await chain.first().getAttribute('data-midstream')).toBe('1');
    expect(await chain.first().getAttribute('data-downstream')).toBe('1');
    expect(problems).toEqual([]);
  }, 180_000);
});
