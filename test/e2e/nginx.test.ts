/**
 * End-to-end behind Debian's nginx with deploy/nginx.conf (issue 9): the headers a portal's server must
 * send, and examples/portal.html on another origin embedding the map under the strict CSP and driving it
 * by messages; an origin not listed gets nothing; hostile messages are refused; axe; print.
 * One nginx process for the whole file, serving the dist/ the suite built (no rebuild).
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { baseUrl, type Guarded, launch, openPage, waitReady } from './harness.ts';
import { type Nginx, SUB_PATH, startNginx } from './nginx.ts';
import { pmtilesArchive, solidPng } from './pmtiles-fixture.ts';
import { printOnePage } from './print-check.ts';
import { CSP } from './server.ts';

let browser: Browser;
let nginx: Nginx;
const port = () => new URL(baseUrl()).port;
/** The portal listed in belt.config.json and in $belt_portals. */
const portal = () => `http://localhost:${port()}`;
/** A portal listed nowhere. */
const stranger = () => `http://other.localhost:${port()}`;
const archive = pmtilesArchive(solidPng(256, [200, 220, 240]));

beforeAll(async () => {
  browser = await launch();
  nginx = await startNginx({
    portals: [portal()],
    config: { embed: { allowedOrigins: [portal()] } },
    files: { 'tiles/basemap.pmtiles': archive },
  });
});
afterAll(async () => {
  await nginx?.stop();
  await browser?.close();
});

const mapUrl = () => `${nginx.origin}${SUB_PATH}`;
const portalPage = (origin: string) => `${origin}/examples/portal.html?map=${encodeURIComponent(mapUrl())}`;

interface Received {
  origin: string;
  data: { type: string; [k: string]: unknown };
}
const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);
const lastState = async (page: Page) =>
  (await received(page)).filter((m) => m.data.type === 'belt:state').at(-1)?.data;
const send = (page: Page, msg: unknown) =>
  page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), msg);

async function mapFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const f = page.frames().find((fr) => fr.url().startsWith(nginx.origin));
    if (f) {
      await f.waitForFunction(() => document.documentElement.dataset.mapState === 'ready', null, {
        timeout: 60_000,
      });
      return f;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no map frame');
}
async function done(g: Guarded) {
  expect(g.problems).toEqual([]);
  await g.context.close();
}

