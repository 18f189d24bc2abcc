/**
 * End-to-end, issue 6: the points and the clusters reach MapLibre's worker as columns (map/points-
 * worker.ts). MapLibre runs one worker in Chromium, but up to three in Safari; each worker needs its
 * own copy of the data (two cannot take the same transferred buffers). Here the page runs as MapLibre
 * sees Safari on six cores: three workers. Every point is drawn, the clusters' discs answer clicks,
 * and the map looks as it does with one worker.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { toAnalysisRecord } from '../../src/analysis/to-analysis-record.ts';
import { parseEnterprisesGeoJSON, parseZonesGeoJSON } from '../../src/data/parse.ts';
import type { CHAIN_STAGES } from '../../src/data/types.ts';
import { type Guarded, launch, openPage, waitReady } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test/e2e/__screenshots__');
const read = (f: string) => JSON.parse(readFileSync(resolve(ROOT, 'geodata', f), 'utf8'));

/** MapLibre's worker count for Safari: min(3, cores / 2) (util/worker_pool.ts). */
const AS_SAFARI_ON_SIX_CORES = `window.safari = {}; Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 6 });`;

let browser: Browser;
const opened: Guarded[] = [];
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  for (const g of opened) await g.context.close().catch(() => {});
  await browser?.close();
});

const renderedIds = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { belt: { renderedEnterpriseIds(): string[] } }).belt.renderedEnterpriseIds(),
  );

describe('MapLibre with several workers', () => {
  it('three workers: every point drawn, the largest cluster answers a click, the same picture as one worker', async () => {
    const located = parseEnterprisesGeoJSON(read('enterprises.sample.geojson')).records.filter(
      (e) => e.lon !== null && e.lat !== null,
    );
    const recs = parseEnterprisesGeoJSON(read('enterprises.sample.geojson')).records.map(toAnalysisRecord);
    const r = analyze({
      records: recs,
      chainRecords: recs,
      zones: parseZonesGeoJSON(read('zones.sample.geojson')).records,
      studyArea: read('shangrao-prefecture.geojson'),
    });
    const pictures: Buffer[] = [];
    for (const init of [AS_SAFARI_ON_SIX_CORES, '']) {
      const g = await openPage(browser, '/portal/belt/', { initScript: init });
      opened.push(g);
      const { page } = g;
      await waitReady(page);
      expect(await page.evaluate(() => navigator.hardwareConcurrency)).toEqual(init ? 6 : expect.any(Number));
      expect(new Set(await renderedIds(page)).size).toBe(new Set(located.map((e) => e.id)).size);
      const top = page.locator('[data-cluster]').first();
      const [stage, n] = (await top.getAttribute('data-cluster'))!.split('/') as [
        (typeof CHAIN_STAGES)[number],
        string,
      ];
      const c = r.stages[stage].clusters.find((x) => String(x.id) === n)!;
      const box = (await page.locator('.map canvas').boundingBox())!;
      const pt = await page.evaluate(
        ([lon, lat]) =>
          (
            window as unknown as { belt: { screenPoint(lon: number, lat: number): { x: number; y: number } } }
          ).belt.screenPoint(lon!, lat!),
        c.center,
      );
      pictures.push(await page.locator('.map canvas').screenshot());
      if (init) await page.screenshot({ path: resolve(SHOTS, 'three-maplibre-workers.png') });
      await page.mouse.click(box.x + pt.x, box.y + pt.y);
      await page.locator('[data-details][data-cluster-id]').waitFor();
      expect(g.problems).toEqual([]);
      expect(g.warnings.filter((w) => /import script|points|detached/i.test(w))).toEqual([]);
    }
    expect(pictures[0]!.equals(pictures[1]!)).toBe(true);
  });
});
