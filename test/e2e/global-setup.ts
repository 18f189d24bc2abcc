import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ES module without types
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { pmtilesArchive, solidPng } from './pmtiles-fixture.ts';
import { examplePortal, portalMounts } from './portal-mounts.ts';
import { startServer } from './server.ts';
import { startTileServer } from './tile-server.ts';

function pmtilesFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'belt-pmtiles-'));
  const f = join(dir, 'basemap.pmtiles');
  writeFileSync(f, pmtilesArchive(solidPng(256, [200, 220, 240])));
  return f;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string;
    /** The loopback tile server that answers Tianditu's URL template (tile-server.ts). */
    tileUrl: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A stand-in government portal: embeds the map given by ?src= in an iframe, records every message it
 * receives in window.received, and sends window.send(msg) to the frame.
 */
const PORTAL_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>portal</title><link rel="icon" href="data:,"></head><body>
<h1>Portal</h1>
<iframe id="map" width="1000" height="700"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));
  const src = new URLSearchParams(location.search).get('src');
  document.getElementById('map').src = src;
  window.send = (msg) => document.getElementById('map').contentWindow.postMessage(msg, '*');
</script></body></html>`;

/** Build the site (unless E2E_SKIP_BUILD=1 and dist/ exists), find Chromium, serve dist/ under a strict CSP. */
export default async function setup(project: TestProject) {
  const chromium: string = ensureChromium();
  const dist = resolve(ROOT, 'dist');
  if (!(process.env.E2E_SKIP_BUILD === '1' && existsSync(dist))) {
    execSync('npx vite build --logLevel warn', { cwd: ROOT, stdio: 'inherit' });
  }
  const tiles = await startTileServer();
  const { server, port } = await startServer(
    dist,
    [
      { prefix: '/portal/belt/' },
      { prefix: '/badcfg/', configOverride: '{ "title": "broken", "stages": [ "upstream", ' },
      // Drivable by a portal at http://localhost:PORT (another origin than 127.0.0.1:PORT).
      {
        prefix: '/embedcfg/',
        configOverride: '{ "embed": { "allowedOrigins": ["http://localhost:{PORT}"] } }',
      },
      // A raster PMTiles basemap served from the site itself.
      {
        prefix: '/pmtiles/',
        files: { 'tiles/basemap.pmtiles': pmtilesFile() },
        configOverride:
          '{ "basemap": { "type": "pmtiles", "url": "tiles/basemap.pmtiles", "attribution": "test tiles" } }',
      },
      ...portalMounts(tiles.port, pmtilesFile()),
    ],
    { '/portal.html': PORTAL_PAGE, ...examplePortal(ROOT) },
  );
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('tileUrl', `http://127.0.0.1:${tiles.port}`);
  project.provide('chromium', chromium);
  return async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await new Promise<void>((r) => tiles.server.close(() => r()));
  };
}
