/** The print view, as a person printing gets it: the print button, then one A4 landscape page. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe.ts';

/** Clicks [data-print] (window.print stubbed), checks the print view and returns its PDF. */
export async function printOnePage(page: Page, screenshot?: string): Promise<Buffer> {
  await page.evaluate(() => {
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await page.locator('[data-print]').click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed?: boolean }).printed))
    .toBe(true);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.print-snapshot.ready').isVisible()).toBe(true);
  expect(await page.locator('.legend').isVisible()).toBe(true);
  expect(await page.locator('.analysis-panel').isVisible()).toBe(true);
  expect(await page.locator('.toolbar .tools').isVisible()).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // One A4 landscape page: 842 × 595 pt.
  const boxes = pdf.toString('latin1').match(/MediaBox \[0 0 [\d.]+ [\d.]+\]/g) ?? [];
  expect(boxes).toEqual(['MediaBox [0 0 841.91998 594.95996]']);
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}
