/**
 * End-to-end: a portal on another origin (localhost vs 127.0.0.1) embeds the map in an iframe and
 * drives it by postMessage — only when belt.config.json allows that origin.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openPage } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Received {
  origin: string;
  data: { type: string; [k: string]: unknown };
}
const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);
const portalUrl = (mount: string) => {
  const port = new URL(baseUrl()).port;
  const src = `${baseUrl()}${mount}?embed=1`;
  return {
    url: `http://localhost:${port}/portal.html?src=${encodeURIComponent(src)}`,
    portal: `http://localhost:${port}`,
  };
};
async function mapFrame(page: Page): Promise<Frame> {
  await page.waitForFunction(
    () => (document.getElementById('map') as HTMLIFrameElement | null)?.contentWindow,
    null,
  );
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((fr) => fr.url().startsWith(baseUrl()));
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

describe('embedding in a portal', () => {
  it('an allowed portal receives ready/state, sets stages, selects, and gets the state on request', async () => {
    const { url, portal } = portalUrl('/embedcfg/');
    const g = await openPage(browser, '', { url, otherOrigins: [portal] });
    const { page } = g;
    const frame = await mapFrame(page);
    await expect.poll(async () => (await received(page)).map((m) => m.data.type)).toContain('belt:state');
    const first = await received(page);
    expect(first.map((m) => m.data.type)).toContain('belt:ready');
    expect(first.every((m) => m.origin === new URL(baseUrl()).origin)).toBe(true);
    const st0 = first.find((m) => m.data.type === 'belt:state')!.data;
    expect(Number((st0.counts as Record<string, number>).midstream)).toBeGreaterThan(0);

    await page.evaluate(() =>
      (window as unknown as { send(m: unknown): void }).send({
        type: 'belt:set-stages',
        stages: ['upstream'],
      }),
    );
    await expect
      .poll(
        async () => (await received(page)).filter((m) => m.data.type === 'belt:state').at(-1)?.data.stages,
      )
      .toEqual(['upstream']);
    expect(await frame.locator('[data-stage-filter="midstream"]').isChecked()).toBe(false);
    const last = (await received(page)).filter((m) => m.data.type === 'belt:state').at(-1)!.data;
    // Faceted counts, as the DOM hook: midstream is off but still counts what it would show.
    expect((last.counts as Record<string, number>).midstream).toBe(
      (st0.counts as Record<string, number>).midstream,
    );
    expect(Object.keys(last.levels as object).sort()).toEqual(['downstream', 'midstream', 'upstream']);

    await page.evaluate(() =>
      (window as unknown as { send(m: unknown): void }).send({ type: 'belt:select', id: 'sample-0002' }),
    );
    await expect
      .poll(async () => (await received(page)).find((m) => m.data.type === 'belt:selected')?.data.id)
      .toBe('sample-0002');
    await frame.locator('[data-details][data-enterprise-id="sample-0002"]').waitFor();

    await page.evaluate(() =>
      (window as unknown as { send(m: unknown): void }).send({
        type: 'belt:set-view',
        lon: 117.5,
        lat: 28.9,
        zoom: 11,
      }),
    );
    await expect.poll(() => new URL(frame.url()).searchParams.get('view')).toBe('117.50000,28.90000,11.00');

    const before = (await received(page)).length;
    await page.evaluate(() =>
      (window as unknown as { send(m: unknown): void }).send({ type: 'belt:get-state' }),
    );
    await expect
      .poll(async () => (await received(page)).slice(before).some((m) => m.data.type === 'belt:state'))
      .toBe(true);
    expect(g.problems).toEqual([]);
    await g.context.close();
  });

  it('with an empty allowlist a portal on another origin can neither drive nor read the map', async () => {
    const { url, portal } = portalUrl('/portal/belt/');
    const g = await openPage(browser, '', { url, otherOrigins: [portal] });
    const { page } = g;
    const frame = await mapFrame(page);
    await page.evaluate(() =>
      (window as unknown as { send(m: unknown): void }).send({ type: 'belt:set-stages', stages: [] }),
    );
    await page.evaluate(() =>
      (window as unknown as { send(m: unknown): void }).send({ type: 'belt:get-state' }),
    );
    await page.waitForTimeout(1500);
    expect(await received(page)).toEqual([]);
    expect(await frame.locator('[data-stage-filter="midstream"]').isChecked()).toBe(true);
    expect(g.problems).toEqual([]);
    await g.context.close();
  });
});