describe('deploy/nginx.conf on Debian nginx', () => {
  it('sends the strict CSP with frame-ancestors from the list, types, ranges, caching and compression', async () => {
    const index = await fetch(mapUrl());
    expect(index.status).toBe(200);
    const csp = index.headers.get('content-security-policy')!;
    expect(csp.startsWith(CSP)).toBe(true);
    expect(csp).toContain(`frame-ancestors 'self' ${portal()}`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await index.text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${mapUrl()}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('content-security-policy')).toContain('frame-ancestors');
    const cfg = await fetch(`${mapUrl()}belt.config.json`);
    expect(cfg.headers.get('cache-control')).toBe('no-store');
    expect(await cfg.json()).toEqual({ embed: { allowedOrigins: [portal()] } });
    const geo = await fetch(`${mapUrl()}data/counties.geojson`);
    expect(geo.headers.get('content-type')).toBe('application/geo+json');
    expect(geo.headers.get('cache-control')).toBe('no-cache');
    const worker = /assets\/maplibre-gl-worker-[\w-]+\.mjs/.exec(
      await (await fetch(`${mapUrl()}${script}`)).text(),
    );
    if (worker)
      expect((await fetch(`${mapUrl()}${worker[0]}`)).headers.get('content-type')).toBe('text/javascript');
    const range = await fetch(`${mapUrl()}tiles/basemap.pmtiles`, {
      headers: { Range: 'bytes=0-126', 'Accept-Encoding': 'gzip' },
    });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 0-126/${archive.length}`);
    expect(range.headers.get('content-type')).toBe('application/vnd.pmtiles');
    expect(Buffer.from(await range.arrayBuffer())).toEqual(archive.subarray(0, 127));
    // The sub-path without its slash is redirected; nothing outside it is served.
    const bare = await fetch(mapUrl().slice(0, -1), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(mapUrl());
    expect((await fetch(`${nginx.origin}/belt.config.json`)).status).toBe(404);
    expect(gzipSync(html).length).toBeGreaterThan(0);
  });

  it('examples/portal.html on another origin embeds the map and drives it by messages', async () => {
    const g = await openPage(browser, '', {
      url: portalPage(portal()),
      otherOrigins: [portal(), nginx.origin],
    });
    const { page } = g;
    const frame = await mapFrame(page);
    await expect
      .poll(async () => (await lastState(page))?.stages)
      .toEqual(['upstream', 'midstream', 'downstream', 'support', 'unclassified']);
    const types = (await received(page)).map((m) => m.data.type);
    expect(types).toContain('belt:ready');
    expect((await received(page)).every((m) => m.origin === nginx.origin)).toBe(true);
    // The portal's own controls: stages, view, selection, state.
    await page.getByLabel('中游').uncheck();
    await expect
      .poll(async () => (await lastState(page))?.stages)
      .toEqual(['upstream', 'downstream', 'support', 'unclassified']);
    expect(await frame.locator('[data-stage-filter="midstream"]').isChecked()).toBe(false);
    await page.getByRole('button', { name: '信州区' }).click();
    await expect.poll(() => new URL(frame.url()).searchParams.get('view')).toBe('117.97000,28.45000,11.00');
    await page.getByRole('button', { name: '选中', exact: true }).click();
    await expect
      .poll(async () => (await received(page)).find((m) => m.data.type === 'belt:selected')?.data.id)
      .toBe('sample-0002');
    await frame.locator('[data-details][data-enterprise-id="sample-0002"]').waitFor();
    const n = (await received(page)).length;
    await page.getByRole('button', { name: /belt:get-state/ }).click();
    await expect
      .poll(async () => (await received(page)).slice(n).some((m) => m.data.type === 'belt:state'))
      .toBe(true);
    expect(await page.locator('#summary').textContent()).toContain('upstream');

    // Hostile messages are refused like malformed URL values: the map keeps its view and keeps working.
    const view = new URL(frame.url()).searchParams.get('view');
    for (const bad of [
      { type: 'belt:set-view', lon: 1e308, lat: 28, zoom: 9 },
      { type: 'belt:set-view', lon: 117, lat: 1000, zoom: 9 },
      { type: 'belt:set-view', lon: 117, lat: 28, zoom: Number.NaN },
      { type: 'belt:select', id: '__proto__' },
      { type: 'belt:select', id: 'constructor' },
      { type: 'belt:set-stages', stages: ['__proto__'] },
      { type: 'belt:set-stages', stages: '<img src=x>' },
    ])
      await send(page, bad);
    await expect
      .poll(() => g.warnings.filter((w) => /ignoring malformed belt:set-view/.test(w)).length)
      .toBe(3);
    expect(new URL(frame.url()).searchParams.get('view')).toBe(view);
    expect(await frame.locator('[data-details][data-enterprise-id="sample-0002"]').count()).toBe(1);
    await page.getByLabel('上游').uncheck();
    await expect
      .poll(async () => (await lastState(page))?.stages)
      .toEqual(['downstream', 'support', 'unclassified']);
    await frame.waitForFunction(() => document.documentElement.dataset.mapState === 'ready');
    const ids = await frame.evaluate(() =>
      (window as unknown as { belt: { renderedEnterpriseIds(): string[] } }).belt.renderedEnterpriseIds(),
    );
    expect(ids.length).toBeGreaterThan(0);

    // axe on the embedded compact view and on the portal example itself.
    expect(await seriousViolations(frame)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await done(g);
  });

  it('a portal listed nowhere gets nothing: the frame is refused and no message is answered', async () => {
    const g = await openPage(browser, '', {
      url: portalPage(stranger()),
      otherOrigins: [stranger(), nginx.origin],
      allowConsoleErrors: /frame-ancestors|Refused to frame/,
    });
    const { page } = g;
    await page.waitForTimeout(3000);
    await send(page, { type: 'belt:get-state' });
    await send(page, { type: 'belt:set-stages', stages: [] });
    await page.waitForTimeout(1000);
    expect(await received(page)).toEqual([]);
    // The frame shows no map: the browser refused it (frame-ancestors).
    const mapFrames = page.frames().filter((f) => f !== page.mainFrame());
    for (const f of mapFrames)
      expect(
        await f.evaluate(() => document.documentElement.dataset.mapState ?? null).catch(() => null),
      ).toBeNull();
    await g.context.close();
  });

  it('the full map behind nginx: ready under the strict CSP, hostile URL values refused, and it prints', async () => {
    const g = await openPage(browser, '', {
      url: `${mapUrl()}?select=__proto__&view=1e308,28,9`,
      otherOrigins: [nginx.origin],
      viewport: { width: 1123, height: 794 },
    });
    const { page } = g;
    await waitReady(page);
    expect(await page.locator('[data-details]').count()).toBe(0);
    expect(g.warnings.join('\n')).toMatch(/__proto__/);
    expect(g.warnings.join('\n')).toMatch(/view=1e308/);
    await printOnePage(page);
    await done(g);
  });
});
