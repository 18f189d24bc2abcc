import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ES module without types
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Build the site (unless E2E_SKIP_BUILD=1 and dist/ exists), find Chromium, serve dist/ under a strict CSP. */
export default async function setup(project: TestProject) {
  const chromium: string = ensureChromium();
  const dist = resolve(ROOT, 'dist');
  if (!(process.env.E2E_SKIP_BUILD === '1' && existsSync(dist))) {
    execSync('npx vite build --logLevel warn', { cwd: ROOT, stdio: 'inherit' });
  }
  const { server, port } = await startServer(dist, [
    { prefix: '/portal/belt/' },
    { prefix: '/badcfg/', configOverride: '{ "title": "broken", "stages": [ "upstream", ' },
  ]);
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('chromium', chromium);
  return () => new Promise<void>((r) => server.close(() => r()));
}
