/**
 * npm run screenshot: serves dist/ under the strict CSP, opens it in headless Chromium and writes
 * docs/screenshot.png (the README's picture). Optional: --path '/portal/belt/?lang=en' --out file.png
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ARGS } from '../test/e2e/harness-args.ts';
import { startServer } from '../test/e2e/server.ts';
// @ts-expect-error plain ES module without types
import { ensureChromium } from './ensure-chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    path: { type: 'string', default: '/portal/belt/' },
    out: { type: 'string', default: 'docs/screenshot.png' },
    width: { type: 'string', default: '1400' },
    height: { type: 'string', default: '860' },
    click: { type: 'string' },
  },
});
const { server, port } = await startServer(resolve(ROOT, 'dist'), [{ prefix: '/portal/belt/' }]);
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ARGS });
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: Number(values.height) },
  });
  page.on('console', (m) => m.type() === 'error' && console.error('console error:', m.text()));
  await page.goto(`http://127.0.0.1:${port}${values.path}`);
  await page.waitForFunction(() => document.documentElement.dataset.mapState === 'ready', null, {
    timeout: 60_000,
  });
  if (values.click) {
    await page.locator(values.click).first().click();
    await page.waitForFunction(() => document.documentElement.dataset.mapState === 'ready', null, {
      timeout: 60_000,
    });
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: resolve(ROOT, values.out!) });
  console.log(`wrote ${values.out}`);
} finally {
  await browser.close();
  server.close();
}
