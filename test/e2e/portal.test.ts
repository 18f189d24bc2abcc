/**
 * End-to-end, issue 9, against the test server: the compact embed chrome, the embed-code dialog,
 * basemaps (Tianditu from a loopback tile server, failing basemaps), the picture export, the print view,
 * and the hostile inputs a portal's QA robot tries. Every page fails on console errors, CSP violations,
 * failed requests and requests to other hosts (harness.ts) unless a test expects them.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { baseUrl, type Guarded, launch, openPage, waitReady } from './harness.ts';
import { HOSTILE_ATTRIBUTION } from './portal-mounts.ts';
import { printOnePage } from './print-check.ts';
import type { TileRequest } from './tile-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test/e2e/__screenshots__');
const sample = JSON.parse(
  readFileSync(resolve(ROOT, 'geodata/enterprises.sample.geojson'), 'utf8'),
) as GeoJSON.FeatureCollection;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function done(g: Guarded) {
  expect(g.problems).toEqual([]);
  await g.context.close();
}
const state = (page: Page) => page.evaluate(() => document.documentElement.dataset.mapState);
const tileRequests = async (): Promise<TileRequest[]> =>
  (await fetch(`${inject('tileUrl')}/__requests`)).json() as Promise<TileRequest[]>;
const tileOrigins = (port: string) => [
  ...['0', '1', '2', '3', '4', '5', '6', '7'].map((s) => `http://t${s}.localhost:${port}`),
  `http://missing.localhost:${port}`,
];

describe('compact embed (embed=1)', () => {
  it('shows the map, the legend with the stage filter and a link to the full map; nothing else', async () => {
    const g = await openPage(browser, '/portal/belt/?embed=1&view=117.9,28.45,9&stages=upstream,midstream');
    const { page } = g;
    await waitReady(page);
    for (const gone of [
      '.toolbar',
      '[data-search]',
      '[data-list-toggle]',
      '[data-export]',
      '[data-lang-switch]',
    ])
      expect(await page.locator(gone).count(), gone).toBe(0);
    expect(await page.locator('.analysis-panel').count()).toBe(0);
    expect(await page.locator('[data-enterprise-list]').count()).toBe(0);
    expect(await page.locator('input[data-stage-filter]').count()).toBe(5);
    const link = page.locator('a[data-open-full]');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const href = new URL((await link.getAttribute('href'))!, page.url());
    expect(href.pathname).toBe('/portal/belt/');
    expect(href.searchParams.get('embed')).toBeNull();
    expect(href.searchParams.get('stages')).toBe('upstream,midstream');
    expect(href.searchParams.get('view')).toBe('117.90000,28.45000,9.00');
    // The link follows the view: a stage toggled in the embed is in the full map it opens.
    await page.locator('[data-stage-filter="downstream"]').check();
    await expect
      .poll(async () => new URL((await link.getAttribute('href'))!, page.url()).searchParams.get('stages'))
      .toBe('upstream,midstream,downstream');
    const [popup] = await Promise.all([g.context.waitForEvent('page'), link.click()]);
    await waitReady(popup);
    expect(await popup.locator('.toolbar').count()).toBe(1);
    expect(await popup.locator('[data-stage-filter="downstream"]').isChecked()).toBe(true);
    expect(await popup.locator('[data-stage-filter="support"]').isChecked()).toBe(false);
    await popup.close();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(SHOTS, 'compact-embed.png') });
    await done(g);
  });

  it('side panels only when asked for (panel=1, list=1)', async () => {
    const g = await openPage(browser, '/portal/belt/?embed=1&panel=1&list=1');
    await waitReady(g.page);
    expect(await g.page.locator('.analysis-panel').count()).toBe(1);
    expect(Number(await g.page.locator('[data-enterprise-list]').getAttribute('data-total'))).toBe(
      sample.features.length,
    );
    expect(await seriousViolations(g.page)).toEqual([]);
    await done(g);
  });

  it('from 320 px wide to full screen: the map and the legend stay usable', async () => {
    for (const viewport of [
      { width: 320, height: 480 },
      { width: 1920, height: 1080 },
    ]) {
      const g = await openPage(browser, '/portal/belt/?embed=1', { viewport });
      await waitReady(g.page);
      const map = (await g.page.locator('.map canvas').boundingBox())!;
      const side = (await g.page.locator('.side').boundingBox())!;
      if (viewport.width < 760) {
        // Narrow: the map on top at full width, the legend below it.
        expect(map.width).toBeGreaterThanOrEqual(viewport.width - 2);
        expect(side.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
      } else {
        // Wide: the legend beside the map, which takes the rest.
        expect(map.width + side.width).toBeGreaterThanOrEqual(viewport.width - 2);
        expect(map.width).toBeGreaterThan(viewport.width * 0.7);
      }
      expect(map.height).toBeGreaterThan(viewport.height * 0.4);
      // Nothing sticks out sideways (no horizontal scrolling in a narrow portal column).
      expect(await g.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      const box = (await g.page.locator('[data-stage-filter="upstream"]').boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      if (viewport.width === 320) await g.page.screenshot({ path: resolve(SHOTS, 'compact-embed-320.png') });
      await done(g);
    }
  });

  it('keyboard alone reaches and operates every control', async () => {
    const g = await openPage(browser, '/portal/belt/?embed=1', { viewport: { width: 900, height: 640 } });
    const { page } = g;
    await waitReady(page);
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex="0"]')]
        .filter((e) => e.offsetParent !== null || e.getClientRects().length > 0)
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    const reached = new Set<string>();
    for (let i = 0; i < controls.length + 10; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
    }
    for (const c of controls) expect(reached.has(c), c).toBe(true);
    // Operates: a stage checkbox by Space, the zoom button by Enter.
    await page.locator('[data-stage-filter="midstream"]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-stage-filter="midstream"]').isChecked()).toBe(false);
    await waitReady(page);
    await page.locator('[data-stages-all="on"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-stage-filter="midstream"]').isChecked()).toBe(true);
    await waitReady(page);
    await page.locator('.maplibregl-ctrl-zoom-in').focus();
    const before = new URL(page.url()).searchParams.get('view');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => new URL(page.url()).searchParams.get('view'), { timeout: 10_000 })
      .not.toBe(before);
    // The map itself pans with the arrow keys.
    await page.locator('.maplibregl-canvas').focus();
    const v1 = new URL(page.url()).searchParams.get('view');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('view'), { timeout: 10_000 }).not.toBe(v1);
    await done(g);
  });
});

describe('embed-code dialog', () => {
  it('gives the iframe snippet of the current view with size, language and chrome, a preview and a copy button', async () => {
    const g = await openPage(browser, '/portal/belt/?stages=upstream,downstream&view=117.5,28.6,10');
    const { page } = g;
    await g.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(baseUrl()).origin,
    });
    await waitReady(page);
    await page.locator('[data-embed-code]').click();
    const dialog = page.locator('dialog[data-embed-dialog]');
    await dialog.waitFor();
    const snippet = () => page.locator('textarea[data-embed-snippet]').inputValue();
    const srcOf = async () => {
      const m = /src="([^"]+)"/.exec(await snippet());
      return new URL(m![1]!.replaceAll('&amp;', '&'));
    };
    let src = await srcOf();
    expect(src.pathname).toBe('/portal/belt/');
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('stages')).toBe('upstream,downstream');
    expect(src.searchParams.get('view')).toBe('117.50000,28.60000,10.00');
    expect(await snippet()).toMatch(/width="800" height="600"/);
    expect(await snippet()).toMatch(/title="上饶有色金属加工产业带地图（交互地图）"/);
    await page.locator('[data-embed-width]').fill('640');
    await page.locator('[data-embed-width]').press('Tab');
    await page.locator('[data-embed-height]').fill('99999');
    await page.locator('[data-embed-height]').press('Tab');
    await page.locator('[data-embed-lang]').selectOption('en');
    await page.locator('[data-embed-mode="full"]').check();
    await expect.poll(snippet).toMatch(/width="640" height="3840"/);
    src = await srcOf();
    expect(src.searchParams.get('lang')).toBe('en');
    expect(src.searchParams.get('embed')).toBeNull();
    expect(await snippet()).toContain('title="Shangrao Non-Ferrous Metal Processing Belt (interactive map)"');
    await page.locator('[data-embed-mode="compact"]').check();
    // The live preview shows the snippet's map.
    const preview = page.frameLocator('iframe[data-embed-preview]');
    await expect
      .poll(() => page.locator('iframe[data-embed-preview]').getAttribute('src'))
      .toContain('embed=1');
    await preview.locator('a[data-open-full]').waitFor();
    expect(await preview.locator('[data-stage-filter="midstream"]').isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(SHOTS, 'embed-code-dialog.png') });
    await page.locator('[data-embed-copy]').click();
    await expect
      .poll(() => page.locator('[data-embed-copied]').getAttribute('data-embed-copied'))
      .toBe('copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet());
    // Esc closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-embed-code'))).toBe(true);
    // Each option change reloads the preview, which aborts the loads of the one before: by design.
    g.problems.splice(0, g.problems.length, ...g.problems.filter((p) => !/net::ERR_ABORTED$/.test(p)));
    await done(g);
  });

  it('the snippet works as pasted: a page with only that iframe shows the same view', async () => {
    const g = await openPage(browser, '/portal/belt/?stages=midstream&view=117.9,28.4,9.5');
    const { page } = g;
    await waitReady(page);
    await page.locator('[data-embed-code]').click();
    const code = await page.locator('textarea[data-embed-snippet]').inputValue();
    // Closed once its preview has loaded (closing it earlier aborts the preview's requests).
    await page
      .frameLocator('iframe[data-embed-preview]')
      .locator('html[data-map-state="ready"]')
      .waitFor({ timeout: 60_000 });
    await page.locator('[data-embed-close]').click();
    // A portal page on another origin holding nothing but the pasted code.
    const portal = `http://localhost:${new URL(baseUrl()).port}`;
    const h = await openPage(browser, '', {
      url: `${portal}/pasted.html?code=${encodeURIComponent(code)}`,
      otherOrigins: [portal],
    });
    const frame = h.page.frameLocator('iframe');
    await h.page.waitForTimeout(5000);
    await h.page.screenshot({ path: resolve(SHOTS, 'pasted.png') });
    console.log(
      h.problems,
      h.page.frames().map((f) => f.url()),
    );
    await frame.locator('html[data-map-state="ready"]').waitFor({ timeout: 60_000 });
    expect(await frame.locator('[data-stage-filter="midstream"]').isChecked()).toBe(true);
    expect(await frame.locator('[data-stage-filter="upstream"]').isChecked()).toBe(false);
    expect(await h.page.locator('iframe').getAttribute('title')).toContain('交互地图');
    await done(h);
    await done(g);
  });
});

describe('basemaps', () => {
  it('Tianditu imagery with its annotation layer, subdomains and the token, from a tile server on loopback', async () => {
    const port = new URL(inject('tileUrl')).port;
    const g = await openPage(browser, '/tianditu/', { otherOrigins: tileOrigins(port) });
    const { page } = g;
    await waitReady(page);
    await expect
      .poll(async () => (await tileRequests()).filter((r) => r.layer === 'cia').length)
      .toBeGreaterThan(0);
    const reqs = await tileRequests();
    expect(new Set(reqs.filter((r) => r.layer === 'img').map((r) => r.host)).size).toBeGreaterThan(1);
    expect(reqs.every((r) => r.token === 'tdt-test-token')).toBe(true);
    expect(reqs.filter((r) => r.layer === 'eia')).toEqual([]);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('天地图');
    // English annotation for lang=en.
    await page.locator('[data-lang-switch]').click();
    await expect
      .poll(async () => (await tileRequests()).filter((r) => r.layer === 'eia').length)
      .toBeGreaterThan(0);
    expect(await page.locator('.warnings').count()).toBe(0);
    await done(g);
  });

  it('a basemap whose every tile is 404 never stops the map: ready, with a visible warning', async () => {
    const port = new URL(inject('tileUrl')).port;
    const g = await openPage(browser, '/tiles404/', {
      otherOrigins: tileOrigins(port),
      allowHttpErrors: /missing\.localhost/,
      allowConsoleErrors: /Failed to load resource/,
    });
    await waitReady(g.page);
    await expect.poll(() => g.page.locator('.warnings').textContent()).toContain('底图无法加载');
    expect(
      (
        await g.page.evaluate(() =>
          (window as never as { belt: { renderedEnterpriseIds(): string[] } }).belt.renderedEnterpriseIds(),
        )
      ).length,
    ).toBeGreaterThan(0);
    // And it goes on working: a toggle comes back to ready.
    await g.page.locator('[data-stage-filter="midstream"]').uncheck();
    await waitReady(g.page);
    await done(g);
  });

  it('a missing PMTiles archive: ready, with a visible warning and no console error', async () => {
    const g = await openPage(browser, '/pmtiles-missing/', {
      allowHttpErrors: /none\.pmtiles/,
      allowConsoleErrors: /Failed to load resource/,
    });
    await waitReady(g.page);
    await expect.poll(() => g.page.locator('.warnings').textContent()).toContain('底图无法加载');
    expect(await state(g.page)).toBe('ready');
    await done(g);
  });

  it('attribution strings from the config are text, never HTML', async () => {
    const g = await openPage(browser, '/attrib/');
    await waitReady(g.page);
    const attrib = g.page.locator('.maplibregl-ctrl-attrib');
    expect(await attrib.textContent()).toContain(HOSTILE_ATTRIBUTION);
    expect(await attrib.locator('img, b').count()).toBe(0);
    await done(g);
  });
});

describe('picture and print', () => {
  it('[data-export="png"] at print resolution (2×): title, map, legend, scale bar, date, notice, attribution', async () => {
    const g = await openPage(browser, '/portal/belt/');
    const { page } = g;
    await waitReady(page);
    const pngOf = async () => {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-export="png"]').click(),
      ]);
      return readFileSync(await d.path());
    };
    const one = await pngOf();
    await page.locator('[data-export-scale]').selectOption('2');
    const two = await pngOf();
    const canvas = (await page.locator('.map canvas').boundingBox())!;
    expect(one.readUInt32BE(16)).toBe(Math.round(canvas.width));
    expect(two.readUInt32BE(16)).toBe(Math.round(canvas.width) * 2);
    expect(two.readUInt32BE(20)).toBeGreaterThan(2 * Math.round(canvas.height) + 100);
    // The map is back at screen resolution after the picture.
    expect(
      await page.evaluate(() => (document.querySelector('.map canvas') as HTMLCanvasElement).width),
    ).toBe(Math.round(canvas.width));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(resolve(SHOTS, 'export-2x.png'), two);
    await waitReady(page);
    await done(g);
  });

  it('prints one A4 landscape page of the map, the legend and the figures; axe-clean', async () => {
    const g = await openPage(browser, '/portal/belt/', { viewport: { width: 1123, height: 794 } });
    const { page } = g;
    await waitReady(page);
    await printOnePage(page, resolve(SHOTS, 'print-view.png'));
    await done(g);
  });
});

describe('hostile inputs', () => {
  it('?select=__proto__ (and constructor) leave the map working, with a warning', async () => {
    for (const id of ['__proto__', 'constructor']) {
      const g = await openPage(browser, `/portal/belt/?select=${id}`);
      await waitReady(g.page);
      expect(await g.page.locator('[data-details]').count()).toBe(0);
      expect(g.warnings.join('\n')).toContain(id);
      await g.page.locator('[data-stage-filter="midstream"]').uncheck();
      await waitReady(g.page);
      await done(g);
    }
  });

  it('config data URLs that only look relative are refused before any request to the other host', async () => {
    for (const mount of ['/hostile-urls-a/', '/hostile-urls-b/']) {
      const g = await openPage(browser, mount, { allowConsoleErrors: /^$/ });
      await waitReady(g.page);
      expect(await g.page.locator('.warnings').textContent()).toContain('data.enterprises');
      expect(Number(await g.page.locator('[data-stage-count="midstream"]').textContent())).toBeGreaterThan(0);
      await done(g);
    }
  });

  it('a data file that is JSON but not a FeatureCollection gives error, naming the file', async () => {
    const g = await openPage(browser, '/notfc/', { allowConsoleErrors: /could not load data/ });
    await g.page.waitForFunction(() => document.documentElement.dataset.mapState === 'error', null, {
      timeout: 60_000,
    });
    expect(await g.page.locator('.error').textContent()).toContain('data/not-fc.json');
    await done(g);
  });
});
