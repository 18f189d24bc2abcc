/**
 * End-to-end: MapLibre restarts its workers when they stop answering (as iOS stops them in the
 * background; GlobalDispatcher.ensureWorkers on a return to the foreground). The new workers hold
 * none of the points and clusters the page sent as columns (map/points-worker.ts): the page sends
 * them again, and the map draws what it drew before, also after a language switch, which gives the
 * cluster centres new data but leaves the outlines on the clusters they were built from.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { toAnalysisRecord } from '../../src/analysis/to-analysis-record.ts';
import { parseEnterprisesGeoJSON, parseZonesGeoJSON } from '../../src/data/parse.ts';
import { type Guarded, launch, openPage, waitReady } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (f: string) => JSON.parse(readFileSync(resolve(ROOT, 'geodata', f), 'utf8'));

let browser: Browser;
const opened: Guarded[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const g of opened) await g.context.close().catch(() => {});
  await browser?.close();
});

const renderedIds = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { belt: { renderedEnterpriseIds(): string[] } }).belt.renderedEnterpriseIds(),
  );

/** Blocks MapLibre's worker past its ping budget, then brings the page "back": MapLibre restarts it. */
async function restartMapWorkers(page: Page): Promise<void> {
  const old = page.workers().filter((w) => /maplibre-gl-worker/.test(w.url()));
  expect(old.length).toBeGreaterThan(0);
  const next = page.waitForEvent('worker', (w) => /maplibre-gl-worker/.test(w.url()));
  await old[0]!.evaluate(() => {
    setTimeout(() => {
      const t = Date.now();
      while (Date.now() - t < 1500);
    }, 200);
  });
  await page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 400));
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await next;
}

describe('MapLibre restarts its workers', () => {
  it('draws the same points and the same picture, outlines too, after a language switch and a restart', async () => {
    const recs = parseEnterprisesGeoJSON(read('enterprises.sample.geojson')).records.map(toAnalysisRecord);
    const r = analyze({
      records: recs,
      chainRecords: recs,
      zones: parseZonesGeoJSON(read('zones.sample.geojson')).records,
      studyArea: read('shangrao-prefecture.geojson'),
    });
    const top = Object.values(r.stages)
      .flatMap((s) => s.clusters)
      .sort((a, b) => b.memberIds.length - a.memberIds.length)[0]!;
    // Close enough that the outlines are drawn (style.ts CLUSTER_OUTLINE_ZOOM).
    const g = await openPage(browser, `/portal/belt/?view=${top.center[0]},${top.center[1]},12`);
    opened.push(g);
    const { page } = g;
    await waitReady(page);
    await page.locator('[data-lang-switch]').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.waitForTimeout(1500);
    const drawn = new Set(await renderedIds(page)).size;
    const before = await page.locator('.map canvas').screenshot();
    await restartMapWorkers(page);
    expect(drawn).toBeGreaterThan(0);
    await expect.poll(async () => new Set(await renderedIds(page)).size, { timeout: 10_000 }).toBe(drawn);
    await expect
      .poll(async () => (await page.locator('.map canvas').screenshot()).equals(before), { timeout: 10_000 })
      .toBe(true);
    expect(g.problems).toEqual([]);
  });

  it("keeps a switched-off stage's clusters hidden and their size labels as they were, after a restart", async () => {
    const g = await openPage(browser, '/portal/belt/');
    opened.push(g);
    const { page } = g;
    await waitReady(page);
    await page.locator('[data-stage-filter="midstream"]').uncheck();
    await waitReady(page);
    await page.waitForTimeout(1500);
    const before = await page.locator('.map canvas').screenshot();
    await restartMapWorkers(page);
    await expect
      .poll(async () => (await page.locator('.map canvas').screenshot()).equals(before), { timeout: 10_000 })
      .toBe(true);
    expect(g.problems).toEqual([]);
  });
});
