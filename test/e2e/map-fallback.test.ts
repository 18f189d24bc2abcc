/**
 * End-to-end: without the points plugin in MapLibre's worker (map/points-worker.ts does not load), the
 * map builds the clusters' data on the page, between yields (controller.ts prepareClusters). A
 * language switch while it prepares new clusters must not put the clusters it replaces back: the map
 * then looks as a page opened on the same link.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, type Guarded, launch, openPage, waitReady } from './harness.ts';

let browser: Browser;
const opened: Guarded[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const g of opened) await g.context.close().catch(() => {});
  await browser?.close();
});

/** A page whose MapLibre worker never gets the plugin (its script does not load). */
async function withoutPlugin(url: string): Promise<Page> {
  const g = await openPage(browser, '', { url: 'about:blank' });
  opened.push(g);
  await g.context.route(/points-worker/, (r) => r.abort());
  await g.page.goto(url);
  return g.page;
}

/** The map above its attribution and scale bar (those lay out with the page's text). */
async function mapTop(page: Page): Promise<Buffer> {
  const box = (await page.locator('.map canvas').boundingBox())!;
  return page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height - 120 } });
}

describe('the map without the points plugin', () => {
  it('a language switch while new clusters are prepared leaves the new clusters drawn', async () => {
    const page = await withoutPlugin(`${baseUrl()}/portal/belt/?view=117.35000,28.75000,8.00`);
    await waitReady(page);
    // The language switches in the task that renders the new clusters in the panel, as the map prepares them.
    await page.evaluate(() => {
      const sig = () =>
        [...document.querySelectorAll('[data-agglomeration]')]
          .map((e) => e.getAttribute('data-clusters'))
          .join();
      const first = sig();
      const obs = new MutationObserver(() => {
        if (sig() === first) return;
        obs.disconnect();
        (document.querySelector('[data-lang-switch]') as HTMLElement).click();
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.locator('[data-param="maxDistanceKm"]').fill('2');
    await page.locator('[data-param="maxDistanceKm"]').press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await waitReady(page);
    await page.waitForTimeout(1000);
    const url = new URL(page.url());
    expect(url.searchParams.get('dbscan')).toBe('2,3');
    const shot = await mapTop(page);
    const fresh = await withoutPlugin(url.href);
    await waitReady(fresh);
    await fresh.waitForTimeout(1000);
    expect((await mapTop(fresh)).equals(shot)).toBe(true);
  });
});
