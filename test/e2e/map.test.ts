/**
 * End-to-end: the built site (vite build) in Debian's headless Chromium, served from a sub-path under
 * the strict CSP of contract.md. Every test fails on console errors, failed requests, CSP violations
 * and requests to other hosts.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, type Guarded, launch, openPage, waitReady } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test/e2e/__screenshots__');
const sample = JSON.parse(
  readFileSync(resolve(ROOT, 'geodata/enterprises.sample.geojson'), 'utf8'),
) as GeoJSON.FeatureCollection;
const located = sample.features.filter((f) => f.geometry !== null);
const byStage = (st: string) => sample.features.filter((f) => f.properties?.stage === st);

let browser: Browser;
const opened: Guarded[] = [];
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, opts?: Parameters<typeof openPage>[2]): Promise<Guarded> {
  const g = await openPage(browser, path, opts);
  opened.push(g);
  return g;
}
async function done(g: Guarded) {
  expect(g.problems).toEqual([]);
  await g.context.close();
}
/** Clicks an export button and returns the downloaded file. */
async function exported(page: Page, kind: 'geojson' | 'csv' | 'png'): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-export="${kind}"]`).click(),
  ]);
  return readFileSync(await download.path());
}
const renderedIds = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { belt: { renderedEnterpriseIds(): string[] } }).belt.renderedEnterpriseIds(),
  );

describe('the map on the default sample', () => {
  it('loads from a sub-path under the strict CSP, draws every located enterprise and shows the figures', async () => {
    const g = await open('/portal/belt/');
    const { page } = g;
    await waitReady(page);
    // Counts per stage equal the data file's (all stages on by default), located or not.
    for (const st of ['upstream', 'midstream', 'downstream', 'support', 'unclassified']) {
      expect(Number(await page.locator(`[data-stage-count="${st}"]`).textContent()), st).toBe(
        byStage(st).length,
      );
    }
    // The whole prefecture is in view: every located enterprise is drawn.
    const ids = await renderedIds(page);
    expect(new Set(ids).size).toBe(new Set(located.map((f) => f.properties?.id)).size);
    // They reached MapLibre's worker as columns: its plugin was loaded there, under the CSP, without a warning.
    expect(g.requested.filter((u) => /\/assets\/points-worker-[\w-]+\.js$/.test(u))).toHaveLength(1);
    expect(g.warnings.filter((w) => /import script|points/i.test(w))).toEqual([]);
    // Agglomeration hooks carry figures.
    for (const st of ['upstream', 'midstream', 'downstream']) {
      const el = page.locator(`[data-agglomeration="${st}"]`);
      expect(['high', 'medium', 'low', 'none']).toContain(await el.getAttribute('data-level'));
      expect(Number.isInteger(Number(await el.getAttribute('data-clusters')))).toBe(true);
    }
    expect(Number(await attr(page, '[data-agglomeration="midstream"]', 'data-nni'))).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-sample-notice]').count()).toBe(1);
    // Chinese by default, and Chinese labels render (a person looks at this screenshot).
    expect(await page.locator('h1').textContent()).toContain('上饶');
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('放大');
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('OpenStreetMap 贡献者');
    await page.screenshot({ path: resolve(SHOTS, 'default-zh.png') });
    await done(g);
  });

  it('hover names an enterprise; clicking it opens its details with source and precision', async () => {
    const target = located.find(
      (f) => f.properties?.precision === 'township' || f.properties?.precision === 'zone',
    )!;
    const [lon, lat] = (target.geometry as GeoJSON.Point).coordinates as [number, number];
    const g = await open(`/portal/belt/?view=${lon},${lat},15`);
    const { page } = g;
    await waitReady(page);
    const box = (await page.locator('.map canvas').boundingBox())!;
    const pt = await page.evaluate(
      (id) =>
        (
          window as unknown as { belt: { screenPointOf(id: string): { x: number; y: number } } }
        ).belt.screenPointOf(id),
      String(target.properties?.id),
    );
    await page.mouse.move(box.x + pt.x, box.y + pt.y);
    await expect.poll(() => page.locator('.belt-hover').count()).toBe(1);
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    const details = page.locator('[data-details]');
    await details.waitFor();
    const id = await details.getAttribute('data-enterprise-id');
    const rec = sample.features.find((f) => f.properties?.id === id)!;
    expect(rec).toBeTruthy();
    // Nearest to the click: the target itself, or one at the same spot.
    const [rlon, rlat] = (rec.geometry as GeoJSON.Point).coordinates as [number, number];
    expect(Math.hypot(rlon - lon, rlat - lat)).toBeLessThan(0.0005);
    expect(await details.locator('[data-field="source"]').textContent()).toBe(rec.properties?.source);
    expect(await details.locator('[data-field="precision"]').getAttribute('data-value')).toBe(
      rec.properties?.precision,
    );
    expect(await details.locator('[data-field="name"]').textContent()).toBe(rec.properties?.name);
    // The selection is in the URL.
    await expect.poll(() => new URL(page.url()).searchParams.get('select')).toBe(id);
    await done(g);
  });

  it('toggles stages: counts, drawn points and figures follow; a copied link reopens the same view', async () => {
    const g = await open('/portal/belt/');
    const { page } = g;
    await waitReady(page);
    const mid = byStage('midstream');
    await page.locator('[data-stage-filter="midstream"]').uncheck();
    await waitReady(page);
    // Faceted: a switched-off stage still counts what switching it on would show.
    expect(Number(await page.locator('[data-stage-count="midstream"]').textContent())).toBe(mid.length);
    expect(await attr(page, '[data-agglomeration="midstream"]', 'data-level')).toBe('none');
    const ids = new Set(await renderedIds(page));
    const midIds = new Set(mid.map((f) => String(f.properties?.id)));
    expect([...ids].filter((i) => midIds.has(i))).toEqual([]);
    expect(ids.size).toBe(
      new Set(located.filter((f) => f.properties?.stage !== 'midstream').map((f) => f.properties?.id)).size,
    );
    await page.locator('[data-stage-filter="support"]').uncheck();
    await waitReady(page);
    // Pick an enterprise from the list view and select it.
    await page.locator('[data-list-toggle]').click();
    const list = page.locator('[data-enterprise-list]');
    const expectedTotal = sample.features.filter(
      (f) => !['midstream', 'support'].includes(f.properties?.stage),
    ).length;
    expect(Number(await list.getAttribute('data-total'))).toBe(expectedTotal);
    const firstRow = list.locator('[data-enterprise-id]').first();
    const pick = await firstRow.getAttribute('data-enterprise-id');
    await firstRow.locator('button').click();
    await page.locator(`[data-details][data-enterprise-id="${pick}"]`).waitFor();
    await waitReady(page);
    await page.waitForTimeout(800); // the camera eases to the enterprise; the URL follows on moveend
    const url = new URL(page.url());
    expect(url.searchParams.get('stages')).toBe('upstream,downstream,unclassified');
    expect(url.searchParams.get('select')).toBe(pick);
    expect(url.searchParams.get('view')).toMatch(/^-?\d+\.\d+,-?\d+\.\d+,\d+\.\d+$/);
    await done(g);

    // Reload the copied link in a fresh browser context.
    const g2 = await open(url.pathname + url.search);
    await waitReady(g2.page);
    expect(await g2.page.locator('[data-stage-filter="midstream"]').isChecked()).toBe(false);
    expect(await g2.page.locator('[data-stage-filter="support"]').isChecked()).toBe(false);
    expect(await g2.page.locator('[data-stage-filter="upstream"]').isChecked()).toBe(true);
    expect(await g2.page.locator('[data-details]').getAttribute('data-enterprise-id')).toBe(pick);
    const v1 = url.searchParams.get('view')!.split(',').map(Number);
    const v2 = new URL(g2.page.url()).searchParams.get('view')!.split(',').map(Number);
    for (const [i, x] of v1.entries()) expect(Math.abs(x - v2[i]!)).toBeLessThan(1e-3);
    await done(g2);
  });

  it('switches to English and back; lang=en opens in English', async () => {
    const g = await open('/portal/belt/');
    const { page } = g;
    await waitReady(page);
    await page.locator('[data-lang-switch]').click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Shangrao Non-Ferrous Metal Processing Belt');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The map's own controls and attribution follow the interface language.
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('Zoom in');
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain(
      'OpenStreetMap contributors',
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    await done(g);
    const g2 = await open('/portal/belt/?lang=en&embed=1');
    await waitReady(g2.page);
    expect(
      await g2.page.locator('[data-stage-filter="upstream"]').locator('xpath=..').textContent(),
    ).toContain('Upstream');
    await g2.page.screenshot({ path: resolve(SHOTS, 'embed-en.png') });
    await done(g2);
  });

  it('ignores malformed URL parameters with a warning, never fatally', async () => {
    const g = await open('/portal/belt/?stages=upstream,bogus&view=abc&lang=fr&select=');
    await waitReady(g.page);
    expect(await g.page.locator('[data-stage-filter="upstream"]').isChecked()).toBe(true);
    expect(await g.page.locator('[data-stage-filter="midstream"]').isChecked()).toBe(false);
    expect(g.warnings.join('\n')).toMatch(/bogus/);
    expect(g.warnings.join('\n')).toMatch(/view/);
    await done(g);
  });

  it('exports the visible enterprises as GeoJSON in the contract format', async () => {
    const g = await open('/portal/belt/?stages=downstream');
    const { page } = g;
    await waitReady(page);
    const fc = JSON.parse((await exported(page, 'geojson')).toString('utf8')) as GeoJSON.FeatureCollection;
    const expected = byStage('downstream');
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBe(expected.length);
    const keys = Object.keys(fc.features[0]!.properties!);
    expect(keys.slice(0, 8)).toEqual([
      'id',
      'name',
      'stage',
      'segment',
      'county',
      'zone',
      'precision',
      'source',
    ]);
    await done(g);
  });

  it('exports CSV (UTF-8 BOM, WGS84 columns, extras kept) and a PNG that carries the sources', async () => {
    const g = await open('/portal/belt/');
    const { page } = g;
    await waitReady(page);
    const csv = await exported(page, 'csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(csv.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 10)).toEqual([
      'id',
      'name',
      'stage',
      'segment',
      'county',
      'zone',
      'precision',
      'source',
      'longitude',
      'latitude',
    ]);
    expect(rows[0]).toContain('employees');
    expect(rows.length - 1).toBe(sample.features.length);
    // Unlocated enterprises are exported too, with empty coordinates; located ones in WGS84 as in the file.
    const unlocated = sample.features.find((f) => f.geometry === null)!;
    expect(rows.find((r) => r[0] === unlocated.properties?.id)!.slice(8, 10)).toEqual(['', '']);
    const first = located[0]!;
    const r1 = rows.find((r) => r[0] === first.properties?.id)!;
    expect([Number(r1[8]), Number(r1[9])]).toEqual((first.geometry as GeoJSON.Point).coordinates);

    const fc = JSON.parse((await exported(page, 'geojson')).toString('utf8')) as GeoJSON.FeatureCollection;
    expect(fc.features.find((f) => f.properties?.id === unlocated.properties?.id)!.geometry).toBeNull();

    const png = await exported(page, 'png');
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const canvas = (await page.locator('.map canvas').boundingBox())!;
    // Width and height from the IHDR chunk: the map plus a footer with the attribution and sample notice.
    expect(png.readUInt32BE(16)).toBe(Math.round(canvas.width));
    expect(png.readUInt32BE(20)).toBeGreaterThan(Math.round(canvas.height) + 30);
    await done(g);
  });

  it('a malformed belt.config.json falls back to defaults with a visible warning', async () => {
    const g = await open('/badcfg/', { allowConsoleErrors: /^$/ });
    await waitReady(g.page);
    await expect.poll(() => g.page.locator('.warnings').textContent()).toContain('belt.config.json');
    expect(await g.page.locator('.warnings').textContent()).toContain('已使用默认设置');
    // The warning follows a language switch.
    await g.page.locator('[data-lang-switch]').click();
    await expect.poll(() => g.page.locator('.warnings').textContent()).toContain('defaults are used');
    expect(Number(await g.page.locator('[data-stage-count="midstream"]').textContent())).toBe(
      byStage('midstream').length,
    );
    await done(g);
  });

  it('without WebGL the page says so plainly and still offers the list', async () => {
    const g = await open('/portal/belt/', {
      initScript: `(() => { const orig = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (t, ...a) { return /webgl/.test(t) ? null : orig.call(this, t, ...a); }; })()`,
    });
    await waitReady(g.page);
    await g.page.locator('[data-no-webgl]').waitFor();
    expect(Number(await g.page.locator('[data-enterprise-list]').getAttribute('data-total'))).toBe(
      sample.features.length,
    );
    await done(g);
  });

  it('search finds an enterprise by pinyin initials and a zone by Chinese name, and opens them', async () => {
    const g = await open('/portal/belt/');
    const { page } = g;
    await waitReady(page);
    const box = page.locator('input[type=search][data-search]');
    // 示例·横峰县铜熔铸企业 0001 → slhfxtrzqy0001
    await box.fill('slhfxtrzqy0001');
    await page.locator('[data-search-hit="enterprise:sample-0001"]').waitFor();
    await box.press('Enter');
    await page.locator('[data-details][data-enterprise-id="sample-0001"]').waitFor();
    await box.fill('经济技术开发区');
    await page.locator('[data-search-hit="zone:srjk"]').click();
    await page.locator('[data-details][data-zone-id="srjk"]').waitFor();
    await done(g);
  });

  it('the density grid replaces the points, per stage, and the points come back', async () => {
    const g = await open('/portal/belt/');
    const { page } = g;
    await waitReady(page);
    expect((await renderedIds(page)).length).toBeGreaterThan(0);
    await page.locator('input[data-overlay="hexgrid"]').check();
    await waitReady(page);
    expect(await renderedIds(page)).toEqual([]);
    await page.locator('select[data-hexgrid-stage]').selectOption('downstream');
    await waitReady(page);
    await page.screenshot({ path: resolve(SHOTS, 'hexgrid-downstream.png') });
    await page.locator('input[data-overlay="hexgrid"]').uncheck();
    await waitReady(page);
    expect(new Set(await renderedIds(page)).size).toBe(new Set(located.map((f) => f.properties?.id)).size);
    await done(g);
  });

  it('a PMTiles basemap configured in belt.config.json is read from the site by byte ranges', async () => {
    const g = await open('/pmtiles/');
    await waitReady(g.page);
    const statuses = () =>
      g.page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('/tiles/basemap.pmtiles'))
          .map((e) => (e as PerformanceResourceTiming & { responseStatus: number }).responseStatus),
      );
    // The header and root directory, then the tile itself.
    await expect.poll(async () => (await statuses()).length).toBeGreaterThanOrEqual(2);
    expect((await statuses()).every((st) => st === 206)).toBe(true);
    expect(await g.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('test tiles');
    await g.page.screenshot({ path: resolve(SHOTS, 'pmtiles.png') });
    await done(g);
  });

  it('in a small portal iframe (640×480, embed=1) the map comes first and the legend scrolls below it', async () => {
    const g = await open('/portal/belt/?embed=1', { viewport: { width: 640, height: 480 } });
    await waitReady(g.page);
    const map = (await g.page.locator('.map canvas').boundingBox())!;
    const legend = (await g.page.locator('.side').boundingBox())!;
    expect(map.width).toBeGreaterThanOrEqual(600);
    expect(map.height).toBeGreaterThan(180);
    expect(legend.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    expect((await renderedIds(g.page)).length).toBeGreaterThan(0);
    await g.page.screenshot({ path: resolve(SHOTS, 'embed-640x480.png') });
    await done(g);
  });

  it('a copied link also keeps the cluster parameters, large-text mode and the density grid', async () => {
    const g = await open('/portal/belt/');
    const { page } = g;
    await waitReady(page);
    await page.locator('[data-param="maxDistanceKm"]').fill('2');
    await page.locator('[data-param="maxDistanceKm"]').press('Enter');
    await page.locator('[data-param="maxDistanceKm"]').blur();
    await page.locator('input[data-large-text]').check();
    await page.locator('input[data-overlay="hexgrid"]').check();
    await page.locator('select[data-hexgrid-stage]').selectOption('midstream');
    await waitReady(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('hex')).toBe('midstream');
    const url = new URL(page.url());
    expect(url.searchParams.get('dbscan')).toBe('2,3');
    expect(url.searchParams.get('large')).toBe('1');
    expect(url.searchParams.get('hex')).toBe('midstream');
    const clusters = await attr(page, '[data-agglomeration="midstream"]', 'data-clusters');
    await done(g);
    const g2 = await open(url.pathname + url.search);
    await waitReady(g2.page);
    expect(await g2.page.locator('[data-param="maxDistanceKm"]').inputValue()).toBe('2');
    expect(await g2.page.locator('html').getAttribute('data-large-text')).toBe('on');
    expect(await g2.page.locator('select[data-hexgrid-stage]').inputValue()).toBe('midstream');
    expect(await attr(g2.page, '[data-agglomeration="midstream"]', 'data-clusters')).toBe(clusters);
    expect(await renderedIds(g2.page)).toEqual([]); // the grid replaces the points
    await done(g2);
  });

  it('a zone link opens its details and chain gaps without taking focus; a click does take focus', async () => {
    const g = await open('/portal/belt/?zone=srjk&list=1');
    const { page } = g;
    await waitReady(page);
    const details = page.locator('[data-details][data-zone-id="srjk"]');
    await details.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-details]') === null)).toBe(true);
    expect(await page.locator('[data-enterprise-list]').count()).toBe(1);
    // Picking from the list is the person's choice: focus moves into the panel, Escape gives it back.
    const row = page.locator('[data-enterprise-list] [data-enterprise-id] button').first();
    await row.focus();
    await row.press('Enter');
    await page.locator('[data-details][data-enterprise-id]').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('close')))
      .toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-details]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('list-row'))).toBe(true);
    await done(g);
  });

  it('the list is keyboard operable through all of its rows (virtualised)', async () => {
    const g = await open('/portal/belt/?list=1');
    const { page } = g;
    await waitReady(page);
    const list = page.locator('[data-enterprise-list]');
    const total = Number(await list.getAttribute('data-total'));
    expect(total).toBe(sample.features.length);
    expect(await list.locator('[data-enterprise-id]').count()).toBeLessThan(200); // virtualised
    await list.locator('button.list-row').first().focus();
    const focusedIndex = () =>
      page.evaluate(() => Number((document.activeElement as HTMLElement | null)?.dataset.rowIndex));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedIndex).toBe(2);
    await page.keyboard.press('End');
    await expect.poll(focusedIndex).toBe(total - 1);
    await page.keyboard.press('PageUp');
    await expect.poll(focusedIndex).toBeLessThan(total - 1);
    await page.keyboard.press('Home');
    await expect.poll(focusedIndex).toBe(0);
    await page.keyboard.press('Enter');
    await page.locator('[data-details][data-enterprise-id]').waitFor();
    await done(g);
  });

  it('large-text mode flips the html hook, and switching it on draws what loading with large=1 draws', async () => {
    const view = 'view=117.9,28.45,9';
    const g = await open(`/portal/belt/?${view}`);
    await waitReady(g.page);
    await g.page.locator('input[data-large-text]').check();
    expect(await g.page.locator('html').getAttribute('data-large-text')).toBe('on');
    await waitReady(g.page);
    await g.page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const toggled = await g.page.locator('.map canvas').screenshot();
    await g.page.screenshot({ path: resolve(SHOTS, 'large-text.png') });
    const h = await open(`/portal/belt/?${view}&large=1`);
    await waitReady(h.page);
    await h.page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const loaded = await h.page.locator('.map canvas').screenshot();
    // One style definition: the two paths give the same pixels (compared in a blank page).
    const blank = await browser.newPage();
    const differing = await blank.evaluate(
      async ([a, b]) => {
        const px = async (b64: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, c.width, c.height).data;
        };
        const [pa, pb] = [await px(a!), await px(b!)];
        if (pa.length !== pb.length) return 1;
        let n = 0;
        for (let i = 0; i < pa.length; i += 4)
          if (
            Math.abs(pa[i]! - pb[i]!) +
              Math.abs(pa[i + 1]! - pb[i + 1]!) +
              Math.abs(pa[i + 2]! - pb[i + 2]!) >
            24
          )
            n++;
        return n / (pa.length / 4);
      },
      [toggled.toString('base64'), loaded.toString('base64')],
    );
    await blank.close();
    expect(differing).toBeLessThan(0.002);
    await done(g);
    await done(h);
  });
});
