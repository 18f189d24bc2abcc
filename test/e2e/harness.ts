/**
 * Drives Debian's Chromium with playwright-core and records everything that must not happen:
 * console errors, uncaught exceptions, failed requests, CSP violations, requests to other hosts.
 */
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { ARGS } from './harness-args.ts';

export { ARGS };

export interface Guarded {
  page: Page;
  context: BrowserContext;
  problems: string[];
  /** Console warnings (allowed, but some tests look for them). */
  warnings: string[];
  /** Every URL the page and its workers requested, in order. */
  requested: string[];
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromium'), args: ARGS, headless: true });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function openPage(
  browser: Browser,
  path: string,
  opts: {
    viewport?: { width: number; height: number };
    initScript?: string;
    allowConsoleErrors?: RegExp;
    /** Origins besides the server's that requests may go to (e.g. a test portal on localhost). */
    otherOrigins?: string[];
    /** Full URL instead of baseUrl() + path. */
    url?: string;
    /** URLs whose HTTP errors are expected (a basemap that fails on purpose). */
    allowHttpErrors?: RegExp;
  } = {},
): Promise<Guarded> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const warnings: string[] = [];
  const requested: string[] = [];
  const origin = new URL(baseUrl()).origin;
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (opts.initScript) await page.addInitScript(opts.initScript);
  page.on('console', (m) => {
    if (m.type() === 'error' && !(opts.allowConsoleErrors?.test(m.text()) ?? false))
      problems.push(`console error: ${m.text()}`);
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Downloads of blob: URLs are cancelled by design once saved; everything else counts.
    if (!r.url().startsWith('blob:') && !opts.allowHttpErrors?.test(r.url()))
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !opts.allowHttpErrors?.test(r.url()))
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    const u = r.url();
    requested.push(u);
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    const o = new URL(u).origin;
    if (o !== origin && !opts.otherOrigins?.includes(o)) problems.push(`request to another host: ${u}`);
  });
  await page.goto(opts.url ?? `${baseUrl()}${path}`);
  return { page, context, problems, warnings, requested };
}

/** Wait until <html data-map-state="ready">. */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.mapState === 'ready', null, { timeout });
}

export async function attr(page: Page, selector: string, name: string): Promise<string | null> {
  return page.locator(selector).first().getAttribute(name);
}
